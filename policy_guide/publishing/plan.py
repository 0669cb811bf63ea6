"""Which policy versions a publish run adds, and which it leaves alone, and why.

A policy's newest version (history.yml) is published when it is in force or withdrawn and
not on the published branch yet. A draft out for consultation is published apart, at
<policy>/consultation/<version>/, for the people consulted, never as a version. Other drafts
and versions approved without an effective date are not published: nobody should read them
as if they applied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.inforce import version_on
from ..domain.loader import SOURCE_FOLDER
from ..domain.models import Library, Policy
from ..domain.published import PublishedLibrary, tagged_versions
from ..domain.versions import tag_name, version_key
from ..tools import git
from .branch import BranchState
from .errors import PublishError

#: Statuses whose version is published: the rest have not been decided on, or say nothing
#: yet about when they apply.
PUBLISHED_STATUSES = ("in force", "withdrawn")


@dataclass(frozen=True)
class Plan:
    new: list[Policy]  # policies whose newest version is published in this run
    notes: list[str]  # what was left alone, and why
    #: policies whose newest version is a draft out for consultation, published in this run
    consultations: list[Policy] = field(default_factory=list)


def plan(project: Path, library: Library, state: BranchState) -> Plan:
    tags = tagged_versions(project)
    new, notes, consultations = [], [], []
    already = PublishedLibrary.from_json(state.library).consultations
    for slug, policy in library.policies.items():
        version, title = policy.meta.version, policy.meta.title
        on_branch = state.published(slug)
        if version in on_branch:
            tag = tag_name(slug, version)
            if tag in tags.get(slug, ()) and git.differs(project, tag, "HEAD",
                                                         f"{SOURCE_FOLDER}/{slug}"):
                notes.append(f"{title}: its files have changed since version {version} was "
                             "published. Those changes reach staff only in a new version: "
                             "record one with 'make release'.")
            continue
        if policy.meta.status == "consultation":
            if version not in {item.version for item in already.get(slug, ())}:
                consultations.append(policy)
            continue
        if policy.meta.status not in PUBLISHED_STATUSES:
            notes.append(f"{title}: version {version} is {policy.meta.status}, so it is not "
                         "published. It is published once history.yml records it as in "
                         "force (make release).")
            continue
        newer = [v for v in on_branch if version_key(v) > version_key(version)]
        if newer:
            raise PublishError(
                f"{title}: version {version} is older than version "
                f"{max(newer, key=version_key)}, which is already published. Publish only "
                "a new version, with a higher number.")
        if version in tags.get(slug, ()):
            raise PublishError(
                f"{title}: the tag {tag_name(slug, version)} exists but version {version} is "
                "not on the published branch. Someone may have published without pushing the "
                "branch. Fetch it with 'git fetch origin gh-pages:gh-pages' and try again.")
        new.append(policy)
    return Plan(new, notes, consultations)


def current_version(policy: Policy, published: list[str], today: dt.date) -> str | None:
    """The version of `policy` in force on `today`, if it is published."""
    period = version_on(policy.history, today)
    return period.version if period and period.version in published else None
