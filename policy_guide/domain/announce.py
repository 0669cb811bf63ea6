"""The staff bulletin item for a new version of a policy (`make announce`, and `make publish`
for each version it publishes): what a communications officer sends, built from the policy's
own record so nobody writes it by hand.

    title         "Social Media Policy: version 1.1"
    lead          one paragraph: who decided what and when, then the owner's summary of what
                  changed and why (history.yml's `changes:`)
    highlights    the three most important changes, each leading to the part it changed: a
                  new or removed clause first, then reworded clauses (the most words changed
                  first), then rules, questions and key facts; a renumbered clause only when
                  nothing else changed
    takes effect  when the version applies
    contact       who to ask (the policy's contact)
    residents     a short item for residents, when the house rules for residents changed

This module decides the words; publishing/announcement.py writes them as an email-safe HTML
fragment and as plain text, and the feeds use the same words (library.json keeps them).
"""

from __future__ import annotations

from dataclasses import dataclass

from .compare import ItemChange, PolicyComparison, Wording, compare_policies
from .dates import long_date
from .models import Policy

#: How many changes an announcement names.
HIGHLIGHTS = 3
#: The key facts (compare.key_facts) whose change is news for staff; the rest change with
#: every version (its decision and dates), which the announcement says anyway.
NEWS_FACTS = ("Title", "Who it applies to", "Owner", "Contact", "Replaces")


@dataclass(frozen=True)
class Highlight:
    words: str  # "Clause 6.2 Saying where you work has new wording"
    page: str  # the version's page it leads to: "policy", "quick-guide", "faqs", "changes"
    anchor: str | None = None


@dataclass(frozen=True)
class ResidentsNotice:
    lead: str
    changes: tuple[Highlight, ...]


@dataclass(frozen=True)
class Announcement:
    slug: str
    version: str
    previous: str | None  # the version it replaces, if one was published
    title: str
    lead: str
    highlights: tuple[Highlight, ...]
    takes_effect: str
    contact: str
    residents: ResidentsNotice | None

    @property
    def first(self) -> bool:
        """The policy's first published version: there is nothing to compare it with."""
        return self.previous is None

    def summary(self) -> str:
        """The words the feeds use: the lead, when it applies and the main changes, in one
        paragraph."""
        said = f"{self.lead} {self.takes_effect}"
        changes = "; ".join(item.words for item in self.highlights)
        return f"{said} Main changes: {changes}." if changes and not self.first else said


def _decision(policy: Policy, version: str):
    return [entry for entry in policy.history.entries if entry.version == version][-1]


def announce(policy: Policy, previous: Policy | None, wording: Wording) -> Announcement:
    """The announcement of `policy`'s version (as its sources hold it), replacing `previous`
    (the version published before it, or None for a policy's first)."""
    meta, version = policy.meta, policy.meta.version
    decision = _decision(policy, version)
    verb = "withdrew" if decision.status == "withdrawn" else "approved"
    body = decision.decided_by.strip()
    body = body[4:] if body.lower().startswith("the ") else body
    lead = (f"The {body} {verb} version {version} of the {meta.title} on "
            f"{long_date(decision.date)}. {decision.changes.strip()}")
    if previous is None:
        highlights = (Highlight("Read the policy", "policy"),
                      Highlight("The do and don't rules, in the quick guide", "quick-guide"),
                      Highlight("Questions and answers", "faqs"))
        comparison = None
    else:
        comparison = compare_policies(previous, policy, wording)
        highlights = _highlights(comparison, policy, previous, wording)
    start = decision.in_force_from
    if decision.status == "withdrawn":
        takes_effect = f"It is withdrawn from {long_date(decision.date)}."
    elif start is not None and start > decision.date:
        takes_effect = f"It takes effect on {long_date(start)}."
    else:
        takes_effect = f"It applies from {long_date(start or decision.date)}."
    residents = (_residents(comparison, policy, previous, takes_effect)
                 if comparison is not None else None)
    return Announcement(policy.slug, version, previous.meta.version if previous else None,
                        f"{meta.title}: version {version}", lead, highlights, takes_effect,
                        meta.contact, residents)


def _highlights(comparison: PolicyComparison, new: Policy, old: Policy,
                wording: Wording) -> tuple[Highlight, ...]:
    ranked: list[tuple[float, int, Highlight]] = []
    order = 0
    for change in comparison.clauses.changes:
        order += 1
        clause = change.clause
        name = f"clause {clause.number} {clause.title}"
        if change.kind == "added":
            ranked.append((4, order, Highlight(f"New {name}", "policy", clause.anchor)))
        elif change.kind == "removed":
            ranked.append((4, order, Highlight(f"Clause {clause.number} {clause.title} was "
                                               "removed", "changes")))
        elif change.kind == "reworded":
            moved = sum(len(words) for kind, words in wording.diff(change.old.text,
                                                                    change.new.text)
                        if kind != "same")
            ranked.append((2 + min(moved, 200) / 201, order,
                           Highlight(f"{name[0].upper()}{name[1:]} has new wording", "policy",
                                     clause.anchor)))
        else:
            ranked.append((0.5, order, Highlight(
                f"{clause.title} is now clause {clause.number} (was {change.old.number})",
                "policy", clause.anchor)))
    rules = {rule.key: rule for rule in (*old.rules.rules, *new.rules.rules)}
    for item in comparison.rules:
        order += 1
        rule = rules[item.key]
        kind = "do" if rule.kind == "do" else "don't"
        words = {"added": f"New {kind} rule: {rule.text}",
                 "removed": f"Removed rule: {rule.text}",
                 "changed": f"Changed rule: {rule.text}"}[item.kind]
        anchor = None if item.kind == "removed" else f"rule-{rule.key.lower()}"
        ranked.append((3 if item.kind != "changed" else 1.5, order,
                       Highlight(words, "quick-guide" if anchor else "changes", anchor)))
    for item in comparison.faqs:
        order += 1
        words = {"added": "New question", "removed": "Removed question",
                 "changed": "Changed answer"}[item.kind]
        ranked.append((1, order, Highlight(f"{words}: {item.title}",
                                           "faqs" if item.kind != "removed" else "changes",
                                           item.key if item.kind != "removed" else None)))
    for field in comparison.facts:
        order += 1
        if field.name not in NEWS_FACTS:
            continue  # the decision and its dates: the lead and 'takes effect' say them
        ranked.append((0.8, order, Highlight(f"{field.name} is now {field.new or 'not set'}"
                                             if field.new else f"{field.name} removed",
                                             "changes")))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    chosen = sorted(ranked[:HIGHLIGHTS], key=lambda item: item[1])  # back in reading order
    return tuple(highlight for _, _, highlight in chosen)


def _residents(comparison: PolicyComparison, new: Policy, old: Policy | None,
               takes_effect: str) -> ResidentsNotice | None:
    """The item for residents, when a rule for residents was added, changed or removed."""
    residents = {context.key for policy in (new, old) if policy is not None
                 for context in policy.rules.contexts if context.audience == "residents"}
    rules = {rule.key: rule for policy in (old, new) if policy is not None
             for rule in policy.rules.rules}
    changed: list[ItemChange] = [item for item in comparison.rules
                                 if rules[item.key].context in residents]
    if not changed:
        return None
    items = []
    for item in changed:
        rule = rules[item.key]
        words = {"added": f"New: {rule.text}", "removed": f"No longer a rule: {rule.text}",
                 "changed": f"Changed: {rule.text}"}[item.kind]
        items.append(Highlight(words, "house-rules", None if item.kind == "removed"
                               else f"rule-{rule.key.lower()}"))
    lead = (f"We have updated the house rules we ask residents to follow, which are part of "
            f"the Council's {new.meta.title}. {takes_effect}")
    return ResidentsNotice(lead, tuple(items))
