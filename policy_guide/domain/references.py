"""References from one policy to another, written in one way and checked on every build.

An owner refers to another policy's clause with a Markdown link whose address starts
`policy:`, followed by the policy's folder name and the clause's anchor:

    The Disciplinary Policy says what happens next [](policy:disciplinary#gross-misconduct).

The words in the brackets may be left empty: the guide writes the other policy's title and
the clause's number there itself (site/render/references.py), so they are right whatever the
other policy becomes. `policy:disciplinary` on its own refers to the whole policy. The link
leads to the clause in the other policy's version in force (its `current/` pages).

A reference to a policy or clause that does not exist stops the build, naming the file and
line. References are read from policy.md and from the answers in faqs.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .errors import SourceError, display_path, quoted_list, shortened, suggestion

if TYPE_CHECKING:
    from .models import Policy

SCHEME = "policy:"
#: A reference link. Neither part may hold a bracket, so a line of many '[' is read once.
REFERENCE = re.compile(
    r"\[(?P<text>[^\[\]]*)\]\(policy:(?P<slug>[^()\[\]\s#]*)(?:#(?P<anchor>[^()\[\]\s]*))?"
    r"(?:\s+\"[^\"]*\")?\)")


@dataclass(frozen=True)
class Reference:
    """One policy's reference to another policy, or to one of its clauses."""

    source: str  # the referring policy's folder name
    path: Path  # the file it is written in
    line: int
    target: str  # the folder name of the policy it refers to
    anchor: str | None  # the clause or section referred to; None for the whole policy

    def where(self) -> str:
        return f"{display_path(self.path)}, line {self.line}"


def find_references(lines: Iterable[tuple[int, str]], slug: str, path: Path
                    ) -> tuple[Reference, ...]:
    """Every reference in `lines` ((line number, text), outside code blocks)."""
    found = []
    for line, text in lines:
        if SCHEME not in text:
            continue
        for match in REFERENCE.finditer(text):
            found.append(Reference(slug, path, line, match["slug"], match["anchor"] or None))
    return tuple(found)


def check_references(policies: dict[str, "Policy"], checked: Iterable[str]) -> None:
    """Stop at the first reference, in the policies named in `checked`, to a policy or clause
    that `policies` does not have."""
    for slug in checked:
        for reference in policies[slug].references:
            _check(reference, policies)


def _check(reference: Reference, policies: dict[str, "Policy"]) -> None:
    if reference.target == reference.source:
        raise SourceError(
            reference.path,
            "This reference is to the policy it is written in.",
            f"Link to the clause as [clause](#{reference.anchor or 'anchor'}) instead: "
            "'policy:' is for other policies.", reference.line)
    if reference.target not in policies:
        others = [slug for slug in policies if slug != reference.source]
        raise SourceError(
            reference.path,
            f"This reference is to the policy '{shortened(reference.target)}', but the library "
            f"has no policy folder with that name.{suggestion(reference.target, others)}",
            f"Use the folder name of a policy in policy_source/ ({quoted_list(others)}), "
            "such as [](policy:disciplinary#gross-misconduct).", reference.line)
    target = policies[reference.target]
    if reference.anchor is not None and reference.anchor not in target.anchors:
        raise SourceError(
            reference.path,
            f"This reference is to '#{shortened(reference.anchor)}' in the {target.meta.title}, "
            "which has no clause or section with that anchor."
            f"{suggestion(reference.anchor, target.anchors)}",
            f"Use the anchor in {{#...}} at the end of the clause heading in "
            f"policy_source/{target.slug}/policy.md.", reference.line)


def referring_to(slug: str, policies: Iterable["Policy"]) -> list[Reference]:
    """Every reference to the policy `slug` from the other policies, in folder-name order."""
    return [reference for policy in sorted(policies, key=lambda p: p.slug)
            if policy.slug != slug for reference in policy.references
            if reference.target == slug]


def mentions(text: str) -> set[str]:
    """The folder names a source's text refers to, read quickly (for choosing which other
    policies a build of some policies needs); the loader checks them properly."""
    return {match["slug"] for match in REFERENCE.finditer(text)} if SCHEME in text else set()
