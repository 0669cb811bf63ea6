"""A link whose words give a clause number ("clause 6.2", "section 6", "6.2 Saying where you
work") must lead to that clause, however its address is written: Markdown, a reference,
raw HTML, `./policy.md`, `../policy/`. Read in each built page, where every way of writing a
link has become an address (the hook checks each page as written)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from ..domain.errors import SourceError, shortened
from ..domain.models import Policy
from ..domain.structure import quoted_number
from ..tools.linkcheck import EXTERNAL


@dataclass(frozen=True)
class Misnumbered:
    """A link whose words give one clause number but which leads to another."""

    text: str  # the link's words
    says: str  # the number they give
    leads_to: str  # 'clause 6.2'
    anchor: str

    @property
    def needles(self) -> tuple[str | tuple[str, ...], ...]:
        """Its words and its anchor on one line (a link written in place, in Markdown or
        HTML), its words as a reference ([words][name]), then its words alone."""
        return ((self.text, f"#{self.anchor}"), f"[{self.text}][", self.text)

    def error(self, path: Path, line: int | None) -> SourceError:
        number = self.leads_to.split()[-1]
        return SourceError(
            path,
            f"The link '{shortened(self.text)}' says {self.says}, but it leads to "
            f"{self.leads_to} ('#{self.anchor}').",
            f"Change the link's words to match ({number}), or point the link at the clause "
            "you meant.", line)


def misnumbered_links(tree: LexborHTMLParser, page_url: str,
                      policies: dict[str, Policy]) -> list[Misnumbered]:
    """Links on a built page (at `page_url`, such as 'social-media/faqs/') whose words give a
    clause or section number that is not the one they lead to. `policies` maps the address
    of each built policy's text ('social-media/policy/') to the policy."""
    found = []
    for node in tree.css("a[href]"):
        href = node.attributes.get("href") or ""
        address, hash_mark, anchor = href.partition("#")
        if not hash_mark or EXTERNAL.match(href):
            continue
        path = posixpath.normpath(posixpath.join(page_url, unquote(address))) + "/"
        policy = policies.get(path.removeprefix("./"))
        if policy is None or unquote(anchor) not in policy.anchors:
            continue
        text = " ".join(node.text().split())
        says = quoted_number(text)
        target = policy.anchors[unquote(anchor)]
        if says is not None and says != str(target.number):
            found.append(Misnumbered(text, says, policy.number_of(target.anchor), target.anchor))
    return found
