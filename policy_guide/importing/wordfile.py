"""Open a Word file for import, refusing anything the import cannot read whole and safely.

A .docx file is a zip archive of XML parts. Before any part is read as a document:

* the file must be a Word document (.docx), not an old .doc, a password-protected file (an
  encrypted "compound file", not a zip), a macro-enabled .docm or a template;
* it must fit the size limits, both as a file and once expanded: a small zip can expand to
  gigabytes, so the sizes the archive declares are checked before anything is expanded, and
  reading stops at the declared size;
* every XML part is read first by defusedxml, which refuses the entity and DTD tricks that
  make an XML reader expand or fetch things; Word never writes them;
* the document must hold no tracked changes: which words are the policy would be a guess.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

#: A policy is text; even with pictures, a Word policy is rarely above a few megabytes.
MAX_FILE_MB = 25
#: The most every part of the file may add up to once expanded.
MAX_EXPANDED_MB = 150
#: How far one part may expand: Word's XML compresses about ten times; a hundred times or
#: more, on a part of any size, is a file built to expand.
MAX_RATIO = 100
_RATIO_FROM_BYTES = 1_000_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
_TEMPLATE_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                   "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
_COMPOUND_FILE = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
#: The parts whose text becomes the policy, where a tracked change would be a guess.
_TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_TRACKED = {"ins": "inserted", "del": "deleted", "moveFrom": "moved", "moveTo": "moved"}


class WordFileError(Exception):
    """Why a file cannot be imported, and what to do, in words for the person importing."""


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    size: int  # bytes


def check_word_file(path: Path) -> CheckedFile:
    """Refuse `path` unless it is a readable Word document within the limits, with no
    tracked changes; return it checked."""
    name = path.name
    if not path.is_file():
        raise WordFileError(f"There is no file at {path}. Check the path (FILE=...).")
    suffix = path.suffix.lower()
    if suffix == ".docm":
        raise WordFileError(
            f"{name} is a macro-enabled Word file (.docm). Macros are programs, and the guide "
            "takes text only. Open it in Word, choose File > Save As, and save it as a Word "
            "Document (.docx), then import that.")
    size = path.stat().st_size
    if size > MAX_FILE_MB * 1_000_000:
        raise WordFileError(
            f"{name} is {size / 1_000_000:.0f} MB, more than the {MAX_FILE_MB} MB a policy "
            "can be. Large Word files are usually large because of pictures: remove or compress "
            "them in Word (File > Compress Pictures), then import it again.")
    with path.open("rb") as handle:
        start = handle.read(8)
        if start == _COMPOUND_FILE:
            locked = _ENCRYPTED in handle.read(min(size, 4_000_000))
    if start == _COMPOUND_FILE:
        if locked:
            raise WordFileError(
                f"{name} is protected with a password, so it cannot be read. Open it in Word, "
                "remove the password (File > Info > Protect Document > Encrypt with Password, "
                "and clear the password), save it, then import it again.")
        raise WordFileError(
            f"{name} is in the old Word format (.doc, Word 97-2003). Open it in Word, choose "
            "File > Save As, and save it as a Word Document (.docx), then import that.")
    if suffix == ".docx" and not start.startswith(b"PK\x03\x04"):
        raise WordFileError(
            f"{name} is named .docx but is not a Word document inside (it may be another "
            "kind of file renamed). Open it in Word and save it as a Word Document (.docx).")
    if suffix != ".docx":
        raise WordFileError(
            f"{name} is not a Word document: the import reads .docx files only. If it is a "
            "Word file, save it from Word as a Word Document (.docx).")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise WordFileError(
            f"{name} is damaged and cannot be read ({_plain(error)}). Open it in Word; if "
            "Word repairs it, save the repaired copy as .docx and import that.") from None
    return CheckedFile(path, size)


def _plain(error: Exception) -> str:
    return str(error).rstrip(".") or type(error).__name__


def _check_archive(archive: zipfile.ZipFile, name: str) -> None:
    entries = {info.filename: info for info in archive.infolist()}
    if "[Content_Types].xml" not in entries or "word/document.xml" not in entries:
        raise WordFileError(
            f"{name} is not a Word document: it is a zip file without Word's parts. If it "
            "opens in Word, save it again from Word as a Word Document (.docx).")
    expanded = sum(info.file_size for info in entries.values())
    if expanded > MAX_EXPANDED_MB * 1_000_000:
        raise WordFileError(
            f"{name} would expand to {expanded / 1_000_000:.0f} MB when opened, more than the "
            f"{MAX_EXPANDED_MB} MB the import allows. Remove large pictures or embedded files in "
            "Word and save it again.")
    for info in entries.values():
        if info.file_size > _RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise WordFileError(
                f"{name} holds a part ({info.filename}) that expands {info.file_size // max(info.compress_size, 1)} "
                "times its stored size. Word does not write files like that, so it was not "
                "opened. Save the document again from Word, or ask whoever sent it for a "
                "fresh copy.")
    if "word/vbaProject.bin" in entries:
        raise WordFileError(
            f"{name} holds macros although it is named .docx. Open it in Word, save it as a "
            "Word Document (.docx) without macros, then import that.")
    types = _xml(archive, "[Content_Types].xml", name)
    main = next((item.get("ContentType") for item in types.iter(f"{_CT}Override")
                 if item.get("PartName") == "/word/document.xml"), None)
    if main == _MACRO_TYPE:
        raise WordFileError(
            f"{name} is a macro-enabled document although it is named .docx. Open it in Word, "
            "save it as a Word Document (.docx) without macros, then import that.")
    if main in _TEMPLATE_TYPES:
        raise WordFileError(
            f"{name} is a Word template, not a document. Open it in Word, save it as a Word "
            "Document (.docx), then import that.")
    if main != _DOCUMENT_TYPE:
        raise WordFileError(f"{name} is not a Word document (its main part is "
                            f"'{main or 'missing'}'). Save it from Word as a Word Document (.docx).")
    for part in entries:
        if part.endswith((".xml", ".rels")):
            root = _xml(archive, part, name)
            if part in _TEXT_PARTS:
                _refuse_tracked_changes(root, name, part)


def _xml(archive: zipfile.ZipFile, part: str, name: str):
    try:
        return safe_xml.fromstring(archive.read(part))
    except DefusedXmlException:
        raise WordFileError(
            f"{name} holds XML that Word never writes (entity or document-type definitions "
            f"in {part}), so it was not opened. Save the document again from Word, or ask "
            "whoever sent it for a fresh copy.") from None
    except ParseError as error:
        raise WordFileError(
            f"{name} is damaged: its part {part} cannot be read ({error}). Open it in Word; "
            "if Word repairs it, save the repaired copy as .docx and import that.") from None


def _refuse_tracked_changes(root, name: str, part: str) -> None:
    kinds = sorted({_TRACKED[element.tag[len(_W):]] for element in root.iter()
                    if isinstance(element.tag, str) and element.tag.startswith(_W)
                    and element.tag[len(_W):] in _TRACKED})
    if kinds:
        where = "its footnotes" if "footnotes" in part else (
            "its endnotes" if "endnotes" in part else "the text")
        raise WordFileError(
            f"{name} has tracked changes not yet accepted or rejected in {where} (words "
            f"{' and '.join(kinds)}), so which words are the policy is not settled. Open it "
            "in Word, choose Review > Accept > Accept All Changes (or reject those that should "
            "not stand), save it, then import it again.")
