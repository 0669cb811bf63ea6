"""What has been published of each policy: git tags for the sources, and the published
branch's record of each policy's versions (PublishedLibrary).

`make publish` tags the commit it published as `<policy>/<version>`, for example
`social-media/1.0`. So the tags say which versions were published, and the source of any
published version can be read back exactly as it was: that is what "what changed" and the
comparisons of any two versions compare.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..tools import git
from .errors import SourceError, reading_project
from .models import Policy
from .versions import VERSION, tag_name, version_key


@dataclass(frozen=True)
class Publication:
    """What had been published of one policy when this site was built."""

    versions: tuple[str, ...] = ()  # published versions, oldest first
    previous: str | None = None  # the newest published version before the one being built
    root: Path | None = None  # the project whose git tags hold the published versions
    slug: str = ""

    def is_published(self, version: str) -> bool:
        return version in self.versions

    def earlier(self, than: str) -> tuple[str, ...]:
        """The published versions before version `than`, oldest first."""
        return tuple(version for version in self.versions
                     if version_key(version) < version_key(than))

    def policy(self, version: str) -> Policy:
        """One published version of the policy, read back as it was published."""
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


@lru_cache(maxsize=256)
def policy_at(root: Path, slug: str, version: str) -> Policy:
    """Version `version` of the policy as published: its folder as the git tag `<slug>/
    <version>` holds it, read by the same loader as today's sources (without the checks
    against the library's settings, which may have changed since)."""
    from .loader import POLICY_FILE, SOURCE_FOLDER, load_policy  # it reads published ones too

    tag = tag_name(slug, version)
    path = root / SOURCE_FOLDER / slug
    with tempfile.TemporaryDirectory(prefix="published-") as scratch:
        try:
            git.extract(root, tag, Path(scratch), [f"{SOURCE_FOLDER}/{slug}"])
        except git.GitError as error:
            raise SourceError(
                path / POLICY_FILE,
                f"Could not read version {version} as published (git tag {tag}), to compare "
                f"it with other versions. {error}",
                "Fetch the published versions with 'git fetch --tags' and build again.") from None
        folder = Path(scratch) / SOURCE_FOLDER / slug
        try:
            with reading_project(Path(scratch)):
                return load_policy(folder, settings=None)
        except SourceError as error:
            raise SourceError(
                root / error.path,
                f"Version {version} as published (git tag {tag}) cannot be read to compare "
                f"it with other versions: {error.problem}",
                "Nothing in your change needs fixing. Ask a developer: the way policies are "
                "written has changed since that version was published.") from None


def load_publication(root: Path, policy: Policy, published: tuple[str, ...]) -> Publication:
    """The published versions of `policy`, and which came before the current. That version
    is read back now, so that a build stops at once if it cannot be."""
    earlier = Publication(versions=published).earlier(policy.meta.version)
    previous = earlier[-1] if earlier else None
    if previous is not None:
        policy_at(root, policy.slug, previous)
    return Publication(versions=published, previous=previous, root=root, slug=policy.slug)


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
