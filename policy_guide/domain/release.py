"""Record a new version of a policy (`make release`): the version at the bottom of
history.yml, the one place a version's number, status and dates are written, and the review
dates in the policy's front matter. Then the whole policy is checked; if anything is wrong,
both files are put back as they were and nothing changes. The release is then committed and
merged like any other change; CI publishes it."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

from .dates import add_years
from .errors import quoted_list
from .loader import load_library
from .models import Policy
from .published import policy_at, tagged_versions
from .versions import version_key

REVIEW_AFTER_YEARS = 2  # the next review, unless the release says otherwise
_KEY = re.compile(r"([A-Za-z_]+):")


class ReleaseError(Exception):
    """A release that cannot be made, with what to do instead."""


# -- deciding ---------------------------------------------------------------------------------

def choose_policy(policies: dict[str, Policy], name: str | None) -> Policy:
    if name is None:
        if len(policies) == 1:
            return next(iter(policies.values()))
        raise ReleaseError(
            "The library has more than one policy, so say which one: add "
            f"POLICY=<folder> (one of {quoted_list(policies)}).")
    if name not in policies:
        raise ReleaseError(f"There is no policy folder '{name}'. Use one of "
                           f"{quoted_list(policies)}.")
    return policies[name]


def refuse_out_of_order(policy: Policy, version: str, date: dt.date, effective: dt.date,
                        next_review: dt.date) -> None:
    entries = policy.history.entries
    current = policy.history.current
    if any(entry.version == version for entry in entries):
        raise ReleaseError(
            f"Version {version} is already in the version history of the {policy.meta.title}. "
            f"Each version number is used once: the current version is {current.version}, "
            "so choose a higher number.")
    if version_key(version) < version_key(current.version):
        raise ReleaseError(
            f"Version {version} would come before the current version {current.version}. "
            f"A new version needs a higher number than {current.version}.")
    if date < current.date:
        raise ReleaseError(
            f"The date {date} is before {current.date}, the date of the current version "
            f"{current.version}. Check the date of the decision.")
    if effective < date:
        raise ReleaseError(
            f"The version cannot take effect on {effective}, before it was decided on {date}.")
    started = [entry.in_force_from for entry in entries if entry.in_force_from]
    if started and effective <= max(started):
        raise ReleaseError(
            f"The version would take effect on {effective}, but the version before it only "
            f"took effect on {max(started)}. Give a later effective date.")
    if next_review <= date:
        raise ReleaseError(f"The next review ({next_review}) must come after the decision "
                           f"({date}).")


# -- editing the sources ----------------------------------------------------------------------

def yaml_text(value: str) -> str:
    """A string as a YAML value on one line, quoted only when YAML needs it."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return dumped.removesuffix("\n...\n").strip()


def set_front_matter(text: str, values: dict[str, str | None]) -> str:
    """Set (or, for None, remove) top-level keys in a Markdown file's front matter, keeping
    every other line, comment and the order as they are. New keys go at the end."""
    lines = text.splitlines(keepends=True)
    end = next(index for index in range(1, len(lines)) if lines[index].strip() == "---")
    out, seen, index = [lines[0]], set(), 1
    while index < end:
        following = index + 1
        while following < end and lines[following].startswith((" ", "\t")):
            following += 1  # the lines of a value that continues below its key
        match = _KEY.match(lines[index])
        if match and match.group(1) in values:
            key = match.group(1)
            seen.add(key)
            if values[key] is not None:
                out.append(f"{key}: {values[key]}\n")
        else:
            out.extend(lines[index:following])
        index = following
    out.extend(f"{key}: {value}\n" for key, value in values.items()
               if value is not None and key not in seen)
    return "".join(out + lines[end:])


def history_entry(version: str, date: dt.date, decided_by: str, summary: str,
                  effective: dt.date | None = None, status: str = "in force") -> str:
    """One entry of history.yml, as an owner would write it (an imported draft's first entry
    too: importing/draft.py)."""
    lines = [f'- version: "{version}"', f"  date: {date.isoformat()}", f"  status: {status}",
             f"  decided_by: {yaml_text(decided_by)}"]
    if effective is not None and effective != date:
        lines.append(f"  effective_from: {effective.isoformat()}")
    lines.append("  changes: >-")
    lines.extend(textwrap.wrap(summary, width=88, initial_indent="    ",
                               subsequent_indent="    ", break_on_hyphens=False))
    return "\n".join(lines) + "\n"


def without_permission(text: str, slug: str) -> str | None:
    """library.yml's text without `slug`'s permission for an overdue review (its line under
    'allow_overdue:' and the reason below it), every other line and comment kept; None if
    the entry is not found in the expected form."""
    lines = text.splitlines(keepends=True)
    start = next((index for index, line in enumerate(lines)
                  if line.strip().split("#")[0].strip() == "allow_overdue:"), None)
    if start is None:
        return None
    block_indent = len(lines[start]) - len(lines[start].lstrip())

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip())

    entry = None
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and indent(line) <= block_indent:
            break  # past the block
        if line.strip().split(":", 1)[0].strip("'\" ") == slug and ":" in line:
            entry = index
            break
    if entry is None:
        return None
    end = entry + 1
    while end < len(lines) and (not lines[end].strip() or indent(lines[end]) > indent(lines[entry])):
        end += 1
    while end > entry + 1 and not lines[end - 1].strip():
        end -= 1  # keep the blank lines after the entry
    kept = lines[:entry] + lines[end:]
    others = [line for line in kept[start + 1:]
              if line.strip() and not line.lstrip().startswith("#")]
    if not others or indent(others[0]) <= block_indent:
        kept[start] = lines[start].replace("allow_overdue:", "allow_overdue: {}", 1)
    return "".join(kept)


def published_references_changed(root: Path, policy: Policy) -> tuple[str, ...]:
    """What a release of `policy` makes wrong in other policies' published versions: each
    version in force (the newest published) of another policy that refers to a clause this
    release removes or renumbers, with the file and line of the reference. Published pages
    are never rebuilt, so they keep the number they were published with (and a removed
    clause's link leads to the top of the page); the owner of each may want a new version."""
    try:
        published = tagged_versions(root)
    except Exception:  # not a git repository, or no tags: nothing published to compare
        return ()
    before = (policy_at(root, policy.slug, published[policy.slug][-1])
              if published.get(policy.slug) else None)
    found = []
    for slug, versions in sorted(published.items()):
        if slug == policy.slug or not versions:
            continue
        other = policy_at(root, slug, versions[-1])
        for reference in other.references:
            anchor = reference.anchor
            if reference.target != policy.slug or anchor is None:
                continue
            said = (before.number_of(anchor) if before is not None and anchor in before.anchors
                    else f"'#{anchor}'")
            where = (f"the {other.meta.title} {versions[-1]} (published), {reference.path.name} "
                     f"line {reference.line}")
            if anchor not in policy.anchors:
                found.append(f"{where} refers to {said} of the {policy.meta.title}, which this "
                             "release removes.")
            elif before is not None and said != policy.number_of(anchor):
                found.append(f"{where} refers to {said} of the {policy.meta.title}, which this "
                             f"release renumbers as {policy.number_of(anchor)}.")
    return tuple(found)


@dataclass(frozen=True)
class Release:
    """A new version of a policy, as `make release` records it."""

    version: str
    date: dt.date  # of the decision
    decided_by: str
    summary: str
    policy: str | None = None  # the policy's folder; needed when the library has more than one
    effective_from: dt.date | None = None  # if later than the decision
    next_review: dt.date | None = None  # REVIEW_AFTER_YEARS after the decision unless given


@dataclass(frozen=True)
class Released:
    """What `make release` did."""

    policy: Policy  # as it now is
    permission_removed: bool  # library.yml's permission for an overdue review, now not needed
    #: published versions of other policies whose references this release makes wrong
    references_changed: tuple[str, ...] = ()


def release(request: Release, source: Path, today: dt.date | None = None) -> Released:
    """Record `request` in the policy's history.yml and review dates under `source`
    (policy_source/); if library.yml allowed the policy's review to be overdue and, with the
    new review date, it is not overdue on `today`, remove that permission. If anything is
    wrong, every file is put back as it was and the error is raised (ReleaseError or
    SourceError)."""
    today = today or dt.date.today()
    library = load_library(source)
    policy = choose_policy(library.policies, request.policy)
    effective = request.effective_from or request.date
    next_review = request.next_review or add_years(request.date, REVIEW_AFTER_YEARS)
    refuse_out_of_order(policy, request.version, request.date, effective, next_review)

    folder = source / policy.slug
    policy_path, history_path = folder / "policy.md", folder / "history.yml"
    settings_path = source / "library.yml"
    originals = {path: path.read_text(encoding="utf-8")
                 for path in (policy_path, history_path, settings_path)}
    new_policy = set_front_matter(originals[policy_path], {
        "last_reviewed": request.date.isoformat(),
        "next_review": next_review.isoformat(),
    })
    history = originals[history_path].rstrip("\n") + "\n\n" + history_entry(
        request.version, request.date, request.decided_by, request.summary, effective)
    permitted = policy.slug in library.settings.review.allow_overdue
    settings = (without_permission(originals[settings_path], policy.slug)
                if permitted and next_review >= today else None)
    try:
        policy_path.write_text(new_policy, encoding="utf-8")
        history_path.write_text(history, encoding="utf-8")
        if settings is not None:
            settings_path.write_text(settings, encoding="utf-8")
        released = load_library(source)
        if settings is not None and released.settings.review.allow_overdue != {
                slug: reason for slug, reason in library.settings.review.allow_overdue.items()
                if slug != policy.slug}:
            settings_path.write_text(originals[settings_path], encoding="utf-8")
            settings = None  # not the edit intended: left for the owner (make check says)
        return Released(released.policies[policy.slug], settings is not None,
                        published_references_changed(source.parent, released.policies[policy.slug]))
    except BaseException:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        raise
