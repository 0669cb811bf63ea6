"""Version numbers: how they are written ("1.0", "2.3"), how they are ordered ("1.10" comes
after "1.9"), and the git tag each published version gets ("social-media/1.0")."""

from __future__ import annotations

import re

#: A version number: two numbers and a dot (history.yml's `version:`, tags, `make release`).
VERSION_PATTERN = r"\d+\.\d+"
VERSION = re.compile(VERSION_PATTERN)


def version_key(version: str) -> tuple[int, ...]:
    """'1.10' sorts after '1.9'."""
    return tuple(int(part) for part in version.split("."))


def tag_name(slug: str, version: str) -> str:
    """The git tag `make publish` gives the source of a published version."""
    return f"{slug}/{version}"


#: The folder (inside a policy's) of its drafts published for consultation, and the part of
#: their git tags that says so: social-media/consultation/1.1.
CONSULTATION = "consultation"


def consultation_tag(slug: str, version: str) -> str:
    """The git tag `make publish` gives the source of a draft published for consultation."""
    return f"{slug}/{CONSULTATION}/{version}"
