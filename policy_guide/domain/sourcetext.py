"""What a source's text may hold, whatever its kind (Markdown or YAML): no template code,
which would reach readers as it is written, and no character that changes the order text is
shown in, which would let readers see other words than the ones reviewers approved. Also the
names of characters nobody can see, for messages, and finding a line by its text."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import SourceError

#: Characters that change the order text is shown in, so a reader could see a rule read
#: differently from what its reviewers saw: the bidirectional embeddings and overrides
#: (U+202A to U+202E) and isolates (U+2066 to U+2069).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
#: Characters that take no space: in an anchor they make two anchors look the same.
INVISIBLE_CHARACTERS = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_CHARACTER_NAMES = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE", "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER", "\ufeff": "ZERO WIDTH NO-BREAK SPACE", "\u00ad": "SOFT HYPHEN",
}
_TEMPLATE_MARKERS = ("{{", "{%")


def character_name(character: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', for messages about a character nobody can see."""
    return f"U+{ord(character):04X} {_CHARACTER_NAMES.get(character, '')}".strip()


def line_of(needle: str | tuple[str, ...], text: str, first_line: int = 1) -> int | None:
    """The first line of `text` holding `needle` (every part of it, for a tuple), ignoring
    case."""
    parts = [part.lower() for part in ((needle,) if isinstance(needle, str) else needle)]
    for offset, line in enumerate(text.splitlines()):
        lowered = line.lower()
        if all(part in lowered for part in parts):
            return first_line + offset
    return None


def check_characters(text: str, path: Path, first_line: int = 1) -> None:
    """Stop with a clear error at the first character that changes the order text is shown
    in (BIDI_CONTROLS): reviewers of a change would read something else than its readers."""
    found = _BIDI.search(text)
    if found is None:
        return
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    raise SourceError(
        path,
        f"This line holds an invisible {character_name(found.group())} character (at "
        f"character {column}). It makes text show in a different order from the one it is "
        "written in, so readers could see different words from the ones reviewers approved.",
        "Delete the character: retype the words around it, or paste them in as plain text. "
        "Word processors sometimes add it with right-to-left text.",
        first_line + text.count("\n", 0, found.start()))


def check_template_markers(text: str, path: Path, first_line: int = 1) -> None:
    """Stop with a clear error if `text` holds template code, which is not filled in."""
    for marker in _TEMPLATE_MARKERS:
        line = line_of(marker, text, first_line)
        if line:
            raise SourceError(
                path,
                f"'{marker}' starts template code, which is not filled in inside policy "
                "source files; readers would see it as it is.",
                "Write the words themselves instead. If the page needs generated content, ask "
                "a developer to add a macro to the page in docs/.",
                line,
            )
