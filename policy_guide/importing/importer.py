"""Write a Word policy into the library as a draft: all of it, or nothing.

`import_file` checks the Word file and the name first, reads and converts the document
(draft.py), then writes the policy's folder, laid out as `make new-policy` lays it out, and
its CODEOWNERS line, and loads the whole library again as the build will. If anything fails,
the folder is removed and CODEOWNERS put back: nothing half-made is left. The report goes
beside the folder. `import_folder` does the same for each .docx in a folder, one file at a
time, so one bad file stops only itself.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from lxml.etree import LxmlError

from ..domain.codeowners import CODEOWNERS, write_codeowners
from ..domain.errors import SourceError
from ..domain.loader import SOURCE_FOLDER, load_library
from ..domain.scaffold import ScaffoldError, check_name, choose_category
from .draft import Draft, Options, build_draft
from .reading import read_document
from .report import report_path, write_report
from .wordfile import WordFileError, check_word_file


class NotImported(Exception):
    """Why a file was not imported, in words for the person importing."""


@dataclass(frozen=True)
class Imported:
    name: str
    draft: Draft
    files: list[Path]  # the policy's files and CODEOWNERS
    report: Path
    team: str  # who reviews changes to it (CODEOWNERS)


def import_file(root: Path, path: Path, options: Options, today: dt.date) -> Imported:
    """Import the Word file at `path` into the project at `root` as a draft policy."""
    try:
        check_word_file(path)
    except WordFileError as error:
        raise NotImported(str(error)) from None
    if options.name:
        _check_name(options.name.strip(), root)
    try:
        library = load_library(root / SOURCE_FOLDER)
    except SourceError as error:
        raise NotImported(f"The library has a problem to fix before anything is added to it: "
                           f"{error}") from None
    try:
        category = choose_category(library.settings.categories, options.category)
    except ScaffoldError as error:
        raise NotImported(str(error)) from None
    try:
        document = read_document(path)
    except (KeyError, ValueError, LxmlError, zipfile.BadZipFile, AttributeError) as error:
        raise NotImported(
            f"{path.name} could not be read as a Word document ({type(error).__name__}: "
            f"{str(error)[:120]}). Open it in Word, save it again as a Word Document (.docx), "
            "and import that.") from None
    chosen = Options(options.name, options.title, options.owner, options.contact, category)
    try:
        draft = build_draft(document, chosen, library.settings.categories, today)
    except (SourceError, KeyError, ValueError, IndexError, AttributeError, TypeError) as error:
        raise NotImported(
            f"{path.name} could be read, but not turned into a draft ({type(error).__name__}: "
            f"{str(error)[:200]}). This is a fault in the import, not in your Word file: "
            "please report it to the guide's maintainers with the file.") from None
    if not options.name:
        _check_name(draft.name, root)
    return _write(root, draft, document, today)


def _check_name(name: str, root: Path) -> None:
    try:
        check_name(name, root)
    except ScaffoldError as error:
        raise NotImported(str(error)) from None


def _write(root: Path, draft: Draft, document, today: dt.date) -> Imported:
    source = root / SOURCE_FOLDER
    folder = source / draft.name
    codeowners = root / CODEOWNERS
    before = codeowners.read_text(encoding="utf-8") if codeowners.exists() else None
    report = report_path(root, SOURCE_FOLDER, draft.name)
    written: list[Path] = []
    try:
        folder.mkdir(parents=True)
        for name, text in draft.files.items():
            (folder / name).write_text(text, encoding="utf-8")
            written.append(folder / name)
        library = load_library(source)
        written.append(write_codeowners(root, library))
        write_report(report, draft, document, f"{SOURCE_FOLDER}/{draft.name}/", today)
    except BaseException as error:
        shutil.rmtree(folder, ignore_errors=True)
        report.unlink(missing_ok=True)
        if before is None:
            codeowners.unlink(missing_ok=True)
        else:
            codeowners.write_text(before, encoding="utf-8")
        if isinstance(error, SourceError):
            raise NotImported(
                f"The draft made from {document.name} does not pass the library's checks, so "
                f"nothing was written. The check said: {error}\nThis is a fault in the "
                "import, not in your Word file: please report it to the guide's maintainers "
                "with the file.") from None
        raise
    return Imported(draft.name, draft, written, report,
                    library.policies[draft.name].team(library.settings))


@dataclass(frozen=True)
class FolderResult:
    path: Path
    imported: Imported | None
    problem: str | None


def word_files(folder: Path) -> list[Path]:
    """The files in `folder` an import would try: every file but hidden ones and Word's own
    lock files (~$name.docx, there while a document is open)."""
    return sorted(path for path in folder.iterdir() if path.is_file()
                  and not path.name.startswith((".", "~$")))


def import_folder(root: Path, folder: Path, options: Options, today: dt.date,
                  progress: Callable[[int, int, Path], None] | None = None
                  ) -> Iterator[FolderResult]:
    """Import each file in `folder` as its own draft, named from its title; yield what
    happened to each, in name order. A file that fails leaves nothing behind and does not
    stop the rest."""
    files = word_files(folder)
    for index, path in enumerate(files, start=1):
        if progress:
            progress(index, len(files), path)
        each = Options(None, None, options.owner, options.contact, options.category)
        try:
            yield FolderResult(path, import_file(root, path, each, today), None)
        except NotImported as error:
            yield FolderResult(path, None, str(error))
