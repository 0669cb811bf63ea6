"""References to other policies (domain/references.py) as the reader sees them: the other
policy's title and the clause's number, linking to the clause in the version in force; and,
on the policy page, the policies that refer to this one."""

from __future__ import annotations

from typing import Callable

from ...domain.models import Policy
from ...domain.references import REFERENCE, Reference
from .common import escape

#: The address of a policy's page (its text, or its home for the whole policy) and anchor,
#: relative to the page being built.
UrlFor = Callable[..., str]  # (folder name, anchor or None, page="policy")


def reference_words(target: Policy, anchor: str | None) -> str:
    """'Disciplinary Policy, clause 4.2', or the title alone for the whole policy."""
    title = target.meta.title
    return f"{title}, {target.number_of(anchor)}" if anchor else title


def with_references(markdown: str, known: dict[str, Policy], url_for: UrlFor) -> str:
    """`markdown` with each reference written as a link with the other policy's words. The
    loader has checked every reference names a policy and anchor that exist."""
    def written(match) -> str:
        target = known.get(match["slug"])
        anchor = match["anchor"] or None
        if target is None or (anchor is not None and anchor not in target.anchors):
            return match.group(0)  # in a code example: left as written
        # Written as HTML: the address is outside this build's pages when the build is one
        # published version, and the build's own link check follows it in a whole library.
        # A policy never published has no page to lead to: its words stand alone.
        href = url_for(target.slug, anchor)
        words = escape(reference_words(target, anchor))
        return f'<a href="{escape(href)}">{words}</a>' if href is not None else words
    return REFERENCE.sub(written, markdown) if "(policy:" in markdown else markdown


def referred_by(references: list[Reference], known: dict[str, Policy], url_for: UrlFor,
                lasting: bool) -> str:
    """The list of policies that refer to this one, each reference a link to the clause it
    is written in. `lasting` (a published version, never rebuilt) says it is the list as it
    was when the version was published."""
    items = []
    for reference in references:
        source = known[reference.source]
        clause = _clause_at(source, reference.line) if reference.path.name == "policy.md" else None
        page = "policy" if reference.path.name == "policy.md" else "faqs"
        href = url_for(source.slug, clause, page)
        if href is None:
            continue  # a policy never published: a published page cannot lead to it
        where = reference_words(source, clause)
        target = known.get(reference.target)
        about = (f" (about {escape(target.number_of(reference.anchor))})"
                 if target is not None and reference.anchor in target.anchors else "")
        items.append(f'<li><a href="{escape(href)}">{escape(where)}</a>{about}</li>')
    if not items:
        return ""
    when = ("When this version was published, these policies referred to it:" if lasting
            else "These policies refer to this one:")
    return (f'<section class="referred-by" aria-labelledby="referred-by">\n'
            f'<h2 id="referred-by">Other policies that refer to this one</h2>\n'
            f"<p>{when}</p>\n<ul>\n" + "\n".join(items) + "\n</ul>\n</section>\n")


def _clause_at(policy: Policy, line: int) -> str | None:
    """The anchor of the clause (or section) a line of policy.md is in."""
    found = None
    for section in policy.sections:
        if section.line <= line:
            found = section.anchor
        for clause in section.clauses:
            if clause.line <= line:
                found = clause.anchor
    return found
