"""Compare two versions of a policy clause by clause.

Clauses are matched by their anchor (the `{#...}` after the heading), which stays the same
when a clause is reworded or renumbered. Wording is compared as plain text, word by word, so
a change of link target or emphasis alone does not count as rewording.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Literal

import markdown

from .models import Clause, Section

ChangeKind = Literal["added", "removed", "reworded", "renumbered"]

_BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
_TOKEN = re.compile(r"\S+")
PARAGRAPH = "\n"  # the token that separates paragraphs in a word list

#: The site's Markdown extensions and their settings (mkdocs.yml's markdown_extensions: the
#: one list, which the build's hook hands over), so wording is compared as the site renders
#: it. Before that, plain Markdown.
_SITE_MARKDOWN: dict = {"extensions": [], "extension_configs": {}}


def use_site_markdown(extensions: list, configs: dict) -> None:
    _SITE_MARKDOWN.update(extensions=list(extensions), extension_configs=dict(configs))
    plain_words.cache_clear()


@dataclass(frozen=True)
class ClauseChange:
    kind: ChangeKind
    old: Clause | None
    new: Clause | None

    @property
    def clause(self) -> Clause:
        """The clause as it is now, or as it was if it was removed."""
        return self.new or self.old  # type: ignore[return-value]


@dataclass(frozen=True)
class Comparison:
    changes: tuple[ClauseChange, ...]
    unchanged: int  # clauses with the same number, title and wording

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for change in self.changes if change.kind == kind)


class _TextBlocks(HTMLParser):
    """The text of rendered Markdown, one string per paragraph or list item."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self._flush()
            if tag == "li":
                self._current.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)


@lru_cache(maxsize=1024)
def plain_words(text: str) -> tuple[str, ...]:
    """The words of a clause's Markdown, with PARAGRAPH between paragraphs and list items.
    Cached: each clause is compared, then shown, from the same words."""
    parser = _TextBlocks()
    parser.feed(markdown.markdown(text, **_SITE_MARKDOWN))
    parser.close()
    parser._flush()
    words: list[str] = []
    for block in parser.blocks:
        if words:
            words.append(PARAGRAPH)
        words.extend(_TOKEN.findall(block))
    return tuple(words)


def word_diff(old: str, new: str) -> list[tuple[str, tuple[str, ...]]]:
    """Old and new Markdown as runs of ('same' | 'removed' | 'added', words)."""
    before, after = plain_words(old), plain_words(new)
    runs: list[tuple[str, tuple[str, ...]]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", before[a1:a2]))
            continue
        if a2 > a1:
            runs.append(("removed", before[a1:a2]))
        if b2 > b1:
            runs.append(("added", after[b1:b2]))
    return runs


def _clauses(sections: tuple[Section, ...]) -> list[Clause]:
    return [clause for section in sections for clause in section.clauses]


def _kind(old: Clause, new: Clause) -> ChangeKind | None:
    if old.title != new.title or plain_words(old.text) != plain_words(new.text):
        return "reworded"
    if old.number != new.number:
        return "renumbered"
    return None


def compare(old_sections: tuple[Section, ...], new_sections: tuple[Section, ...]) -> Comparison:
    """Every clause added, removed, reworded or renumbered, in the order of the new policy;
    a removed clause is listed where it used to be, after the clause that came before it."""
    old_clauses = _clauses(old_sections)
    new_clauses = _clauses(new_sections)
    old_by_anchor = {clause.anchor: clause for clause in old_clauses}
    new_anchors = {clause.anchor for clause in new_clauses}

    removed_after: dict[str | None, list[Clause]] = {}
    previous: str | None = None
    for clause in old_clauses:
        if clause.anchor in new_anchors:
            previous = clause.anchor
        else:
            removed_after.setdefault(previous, []).append(clause)

    changes = [ClauseChange("removed", clause, None) for clause in removed_after.get(None, [])]
    unchanged = 0
    for clause in new_clauses:
        old = old_by_anchor.get(clause.anchor)
        kind = "added" if old is None else _kind(old, clause)
        if kind is None:
            unchanged += 1
        else:
            changes.append(ClauseChange(kind, old, clause))
        changes.extend(ClauseChange("removed", gone, None)
                       for gone in removed_after.get(clause.anchor, []))
    return Comparison(tuple(changes), unchanged)
