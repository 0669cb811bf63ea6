"""The "what changed" page, this version compared with the version published before it, and
the pages comparing it with each earlier published version: every part of the policy."""

from __future__ import annotations

import re
from typing import Sequence

from ...domain.compare import (PARTS, ClauseChange, FieldChange, ItemChange, PolicyComparison,
                               Wording, compare_policies)
from ...domain.models import Policy
from ...domain.published import Publication
from ..layout import compare_page
from .common import PageLinks, VersionLinks, escape, markdown_words, plain

_LABELS = {"reworded": "Reworded", "added": "Added", "removed": "Removed",
           "renumbered": "Renumbered"}
_MARKS = {"removed": ("del", "Removed: "), "added": ("ins", "Added: ")}


def _mark(kind: str, words: Sequence[str]) -> str:
    text = " ".join(escape(word) for word in words)
    if kind == "same":
        return text
    tag, spoken = _MARKS[kind]
    return f'<{tag}><span class="visually-hidden">{spoken}</span>{text}</{tag}>'


def diff_html(old: str, new: str, wording: Wording) -> str:
    """The new wording with removed words struck through and added words underlined, in
    place; screen readers hear 'Removed:' and 'Added:' before each change."""
    body = "".join(f"<p>{' '.join(_mark(kind, words) for kind, words in paragraph)}</p>"
                   for paragraph in wording.paragraphs(old, new))
    return f'<div class="policy-diff">{body}</div>'


def _heading(change: ClauseChange) -> str:
    clause = change.clause
    moved = ""
    if change.old is not None and change.new is not None and change.old.number != clause.number:
        moved = f" (was {change.old.number})"
    gone = " (removed)" if change.kind == "removed" else ""
    return (f"### {clause.number} {markdown_words(clause.title)}{moved}{gone} "
            f"{{#change-{clause.anchor}}}")


def _change(change: ClauseChange, links: PageLinks, versions: VersionLinks,
            previous: str, wording: Wording) -> str:
    clause = change.clause
    label = f"**{_LABELS[change.kind]}.**"
    if change.kind == "removed":
        old_link = versions.link(previous, links.page_path("policy.md"),
                                 f"Read it in version {previous}", clause.anchor)
        return (f"{_heading(change)}\n\n{label} {old_link}.\n\n"
                + diff_html(clause.text, "", wording))
    here = f"[Read clause {clause.number} now]({links.clause(clause.anchor)})"
    if change.kind == "added":
        return f"{_heading(change)}\n\n{label} {here}.\n\n" + diff_html("", clause.text, wording)
    if change.kind == "renumbered":
        return f"{_heading(change)}\n\n{label} The wording is the same. {here}.\n"
    title = ""
    if change.old.title != clause.title:  # type: ignore[union-attr]
        title = (f'<p class="policy-diff-title">Title: '
                 f"{_mark('removed', change.old.title.split())} "  # type: ignore[union-attr]
                 f"{_mark('added', clause.title.split())}</p>\n\n")
    return (f"{_heading(change)}\n\n{label} {here}.\n\n{title}"
            + diff_html(change.old.text, clause.text, wording))  # type: ignore[union-attr]


_ITEM_LABELS = {"added": "Added", "removed": "Removed", "changed": "Changed"}
LEGEND = ('<p class="policy-diff-legend">Words taken out are '
          '<del><span class="visually-hidden">Removed: </span>struck through</del>; '
          'words put in are <ins><span class="visually-hidden">Added: </span>'
          'underlined</ins>.</p>\n\n')


def _anchor(prefix: str, key: str) -> str:
    return prefix + "-" + "-".join(re.findall(r"[a-z0-9]+", key.lower()))


def _field(field: FieldChange, wording: Wording) -> str:
    """One field of an item, or one key fact, with what changed marked in place."""
    name = f"<strong>{escape(field.name)}:</strong>"
    if field.prose:
        return (f'<div class="policy-diff-field"><p>{name}</p>'
                f"{diff_html(field.old, field.new, wording)}</div>")
    parts = [_mark("removed", field.old.split()) if field.old else "",
             _mark("added", field.new.split()) if field.new else ""]
    return f'<p class="policy-diff-field">{name} {" ".join(part for part in parts if part)}</p>'


def _fields(fields: Sequence[FieldChange], wording: Wording) -> str:
    return "\n".join(_field(field, wording) for field in fields) + "\n"


def _item(change: ItemChange, prefix: str, noun: str, wording: Wording, link: str = "") -> str:
    gone = " (removed)" if change.kind == "removed" else ""
    heading = f"### {noun}{plain(change.title)}{gone} {{#{_anchor(prefix, change.key)}}}"
    label = f"**{_ITEM_LABELS[change.kind]}.**"
    return f"{heading}\n\n{label}{link}\n\n{_fields(change.fields, wording)}"


def _part(title: str, anchor: str, body: list[str], what: str) -> str:
    text = "\n\n".join(body) if body else f"No changes to {what}.\n"
    return f"## {title} {{#{anchor}}}\n\n{text}\n"


def _summary(comparison: PolicyComparison) -> str:
    """How many changes each part of the policy had, each part linked to its changes."""
    clauses = comparison.clauses
    kinds = ", ".join(f"{_LABELS[kind].lower()} {clauses.count(kind)}" for kind in _LABELS
                      if clauses.count(kind))
    details = {"clauses": f" ({kinds})" if kinds else ""}
    return "| Part of the policy | Changes |\n|---|---|\n" + "".join(
        f"| [{heading}](#changed-{key}) | {comparison.changes_in(key) or 'None'}"
        f"{details.get(key, '')} |\n"
        for key, heading, _ in PARTS)


def render_comparison(comparison: PolicyComparison, links: PageLinks,
                      versions: VersionLinks, wording: Wording) -> str:
    """Every part of the policy, the earlier version against this one, each change in
    place."""
    if comparison.unchanged:
        return "Nothing a reader relies on changed between these versions.\n"
    then = comparison.old_version
    eia = [_fields(comparison.eia, wording)] if comparison.eia else []
    eia += [_item(change, "eia", "", wording) for change in comparison.characteristics]
    eia += [_item(change, "consulted", "Consulted: ", wording)
            for change in comparison.consulted]
    parts = {
        "facts": [_fields(comparison.facts, wording)] if comparison.facts else [],
        "clauses": [_change(change, links, versions, then, wording)
                    for change in comparison.clauses.changes],
        "rules": [_item(change, "rule", "Rule ", wording) for change in comparison.rules],
        "faqs": [_item(change, "faq", "", wording, "" if change.kind == "removed" else
                       f" [Read the answer now]({links.page('faqs.md')}#{change.key}).")
                 for change in comparison.faqs],
        "eia": eia,
    }
    return "".join([_summary(comparison), "\n", LEGEND] + [
        _part(heading, f"changed-{key}", parts[key], what) for key, heading, what in PARTS])


def _other_comparisons(publication: Publication, policy: Policy, links: PageLinks,
                       shown: str) -> str:
    """Links to this version's comparison with each other earlier published version."""
    others = [version for version in publication.earlier(policy.meta.version)
              if version != shown]
    if not others:
        return ""
    pages = {version: "changes.md" if version == publication.previous
             else compare_page(version).name for version in others}
    listed = ", ".join(f"[version {version}]({links.page(pages[version])})"
                       for version in reversed(others))
    return f"Compare version {policy.meta.version} with an earlier one instead: {listed}.\n\n"


def render_changes(policy: Policy, publication: Publication, links: PageLinks,
                   versions: VersionLinks, wording: Wording, against: str | None = None) -> str:
    """This version compared with the version published before it, or with the earlier
    published version `against`."""
    meta = policy.meta
    if publication.previous is None:
        replaced = (f" It replaced the {plain(meta.supersedes)}, which is not published in "
                    "this guide." if meta.supersedes else "")
        return (f"Version {meta.version} is the first version of the {plain(meta.title)} "
                "published "
                f"in this guide, so there is no earlier version to compare it with.{replaced}\n")
    then = against or publication.previous
    old = publication.policy(then)
    which = ("the version published before it" if then == publication.previous
             else "the draft published for consultation" if then in publication.consultations
             else "published earlier")
    intro = (
        f"This compares version {meta.version} with version {then}, {which}: its key facts, "
        "clauses, do and don't rules, questions and answers and equality impact assessment. "
        f"{versions.link(then, links.page_path('policy.md'), f'Read version {then}')}."
        "\n\n" + _other_comparisons(publication, policy, links, then)
    )
    return intro + render_comparison(compare_policies(old, policy, wording), links, versions,
                                     wording)
