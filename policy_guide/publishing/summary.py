"""What a pull request changes in the policies, as its reviewers need to see it.

A file diff shows YAML and Markdown; a reviewer deciding whether a change may go to staff
needs to see the policy: for each policy the branch touches, the same comparison a reader
gets between two versions (key facts, clauses, rules, questions and answers, the
assessment: domain/compare.py), made between the version in force today and the branch, and
what merging would publish and when it would take effect (the rules of publishing/plan.py).

The result is Markdown for GitHub's job summary ($GITHUB_STEP_SUMMARY), which needs no token
and works for pull requests from forks. Every word from the sources is escaped, so an
owner's text is shown as written and can never become a link, an image or markup there.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..domain.compare import (NO_CHANGES, PARTS, Marks, Wording, compare_policies,
                              report_parts)
from ..domain.dates import long_date
from ..domain.inforce import version_on
from ..domain.loader import SOURCE_FOLDER, load_library
from ..domain.models import Policy
from ..domain.published import policy_at, policy_in_commit, tagged_versions
from ..domain.versions import tag_name
from ..site.mkdocs import site_wording
from ..tools import git
from .plan import PUBLISHED_STATUSES

#: GitHub shows at most 1 MiB of one step's summary; past this, a policy's details are left
#: out (the counts and what merging does are always shown).
LIMIT = 900_000

#: Every ASCII character that can start or end Markdown syntax on GitHub (':' starts an
#: emoji name or an address, '@' a mention, '$' mathematics).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>:@$])")


def escaped(text: str) -> str:
    """Owners' words as Markdown that shows exactly those words: one line, HTML-escaped (no
    tag or entity can form), every Markdown character backslash-escaped."""
    return _MARKDOWN.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


MARKDOWN_MARKS = Marks(("<del>", "</del>"), ("<ins>", "</ins>"), escaped)


@dataclass(frozen=True)
class Baseline:
    """What the branch's version of a policy is compared with."""

    policy: Policy | None
    said: str  # how the summary names it


def baseline(project: Path, slug: str, branch: Policy | None, base: str, base_name: str,
             published: tuple[str, ...], today: dt.date) -> Baseline:
    """The version in force today, as published; else the newest published version; else the
    policy as it is where the branch started (a policy never published yet)."""
    at_base = policy_in_commit(project, base, slug, base_name)
    history = (branch or at_base).history if (branch or at_base) else None
    period = version_on(history, today) if history else None
    if period and period.version in published:
        return Baseline(policy_at(project, slug, period.version),
                        f"version {period.version}, the version in force today (as published, "
                        f"git tag {tag_name(slug, period.version)})")
    if published:
        why = (f"version {period.version} is recorded as in force but not published yet"
               if period else "no version is in force today")
        return Baseline(policy_at(project, slug, published[-1]),
                        f"version {published[-1]}, the newest published version (git tag "
                        f"{tag_name(slug, published[-1])}); {why}")
    if at_base is not None:
        return Baseline(at_base, f"version {at_base.meta.version} as it is on {base_name} "
                                 "(no version of this policy has been published)")
    return Baseline(None, "nothing: this pull request adds the policy")


def on_merge(policy: Policy, published: tuple[str, ...], today: dt.date) -> str:
    """What merging the branch would publish of `policy`, and when it would apply."""
    meta = policy.meta
    version, status = meta.version, meta.status
    if version in published:
        return (f"Merging publishes nothing for this policy: version {version} is already "
                "published and is never changed. These changes reach staff only in a new "
                "version: record one with make release.")
    if status == "consultation":
        closes = policy.history.current.closes
        return (f"Merging publishes draft version {version} for consultation, at "
                f"{policy.slug}/consultation/{version}/, for the "
                f"{policy.history.current.decided_by} to comment on until "
                f"{long_date(closes) if closes else 'its closing date'}. It is not in force: "
                "staff keep reading the version in force.")
    if status not in PUBLISHED_STATUSES:
        return (f"Merging publishes nothing for this policy: version {version} is "
                f"{status}, and only a version released as in force (or a withdrawal) is "
                "published. Staff keep reading the version in force.")
    if status == "withdrawn":
        return (f"Merging publishes the withdrawal of the policy, decided on "
                f"{long_date(policy.history.current.date)}: from the next publish, staff are "
                "told no version of it applies.")
    starts = meta.effective_from or policy.history.current.date
    if starts <= today:
        return (f"Merging publishes version {version}, in force from {long_date(starts)}: "
                "it becomes the version staff read as soon as it is published.")
    now = version_on(policy.history, today)
    until = (f" Until then version {now.version} applies." if now else
             " Until then no version of it applies.")
    return (f"Merging publishes version {version}, which takes effect on {long_date(starts)}."
            f"{until} On that day the daily publish makes it the current version.")


def _lines_as_markdown(lines: list[tuple[int, str]]) -> list[str]:
    """A comparison's lines (compare.report_parts) as nested Markdown lists: an item, its
    fields under it, and each paragraph of wording as a paragraph inside the list item."""
    out: list[str] = []
    field = False
    for depth, text in lines:
        if depth == 1:
            out.append(f"- {text}")
            field = False
        elif depth == 2:
            out.append(f"  - {text}")
            field = True
        else:
            out.extend(["", f"{'    ' if field else '  '}{text}", ""])
    return out


@dataclass(frozen=True)
class Section:
    """One touched policy's part of the summary: what is always shown (what merging does,
    what it is compared with, the count of changes in each part), and the changes word by
    word, left out if the whole summary would be too long for GitHub to show."""

    head: list[str]
    details: list[str]


def policy_section(project: Path, slug: str, branch: Policy | None, base: str,
                   base_name: str, published: tuple[str, ...], today: dt.date,
                   wording: Wording) -> Section:
    """The summary of one policy the branch touches."""
    title = branch.meta.title if branch else slug
    lines = [f"### {escaped(title)}", ""]
    if branch is None:
        lines += [f"This pull request removes the policy's folder "
                  f"{escaped(f'{SOURCE_FOLDER}/{slug}/')}. Its published versions stay "
                  "published; to tell staff it no longer applies, record a withdrawal with "
                  "make release instead.", ""]
        return Section(lines, [])
    lines += [f"**What merging does:** {escaped(on_merge(branch, published, today))}", ""]
    old = baseline(project, slug, branch, base, base_name, published, today)
    if old.policy is None:
        lines += [f"This pull request adds the policy, at version "
                  f"{escaped(branch.meta.version)} ({escaped(branch.meta.status)}). There is "
                  "no earlier version to compare it with: read it in the build preview.", ""]
        return Section(lines, [])
    comparison = compare_policies(old.policy, branch, wording)
    lines += [f"Compared with {escaped(old.said)}. This pull request's version: "
              f"{escaped(branch.meta.version)} ({escaped(branch.meta.status)}).", ""]
    if comparison.unchanged:
        return Section(lines + [NO_CHANGES, ""], [])
    lines += ["| Part | Changes |", "|---|---|",
              *(f"| {heading} | {comparison.changes_in(key)} |" for key, heading, _ in PARTS),
              ""]
    parts = report_parts(comparison, wording, MARKDOWN_MARKS)
    details = [line for key, heading, what in PARTS
               for line in [f"#### {heading}", "",
                            *(_lines_as_markdown(parts[key]) or [f"No changes to {what}."]),
                            ""]]
    return Section(lines, details)


def touched(project: Path, base: str) -> tuple[list[str], list[str]]:
    """The policy folders the branch changes from `base`, and its other changed files under
    policy_source/ (the library's settings, the glossary)."""
    slugs, others = set(), []
    for path in git.changed_since(project, base, SOURCE_FOLDER):
        parts = path.split("/")
        if len(parts) > 2:
            slugs.add(parts[1])
        else:
            others.append(path)
    return sorted(slugs), others


def pull_request_summary(project: Path, base_name: str, today: dt.date) -> str:
    """The Markdown summary of the branch checked out in `project`, against `base_name`
    (a branch or commit: where the pull request will be merged)."""
    base = git.merge_base(project, base_name)
    slugs, others = touched(project, base)
    lines = ["## What this pull request changes in the policies", ""]
    if not slugs and not others:
        return "\n".join(lines + ["It changes no policy.", ""])
    policies = load_library(project / SOURCE_FOLDER).policies if slugs else {}
    tags = tagged_versions(project)
    lines += ["Each policy is compared as readers will see it: removed words are "
              "<del>struck through</del> and added words <ins>underlined</ins>.", ""]
    if others:
        lines += ["Library-wide files changed (they apply to every policy): "
                  + ", ".join(escaped(path) for path in others) + ".", ""]
    wording = site_wording(project)
    sections = [policy_section(project, slug, policies.get(slug), base, base_name,
                               tags.get(slug, ()), today, wording) for slug in slugs]
    whole = sum(len(line) + 1 for section in sections
                for line in (*section.head, *section.details))
    for section in sections:
        lines += section.head
        if whole <= LIMIT:
            lines += section.details
        elif section.details:
            lines += ["The changes are too long to show here: run make compare.", ""]
    return "\n".join(lines)
