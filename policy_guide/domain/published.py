"""What has been published of each policy: git tags for the sources, and the published
branch's record of each policy's versions (PublishedLibrary).

`make publish` tags the commit it published as `<policy>/<version>`, for example
`social-media/1.0`. So the tags say which versions were published, and the source of any
published version can be read back exactly as it was: that is what "what changed" and the
comparisons of any two versions compare.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..tools import git
from .errors import SourceError, reading_project
from .inforce import in_force_periods
from .models import History, Policy
from .versions import CONSULTATION, VERSION, consultation_tag, tag_name, version_key


@dataclass(frozen=True)
class Publication:
    """What had been published of one policy when this site was built."""

    versions: tuple[str, ...] = ()  # published versions, oldest first
    previous: str | None = None  # the newest published version before the one being built
    root: Path | None = None  # the project whose git tags hold the published versions
    slug: str = ""
    #: drafts published for consultation (never versions in force), oldest first
    consultations: tuple[str, ...] = ()

    def consulted_before(self, than: str) -> tuple[str, ...]:
        """The drafts published for consultation before version `than`: what a version
        approved after a consultation is compared with (what the consultation changed)."""
        return tuple(version for version in self.consultations
                     if version_key(version) < version_key(than))

    def is_published(self, version: str) -> bool:
        return version in self.versions

    def earlier(self, than: str) -> tuple[str, ...]:
        """The published versions before version `than`, oldest first."""
        return tuple(version for version in self.versions
                     if version_key(version) < version_key(than))

    def policy(self, version: str) -> Policy:
        """One published version (or draft for consultation) of the policy, read back as it
        was published."""
        if self.root is not None and version in self.consultations:
            return consultation_at(self.root, self.slug, version)
        if self.root is None or version not in self.versions:
            raise ValueError(f"Version {version} of {self.slug or 'the policy'} is not "
                             "published here.")
        return policy_at(self.root, self.slug, version)


def tagged_versions(root: Path) -> dict[str, tuple[str, ...]]:
    """Policy folder name -> its published versions, oldest first. Empty outside git."""
    found: dict[str, list[str]] = {}
    for tag in git.tags(root):
        slug, _, version = tag.partition("/")
        if slug and VERSION.fullmatch(version):
            found.setdefault(slug, []).append(version)
    return {slug: tuple(sorted(versions, key=version_key)) for slug, versions in found.items()}


def tagged_consultations(root: Path) -> dict[str, tuple[str, ...]]:
    """Policy folder name -> its drafts published for consultation, oldest first."""
    found: dict[str, list[str]] = {}
    for tag in git.tags(root):
        slug, _, rest = tag.partition("/")
        kind, _, version = rest.partition("/")
        if slug and kind == CONSULTATION and VERSION.fullmatch(version):
            found.setdefault(slug, []).append(version)
    return {slug: tuple(sorted(versions, key=version_key)) for slug, versions in found.items()}


@lru_cache(maxsize=64)
def consultation_at(root: Path, slug: str, version: str) -> Policy:
    """A draft as it was published for consultation (git tag <slug>/consultation/<version>)."""
    tag = consultation_tag(slug, version)
    return _policy_in(root, tag, slug, f"the draft {version} as published for consultation "
                      f"(git tag {tag})", "Fetch the published versions with 'git fetch --tags' "
                      "and build again.")


@lru_cache(maxsize=256)
def policy_at(root: Path, slug: str, version: str) -> Policy:
    """Version `version` of the policy as published: its folder as the git tag `<slug>/
    <version>` holds it, read by the same loader as today's sources (without the checks
    against the library's settings, which may have changed since)."""
    tag = tag_name(slug, version)
    return _policy_in(root, tag, slug, f"version {version} as published (git tag {tag})",
                      "Fetch the published versions with 'git fetch --tags' and build again.")


def policy_in_commit(root: Path, commit: str, slug: str, name: str) -> Policy | None:
    """The policy `slug` as the commit `commit` (called `name` in messages) holds it, or None
    if its folder is not in that commit."""
    from .loader import SOURCE_FOLDER

    if not git.succeeds(root, "cat-file", "-e", f"{commit}:{SOURCE_FOLDER}/{slug}"):
        return None
    return _policy_in(root, commit, slug, f"the policy as it is on {name}",
                      f"Check that {name} can be read with 'git show {name}'.")


def _policy_in(root: Path, treeish: str, slug: str, what: str, fetch_advice: str) -> Policy:
    """The policy folder `slug` of `treeish`, read by the loader without the settings
    checks."""
    from .loader import POLICY_FILE, SOURCE_FOLDER, load_policy  # it reads published ones too

    path = root / SOURCE_FOLDER / slug
    with tempfile.TemporaryDirectory(prefix="published-") as scratch:
        try:
            git.extract(root, treeish, Path(scratch), [f"{SOURCE_FOLDER}/{slug}"])
        except git.GitError as error:
            raise SourceError(
                path / POLICY_FILE,
                f"Could not read {what}, to compare it with other versions. {error}",
                fetch_advice) from None
        folder = Path(scratch) / SOURCE_FOLDER / slug
        try:
            with reading_project(Path(scratch)):
                return load_policy(folder, settings=None)
        except SourceError as error:
            raise SourceError(
                root / error.path,
                f"{what[0].upper()}{what[1:]} cannot be read to compare it with other "
                f"versions: {error.problem}",
                "Nothing in your change needs fixing. Ask a developer: the way policies are "
                "written has changed since that version was published.") from None


def load_publication(root: Path, policy: Policy, published: tuple[str, ...],
                     consultations: tuple[str, ...] = ()) -> Publication:
    """The published versions of `policy`, and which came before the current. That version
    is read back now, so that a build stops at once if it cannot be."""
    earlier = Publication(versions=published).earlier(policy.meta.version)
    previous = earlier[-1] if earlier else None
    if previous is not None:
        policy_at(root, policy.slug, previous)
    return Publication(versions=published, previous=previous, root=root, slug=policy.slug,
                       consultations=consultations)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class VersionRecord:
    """What the published record says of one published version: the facts that stay true
    (its decision, when it took effect) and, once it happens, when it stopped applying and
    why. A published page states only the lasting facts; its reader's browser reads this
    record (<policy>/versions.json) to say where the version stands on the day it is read."""

    status: str  # what its newest decision made it: "in force" or "withdrawn"
    decided: dt.date
    effective_from: dt.date | None  # the day it took effect (None for a withdrawal)
    replaced_by: str | None = None  # the version that replaced it, once one is decided
    replaced_on: dt.date | None = None  # the day that version took effect
    withdrawn_on: dt.date | None = None  # the day the policy was withdrawn, if it was

    def to_json(self) -> dict:
        return {"status": self.status, "date": self.decided.isoformat(),
                "effective_from": self.effective_from.isoformat() if self.effective_from
                else None,
                "replaced_by": self.replaced_by,
                "replaced_on": self.replaced_on.isoformat() if self.replaced_on else None,
                "withdrawn_on": self.withdrawn_on.isoformat() if self.withdrawn_on else None}

    @classmethod
    def from_json(cls, data: dict) -> "VersionRecord":
        return cls(str(data["status"]), dt.date.fromisoformat(data["date"]),
                   _day(data.get("effective_from")), data.get("replaced_by"),
                   _day(data.get("replaced_on")), _day(data.get("withdrawn_on")))


def version_records(history: History, published: tuple[str, ...]) -> dict[str, VersionRecord]:
    """The record of each of the `published` versions, from the history: each version's
    newest decision, and which later version replaced it (the next to take effect), or when
    the policy was withdrawn."""
    periods = in_force_periods(history)
    records = {}
    for version in published:
        decisions = [entry for entry in history.entries if entry.version == version]
        if not decisions:
            continue
        decision = decisions[-1]
        start = next((period for period in periods if period.version == version), None)
        replaced_by = replaced_on = withdrawn_on = None
        if start is not None and start.end is not None:
            following = next((period for period in periods
                              if period.start == start.end + dt.timedelta(days=1)), None)
            if following is not None:
                replaced_by, replaced_on = following.version, following.start
            else:
                withdrawn_on = start.end + dt.timedelta(days=1)
        records[version] = VersionRecord(decision.status, decision.date, decision.in_force_from,
                                         replaced_by, replaced_on, withdrawn_on)
    return records


@dataclass(frozen=True)
class PublishedPolicy:
    """One policy on the published branch: its version folders, which one is current, and
    the record of each version."""

    versions: tuple[str, ...]  # oldest first
    current: str | None  # the version in force today, if any is published
    records: dict[str, VersionRecord] = field(default_factory=dict)
    #: each version's announcement, in the words the staff bulletin used (domain/announce.py),
    #: kept from the day it was published for the feeds
    announcements: dict[str, str] = field(default_factory=dict)

    @property
    def newest(self) -> str:
        return self.versions[-1]

    def address(self, version: str | None = None) -> str:
        """The folder to link to, inside the policy's folder: 'current/' or '1.1/'."""
        if version is None:
            return "current/" if self.current else f"{self.newest}/"
        return f"{version}/"


@dataclass(frozen=True)
class Consultation:
    """A draft published for consultation: what its pages, the library home and the feeds
    say of it. It is never a version in force, and never in a policy's versions.json."""

    version: str
    opened: dt.date  # the day the draft went out (its history entry's date)
    closes: dt.date  # the last day to comment
    consulted: str  # who is consulted (the entry's decided_by)
    published: dt.date  # the day it was published in the guide

    def to_json(self) -> dict:
        return {"version": self.version, "opened": self.opened.isoformat(),
                "closes": self.closes.isoformat(), "consulted": self.consulted,
                "published": self.published.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> "Consultation":
        return cls(str(data["version"]), dt.date.fromisoformat(data["opened"]),
                   dt.date.fromisoformat(data["closes"]), str(data["consulted"]),
                   dt.date.fromisoformat(data["published"]))


@dataclass(frozen=True)
class PublishedLibrary:
    """What the published branch holds of every policy. Empty when nothing is published,
    which is what a preview build (`make serve`) sees."""

    policies: dict[str, PublishedPolicy] = field(default_factory=dict)
    #: drafts published for consultation, by policy folder name, oldest first
    consultations: dict[str, tuple[Consultation, ...]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict) -> "PublishedLibrary":
        return cls({slug: PublishedPolicy(
            tuple(entry["versions"]), entry.get("current"),
            {version: VersionRecord.from_json(record)
             for version, record in entry.get("records", {}).items()},
            {str(version): str(words)
             for version, words in (entry.get("announcements") or {}).items()})
            for slug, entry in data.get("policies", {}).items()},
            {slug: tuple(Consultation.from_json(item) for item in items)
             for slug, items in (data.get("consultations") or {}).items()})

    def to_json(self) -> dict:
        return {"policies": {slug: {"versions": list(policy.versions),
                                    "current": policy.current,
                                    "records": {version: record.to_json()
                                                for version, record in policy.records.items()},
                                    "announcements": dict(policy.announcements)}
                             for slug, policy in sorted(self.policies.items())},
                "consultations": {slug: [item.to_json() for item in items]
                                  for slug, items in sorted(self.consultations.items())}}

    def open_consultations(self, today: dt.date) -> list[tuple[str, Consultation]]:
        """(policy, draft) for each consultation still open on `today`: not closed, and no
        later version published since (the outcome is decided). Closing soonest first."""
        def decided(slug: str, draft: str) -> bool:
            versions = self.policies[slug].versions if slug in self.policies else ()
            return any(version_key(version) > version_key(draft) for version in versions)
        return sorted(((slug, item) for slug, items in self.consultations.items()
                       for item in items
                       if item.closes >= today and not decided(slug, item.version)),
                      key=lambda found: (found[1].closes, found[0]))
