"""What has been published of each policy: git tags for the sources, and the published
branch's record of each policy's versions (PublishedLibrary).

`make publish` tags the commit it published as `<policy>/<version>`, for example
`social-media/1.0`. So the tags say which versions were published, and the source of any
published version can be read back exactly as it was: that is what "what changed" compares.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .checks import version_key
from .errors import SourceError
from .models import Policy, Section
from .sourcefiles import split_markdown
from .structure import parse_policy_body

_VERSION = re.compile(r"\d+(\.\d+)*")


def tag_name(slug: str, version: str) -> str:
    return f"{slug}/{version}"


@dataclass(frozen=True)
class Publication:
    """What had been published of one policy when this site was built."""

    versions: tuple[str, ...] = ()  # published versions, oldest first
    previous: str | None = None  # the newest published version before the one being built
    previous_sections: tuple[Section, ...] = ()

    def is_published(self, version: str) -> bool:
        return version in self.versions


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)


def tagged_versions(root: Path) -> dict[str, tuple[str, ...]]:
    """Policy folder name -> its published versions, oldest first. Empty outside git."""
    try:
        result = _git(root, "tag", "--list")
    except OSError:
        return {}
    found: dict[str, list[str]] = {}
    for tag in result.stdout.split() if result.returncode == 0 else ():
        slug, _, version = tag.partition("/")
        if slug and _VERSION.fullmatch(version):
            found.setdefault(slug, []).append(version)
    return {slug: tuple(sorted(versions, key=version_key)) for slug, versions in found.items()}


def source_at(root: Path, slug: str, version: str, name: str) -> str:
    """The text of policy_source/<slug>/<name> as it was published in `version`."""
    tag = tag_name(slug, version)
    result = _git(root, "show", f"{tag}:./policy_source/{slug}/{name}")
    if result.returncode != 0:
        raise SourceError(
            root / "policy_source" / slug / name,
            f"Could not read version {version} as published (git tag {tag}), to show what "
            f"changed since then. Git said: {result.stderr.strip()}",
            "Fetch the published versions with 'git fetch --tags' and build again.")
    return result.stdout


def load_publication(root: Path, policy: Policy, published: tuple[str, ...]) -> Publication:
    """The published versions of `policy` and the clauses of the one before the current."""
    current = version_key(policy.meta.version)
    earlier = [version for version in published if version_key(version) < current]
    if not earlier:
        return Publication(versions=published)
    previous = earlier[-1]
    path = root / "policy_source" / policy.slug / "policy.md"
    try:
        source = split_markdown(source_at(root, policy.slug, previous, "policy.md"), path)
        sections = parse_policy_body(source.body, source.body_line, path)
    except SourceError as error:
        raise SourceError(
            path,
            f"Version {previous} as published (git tag {tag_name(policy.slug, previous)}) "
            f"cannot be read to show what changed since then: {error.problem}",
            "Nothing in your change needs fixing. Ask a developer: the way policies are "
            "written has changed since that version was published.") from None
    return Publication(versions=published, previous=previous, previous_sections=sections)


@dataclass(frozen=True)
class PublishedPolicy:
    """One policy on the published branch: its version folders and which one is current."""

    versions: tuple[str, ...]  # oldest first
    current: str | None  # the version in force today, if any is published

    @property
    def newest(self) -> str:
        return self.versions[-1]

    def address(self, version: str | None = None) -> str:
        """The folder to link to, inside the policy's folder: 'current/' or '1.1/'."""
        if version is None:
            return "current/" if self.current else f"{self.newest}/"
        return f"{version}/"


@dataclass(frozen=True)
class PublishedLibrary:
    """What the published branch holds of every policy. Empty when nothing is published,
    which is what a preview build (`make serve`) sees."""

    policies: dict[str, PublishedPolicy] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict) -> "PublishedLibrary":
        return cls({slug: PublishedPolicy(tuple(entry["versions"]), entry.get("current"))
                    for slug, entry in data.get("policies", {}).items()})

    def to_json(self) -> dict:
        return {"policies": {slug: {"versions": list(policy.versions),
                                    "current": policy.current}
                             for slug, policy in sorted(self.policies.items())}}
