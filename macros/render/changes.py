"""The "what changed" page: this version compared with the version published before it."""

from __future__ import annotations

from typing import Sequence

from policy_library.compare import PARAGRAPH, ClauseChange, Comparison, compare, word_diff
from policy_library.models import Policy
from policy_library.published import Publication
from .common import PageLinks, VersionLinks, escape

_LABELS = {"reworded": "Reworded", "added": "Added", "removed": "Removed",
           "renumbered": "Renumbered"}
_MARKS = {"removed": ("del", "Removed: "), "added": ("ins", "Added: ")}


def _mark(kind: str, words: Sequence[str]) -> str:
    text = " ".join(escape(word) for word in words)
    if kind == "same":
        return text
    tag, spoken = _MARKS[kind]
    return f'<{tag}><span class="visually-hidden">{spoken}</span>{text}</{tag}>'


def diff_html(old: str, new: str) -> str:
    """The new wording with removed words struck through and added words underlined, in
    place; screen readers hear 'Removed:' and 'Added:' before each change."""
    paragraphs: list[list[str]] = [[]]
    for kind, words in word_diff(old, new):
        chunk: list[str] = []
        for word in [*words, None]:
            if word is None or word == PARAGRAPH:
                if chunk:
                    paragraphs[-1].append(_mark(kind, chunk))
                    chunk = []
                if word == PARAGRAPH:
                    paragraphs.append([])
            else:
                chunk.append(word)
    body = "".join(f"<p>{' '.join(parts)}</p>" for parts in paragraphs if parts)
    return f'<div class="policy-diff">{body}</div>'


def _heading(change: ClauseChange) -> str:
    clause = change.clause
    moved = ""
    if change.old is not None and change.new is not None and change.old.number != clause.number:
        moved = f" (was {change.old.number})"
    gone = " (removed)" if change.kind == "removed" else ""
    return f"### {clause.number} {clause.title}{moved}{gone} {{#change-{clause.anchor}}}"


def _change(change: ClauseChange, links: PageLinks, versions: VersionLinks,
            previous: str) -> str:
    clause = change.clause
    label = f"**{_LABELS[change.kind]}.**"
    if change.kind == "removed":
        old_link = versions.link(previous, links.page_path("policy.md"),
                                 f"Read it in version {previous}", clause.anchor)
        return f"{_heading(change)}\n\n{label} {old_link}.\n\n" + diff_html(clause.text, "")
    here = f"[Read clause {clause.number} now]({links.clause(clause.anchor)})"
    if change.kind == "added":
        return f"{_heading(change)}\n\n{label} {here}.\n\n" + diff_html("", clause.text)
    if change.kind == "renumbered":
        return f"{_heading(change)}\n\n{label} The wording is the same. {here}.\n"
    title = ""
    if change.old.title != clause.title:  # type: ignore[union-attr]
        title = (f'<p class="policy-diff-title">Title: '
                 f"{_mark('removed', change.old.title.split())} "  # type: ignore[union-attr]
                 f"{_mark('added', clause.title.split())}</p>\n\n")
    return (f"{_heading(change)}\n\n{label} {here}.\n\n{title}"
            + diff_html(change.old.text, clause.text))  # type: ignore[union-attr]


def _summary(comparison: Comparison) -> str:
    rows = [f"| {_LABELS[kind]} | {comparison.count(kind)} |" for kind in _LABELS]
    rows.append(f"| Unchanged | {comparison.unchanged} |")
    return "| What happened | Clauses |\n|---|---|\n" + "\n".join(rows) + "\n"


def render_changes(policy: Policy, publication: Publication, links: PageLinks,
                   versions: VersionLinks) -> str:
    meta = policy.meta
    if publication.previous is None:
        replaced = (f" It replaced the {meta.supersedes}, which is not published in this "
                    "guide." if meta.supersedes else "")
        return (f"Version {meta.version} is the first version of the {meta.title} published "
                f"in this guide, so there is no earlier version to compare it with.{replaced}\n")
    previous = publication.previous
    comparison = compare(publication.previous_sections, policy.sections)
    intro = (
        f"This compares version {meta.version} with version {previous}, the version "
        f"published before it, clause by clause. "
        f"{versions.link(previous, links.page_path('policy.md'), f'Read version {previous}')}."
        "\n\n"
    )
    if not comparison.changes:
        return intro + "The wording of the policy did not change.\n"
    legend = ('<p class="policy-diff-legend">Words taken out are '
              '<del><span class="visually-hidden">Removed: </span>struck through</del>; '
              'words put in are <ins><span class="visually-hidden">Added: </span>'
              'underlined</ins>.</p>\n\n')
    body = "\n\n".join(_change(change, links, versions, previous)
                       for change in comparison.changes)
    return f"{intro}{_summary(comparison)}\n{legend}{body}\n"
