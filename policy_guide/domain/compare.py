"""Compare two versions of a policy: clause by clause, then every other part a reader relies on.

Clauses are matched by their anchor (the `{#...}` after the heading), which stays the same
when a clause is reworded or renumbered. Wording is compared as plain text, word by word, so
a change of link target or emphasis alone does not count as rewording.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable, Literal

import markdown

from .dates import long_date
from .models import Clause, Policy, Section
from .references import REFERENCE

ChangeKind = Literal["added", "removed", "reworded", "renumbered"]

_BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
_TOKEN = re.compile(r"\S+")
PARAGRAPH = "\n"  # the token that separates paragraphs in a word list

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


class Wording:
    """The words a reader sees in Markdown, as the site renders it: with the site's Markdown
    extensions (mkdocs.yml's markdown_extensions, the one list, which the build and `make
    compare` hand over), so a change is found in what readers read, not in how it is
    written. Each text is read once: every clause is compared, then shown, from the same
    words."""

    def __init__(self, extensions: list | tuple = (), configs: dict | None = None):
        self.extensions = list(extensions)
        self.configs = dict(configs or {})
        self._read: dict[str, tuple[str, ...]] = {}

    def words(self, text: str) -> tuple[str, ...]:
        """The words of Markdown text, with PARAGRAPH between paragraphs and list items."""
        if text not in self._read:
            parser = _TextBlocks()
            parser.feed(markdown.markdown(_referenced(text), extensions=self.extensions,
                                          extension_configs=self.configs))
            parser.close()
            parser._flush()
            words: list[str] = []
            for block in parser.blocks:
                if words:
                    words.append(PARAGRAPH)
                words.extend(_TOKEN.findall(block))
            self._read[text] = tuple(words)
        return self._read[text]

    def diff(self, old: str, new: str) -> list[tuple[str, tuple[str, ...]]]:
        """Old and new Markdown as runs of ('same' | 'removed' | 'added', words)."""
        before, after = self.words(old), self.words(new)
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

    def paragraphs(self, old: str, new: str) -> list[list[tuple[str, tuple[str, ...]]]]:
        """diff cut into paragraphs: each a list of runs ('same' | 'removed' | 'added',
        words), for showing the new wording with every change in place."""
        return _paragraphs(self.diff(old, new))


def _referenced(text: str) -> str:
    """Markdown with each reference to another policy (domain/references.py) as words a
    comparison can show: its own words if it has any, else which policy and clause it names
    (the pages write the other policy's title and number, which can change without this
    policy changing)."""
    if "(policy:" not in text:
        return text
    return REFERENCE.sub(lambda found: found["text"].strip() or (
        f"(the policy '{found['slug']}'" + (f", '#{found['anchor']}')" if found["anchor"]
                                             else ")")), text)


def _paragraphs(runs: list[tuple[str, tuple[str, ...]]]
                ) -> list[list[tuple[str, tuple[str, ...]]]]:
    paragraphs: list[list[tuple[str, tuple[str, ...]]]] = [[]]
    for kind, words in runs:
        chunk: list[str] = []
        for word in [*words, None]:
            if word is None or word == PARAGRAPH:
                if chunk:
                    paragraphs[-1].append((kind, tuple(chunk)))
                    chunk = []
                if word == PARAGRAPH:
                    paragraphs.append([])
            else:
                chunk.append(word)
    return [paragraph for paragraph in paragraphs if paragraph]


def _clauses(sections: tuple[Section, ...]) -> list[Clause]:
    return [clause for section in sections for clause in section.clauses]


def _kind(old: Clause, new: Clause, wording: Wording) -> ChangeKind | None:
    if old.title != new.title or wording.words(old.text) != wording.words(new.text):
        return "reworded"
    if old.number != new.number:
        return "renumbered"
    return None


def compare(old_sections: tuple[Section, ...], new_sections: tuple[Section, ...],
            wording: Wording) -> Comparison:
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
        kind = "added" if old is None else _kind(old, clause, wording)
        if kind is None:
            unchanged += 1
        else:
            changes.append(ClauseChange(kind, old, clause))
        changes.extend(ClauseChange("removed", gone, None)
                       for gone in removed_after.get(clause.anchor, []))
    return Comparison(tuple(changes), unchanged)


# -- every part of a policy -------------------------------------------------------------------
#
# Beyond the clauses, a reader relies on the key facts, the do and don't rules, the questions
# and answers and the equality impact assessment. Each of these is a list of items matched by
# a key that stays put when the item is reworded (a rule's id, a question's anchor, a
# characteristic's name), and each item is a few named fields: short facts, which are shown
# old and new, and prose, which is compared word by word.

ItemKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class FieldChange:
    name: str  # "Owner", "Evidence"
    old: str  # "" when the item was added or the fact was not set
    new: str
    prose: bool = False  # compared word by word (Wording.diff), not shown old and new whole


@dataclass(frozen=True)
class ItemChange:
    kind: ItemKind
    key: str  # what matches the item between versions: "SM-D03", "saying-where-you-work"
    title: str  # as the reader knows it now (or knew it, if it was removed)
    fields: tuple[FieldChange, ...]


#: The parts of a policy a comparison covers, in the order it shows them: (key, heading,
#: what "no changes to ..." calls the part).
PARTS = (("facts", "Key facts", "the key facts"),
         ("clauses", "Clauses", "the wording of the policy"),
         ("rules", "Do and don't rules", "the rules"),
         ("faqs", "Questions and answers", "the questions and answers"),
         ("eia", "Equality impact assessment", "the assessment"))


@dataclass(frozen=True)
class PolicyComparison:
    """Everything that differs between two versions of one policy, in reading order."""

    old_version: str
    new_version: str
    facts: tuple[FieldChange, ...]
    clauses: Comparison
    rules: tuple[ItemChange, ...]
    faqs: tuple[ItemChange, ...]
    eia: tuple[FieldChange, ...]  # the outcome and who supported the assessment
    characteristics: tuple[ItemChange, ...]
    consulted: tuple[ItemChange, ...]

    def changes_in(self, part: str) -> int:
        """How many changes one of PARTS had."""
        return {"facts": len(self.facts), "clauses": len(self.clauses.changes),
                "rules": len(self.rules), "faqs": len(self.faqs),
                "eia": len(self.eia) + len(self.characteristics) + len(self.consulted)}[part]

    @property
    def unchanged(self) -> bool:
        return not any(self.changes_in(key) for key, _, _ in PARTS)


def _fields(old: dict[str, str], new: dict[str, str], wording: Wording,
            prose: frozenset[str] = frozenset()) -> tuple[FieldChange, ...]:
    """The fields that differ, in the order of `new` (then any only in `old`)."""
    names = [*new, *(name for name in old if name not in new)]
    return tuple(FieldChange(name, old.get(name, ""), new.get(name, ""), name in prose)
                 for name in names
                 if (wording.words(old.get(name, "")) != wording.words(new.get(name, ""))
                     if name in prose else old.get(name, "") != new.get(name, "")))


def _items(old: dict[str, tuple[str, dict[str, str]]], new: dict[str, tuple[str, dict[str, str]]],
           wording: Wording, prose: frozenset[str] = frozenset()) -> tuple[ItemChange, ...]:
    """Items (key -> (title, fields)) added, changed or removed, in the new order, each
    removed one where it used to be."""
    changes: list[ItemChange] = []
    old_keys = list(old)
    for key in old_keys:  # removed before the first kept item
        if key in new:
            break
        changes.append(ItemChange("removed", key, old[key][0],
                                  _fields(old[key][1], {}, wording, prose)))
    for key, (title, fields) in new.items():
        if key not in old:
            changes.append(ItemChange("added", key, title, _fields({}, fields, wording, prose)))
        else:
            differ = _fields(old[key][1], fields, wording, prose)
            if differ:
                changes.append(ItemChange("changed", key, title, differ))
            # Items removed just after this one in the old order are listed here.
            after = old_keys[old_keys.index(key) + 1:]
            for gone in after:
                if gone in new:
                    break
                changes.append(ItemChange("removed", gone, old[gone][0],
                                          _fields(old[gone][1], {}, wording, prose)))
    return tuple(changes)


def _long_date(day: dt.date | None) -> str:
    return long_date(day) if day else ""


def key_facts(policy: Policy) -> dict[str, str]:
    """The facts a reader looks for first, as the policy's summary box shows them."""
    meta = policy.meta
    return {
        "Title": meta.title, "Category": meta.category, "Who it applies to":
        "; ".join(meta.audience), "Summary": meta.summary, "Owner": meta.owner,
        "Contact": meta.contact, "Status": meta.status, "Approved by": meta.approved_by or "",
        "Approved on": _long_date(meta.approved_on), "Ratified by": meta.ratified_by or "",
        "Ratified on": _long_date(meta.ratified_on),
        "Takes effect": _long_date(meta.effective_from),
        "Last reviewed": _long_date(meta.last_reviewed),
        "Next review": _long_date(meta.next_review), "Replaces": meta.supersedes or "",
    }


def _rules(policy: Policy) -> dict[str, tuple[str, dict[str, str]]]:
    contexts = {context.key: context.title for context in policy.rules.contexts}
    return {rule.key: (rule.key, {"Rule": rule.text, "Do or don't": rule.kind,
                                  "Where it applies": contexts.get(rule.context, rule.context),
                                  "From": _clause_named(policy, rule.clause)})
            for rule in policy.rules.rules}


def _clause_named(policy: Policy, anchor: str) -> str:
    target = policy.anchors.get(anchor)
    return f"{policy.number_of(anchor)} {target.title}" if target else anchor


def _faqs(policy: Policy) -> dict[str, tuple[str, dict[str, str]]]:
    return {faq.anchor: (faq.question, {"Question": faq.question, "Answer": faq.answer})
            for faq in policy.faqs.items}


def _characteristics(policy: Policy) -> dict[str, tuple[str, dict[str, str]]]:
    return {row.characteristic: (row.characteristic.capitalize(), {
        "Impact": row.impact, "Evidence": row.evidence, "Mitigation": row.mitigation})
        for row in policy.eia.meta.characteristics}


def _consulted(policy: Policy) -> dict[str, tuple[str, dict[str, str]]]:
    return {group.group: (group.group, {"How": group.how})
            for group in policy.eia.meta.consulted}


def compare_policies(old: Policy, new: Policy, wording: Wording) -> PolicyComparison:
    """Every difference between two versions of a policy: key facts, clauses, rules,
    questions and answers, and the equality impact assessment."""
    old_eia, new_eia = old.eia.meta, new.eia.meta
    return PolicyComparison(
        old_version=old.meta.version, new_version=new.meta.version,
        facts=_fields(key_facts(old), key_facts(new), wording, frozenset({"Summary"})),
        clauses=compare(old.sections, new.sections, wording),
        rules=_items(_rules(old), _rules(new), wording, frozenset({"Rule"})),
        faqs=_items(_faqs(old), _faqs(new), wording, frozenset({"Answer"})),
        eia=_fields({"Outcome": old_eia.outcome, "The outcome in brief": old_eia.outcome_summary,
                     "Supported by": old_eia.supported_by},
                    {"Outcome": new_eia.outcome, "The outcome in brief": new_eia.outcome_summary,
                     "Supported by": new_eia.supported_by},
                    wording, frozenset({"The outcome in brief"})),
        characteristics=_items(_characteristics(old), _characteristics(new), wording,
                               frozenset({"Evidence", "Mitigation"})),
        consulted=_items(_consulted(old), _consulted(new), wording, frozenset({"How"})),
    )


# The same comparison as lines of text, for `make compare` (removed words in [-brackets-],
# added words in {+braces+}) and for a pull request's summary (publishing/summary.py: Markdown,
# with <del> and <ins>). Each line has a depth: an item (a clause, a rule), one of its fields,
# or a paragraph of its wording.

@dataclass(frozen=True)
class Marks:
    """How a report marks changed words, and how it writes owners' text."""

    removed: tuple[str, str]
    added: tuple[str, str]
    text: Callable[[str], str]  # owners' words as the report's format needs them

    def run(self, kind: str, words: str) -> str:
        if kind == "same":
            return self.text(words)
        before, after = self.removed if kind == "removed" else self.added
        return f"{before}{self.text(words)}{after}"


TEXT_MARKS = Marks(("[-", "-]"), ("{+", "+}"), lambda words: words)

Line = tuple[int, str]  # (depth: 1 an item, 2 a field, 3 a paragraph of wording; the text)


def marked(old: str, new: str, wording: Wording, marks: Marks = TEXT_MARKS) -> list[str]:
    """Old and new wording as paragraphs, each change marked in place."""
    return [" ".join(marks.run(kind, " ".join(words)) for kind, words in runs)
            for runs in wording.paragraphs(old, new)]


def _field_lines(field: FieldChange, wording: Wording, marks: Marks) -> list[Line]:
    if field.prose:
        return [(2, f"{marks.text(field.name)}:"),
                *((3, paragraph) for paragraph in marked(field.old, field.new, wording, marks))]
    old = marks.run("removed", field.old) if field.old else ""
    new = marks.run("added", field.new) if field.new else ""
    return [(2, f"{marks.text(field.name)}: {' '.join(part for part in (old, new) if part)}")]


def _item_lines(change: ItemChange, noun: str, wording: Wording, marks: Marks) -> list[Line]:
    lines = [(1, f"{marks.text(noun + change.title)}: {change.kind}")]
    for field in change.fields:
        lines.extend(_field_lines(field, wording, marks))
    return lines


def report_parts(comparison: PolicyComparison, wording: Wording,
                 marks: Marks = TEXT_MARKS) -> dict[str, list[Line]]:
    """Each of PARTS's changes, as lines (empty: no changes to that part)."""
    clauses: list[Line] = []
    for change in comparison.clauses.changes:
        clause = change.clause
        was = (f" (was {change.old.number})" if change.old and change.new
               and change.old.number != clause.number else "")
        clauses.append((1, f"{marks.text(f'{clause.number} {clause.title}{was}')}: "
                           f"{change.kind}"))
        if change.kind != "renumbered":
            if change.old and change.new and change.old.title != clause.title:
                clauses.append((2, f"Title: {marks.run('removed', change.old.title)} "
                                   f"{marks.run('added', clause.title)}"))
            old = change.old.text if change.old else ""
            new = change.new.text if change.new else ""
            clauses.extend((3, paragraph) for paragraph in marked(old, new, wording, marks))
    return {
        "facts": [line for field in comparison.facts
                  for line in _field_lines(field, wording, marks)],
        "clauses": clauses,
        "rules": [line for change in comparison.rules
                  for line in _item_lines(change, "Rule ", wording, marks)],
        "faqs": [line for change in comparison.faqs
                 for line in _item_lines(change, "", wording, marks)],
        "eia": [*(line for field in comparison.eia
                  for line in _field_lines(field, wording, marks)),
                *(line for change in comparison.characteristics
                  for line in _item_lines(change, "", wording, marks)),
                *(line for change in comparison.consulted
                  for line in _item_lines(change, "Consulted: ", wording, marks))],
    }


#: What a report says when two versions differ in nothing a reader relies on.
NO_CHANGES = "Nothing a reader relies on changed between these versions."


def report(comparison: PolicyComparison, title: str, wording: Wording) -> str:
    """`make compare`'s report: what the comparison pages show, as text."""
    lines = [f"{title}: version {comparison.new_version} compared with version "
             f"{comparison.old_version}"]
    if comparison.unchanged:
        return f"{lines[0]}\n{NO_CHANGES}"
    parts = report_parts(comparison, wording)
    for key, heading, what in PARTS:
        lines.extend(["", heading, *([f"{'  ' * depth}{text}" for depth, text in parts[key]]
                                     or [f"  No changes to {what}."])])
    return "\n".join(lines)
