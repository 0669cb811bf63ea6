"""Measure the Word readers the import could be built on, on the import tests' own Word
files (tests/word.py): python-docx (what `make import` uses), mammoth and pandoc.

For each reader and file it reports the time to read the file and what a policy would keep:
how many of the clause numbers Word shows appear in the output, whether the footnote, the
merged table cell and the tracked change can be seen. The README's "Bringing Word policies
in" gives the figures and the choice they led to.

mammoth and pandoc are not dependencies of the guide. To run this, install them beside it:

    .venv/bin/python -m venv /tmp/readers && /tmp/readers/bin/pip install \\
        mammoth==1.13.0 pypandoc-binary==1.17
    PYTHONPATH=$(echo /tmp/readers/lib/python3*/site-packages) \\
        .venv/bin/python scripts/measure_word_readers.py
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import tempfile
import time
from pathlib import Path

from policy_guide.importing.draft import Options, build_draft
from policy_guide.importing.reading import read_document
from policy_guide.importing.wordfile import WordFileError, check_word_file

ROOT = Path(__file__).resolve().parent.parent


def _test_files():
    """tests/word.py, which writes the import tests' Word files, loaded from its path."""
    spec = importlib.util.spec_from_file_location("word", ROOT / "tests" / "word.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


word = _test_files()
CLAUSES, SUBS, long_policy, structured = word.CLAUSES, word.SUBS, word.long_policy, word.structured


def expected_numbers() -> list[str]:
    numbers = []
    for section, count in CLAUSES.items():
        numbers.append(f"{section}.")
        for clause in range(1, count + 1):
            numbers.append(f"{section}.{clause}")
            numbers += [f"{section}.{clause}.{sub}" for sub in range(1, SUBS.get((section, clause), 0) + 1)]
    return numbers


def with_python_docx(path: Path) -> str:
    """The draft policy.md and the notes for the report, as `make import` makes them."""
    draft = build_draft(read_document(path), Options("measured"), ["Policies"], dt.date.today())
    return draft.files["policy.md"] + "\n".join(note.what for note in draft.notes)


def with_mammoth(path: Path) -> str:
    import mammoth

    with path.open("rb") as handle:
        return mammoth.convert_to_html(handle).value


def with_pandoc(path: Path) -> str:
    import pypandoc

    return pypandoc.convert_file(str(path), "html", extra_args=["--track-changes=all"])


def shown(output: str, numbers: list[str]) -> int:
    text = re.sub(r"<[^>]+>", " ", output)
    return sum(1 for number in numbers if re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", text))


def best_time(read, path: Path) -> tuple[float, str]:
    """The fastest of three reads (after a first, which loads the reader), and its output."""
    output = read(path)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        output = read(path)
        times.append(time.perf_counter() - start)
    return min(times), output


def tracked_changes(read, path: Path) -> str:
    if read is with_python_docx:
        try:
            check_word_file(path)
        except WordFileError:
            return "refused"
    return "kept" if "An added sentence" in read(path) else "dropped"


def main() -> None:
    numbers = expected_numbers()
    readers = {"python-docx (make import)": with_python_docx, "mammoth 1.13.0": with_mammoth,
               "pandoc (pypandoc-binary 1.17)": with_pandoc}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        long_file = long_policy(folder / "long.docx")
        rich_file = structured(folder / "rich.docx")
        tracked_file = structured(folder / "tracked.docx", tracked=True)
        print(f"{'reader':31} {'long policy':>11} {'numbers shown':>13} {'rich policy':>11} "
              "footnote  merged cell  tracked change")
        for name, read in readers.items():
            try:
                long_time, long_out = best_time(read, long_file)
                rich_time, rich_out = best_time(read, rich_file)
            except ImportError as missing:
                print(f"{name:31} not installed ({missing.name}): see this script's docstring")
                continue
            footnote = "Agency workers are covered" in rich_out
            merged = "merged" in rich_out.lower()
            print(f"{name:31} {long_time * 1000:8.0f} ms {shown(long_out, numbers):6}/{len(numbers):<6} "
                  f"{rich_time * 1000:8.0f} ms {'kept' if footnote else 'lost':>8}  "
                  f"{'reported' if merged else 'silent':>11}  {tracked_changes(read, tracked_file):>14}")


if __name__ == "__main__":
    main()
