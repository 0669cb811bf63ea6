"""Where things are: the pages every policy has, and the addresses of the published library.

The published library (the gh-pages branch, and `make export`):

    index.html, on-a-date/, glossary/, owners/, assets/ ...   the library home and its pages
    library.json                     what is published of every policy (written by publishing)
    <policy>/versions.json           that policy's published versions (mike's format, which
                                     Material's version menu reads)
    <policy>/<version>/              one published version; never rewritten once published:
                                     its pages, its comparisons with earlier versions
                                     (compare/<earlier>/) and its PDFs (<policy>-policy-
                                     <version>.pdf, <policy>-quick-card-<version>.pdf)
    <policy>/current/                a copy of the version in force today
    <policy>/index.html              sends visitors to current/

A build makes one *part* of that: the library's home and own pages (`home`), or one policy's
pages for
one version (the policy's folder name). `make serve` and `make build` make `all` of it at
once, every policy under `<policy>/`, for previewing the sources as they are.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.models import Policy

#: The parts of the library a build can make (besides one policy, by its folder name).
ALL = "all"  # everything, every policy under <policy>/, for a preview (make serve, make build)
HOME = "home"  # the library's home and its other own pages, for publishing
CURRENT = "current"
VERSIONS_FILE = "versions.json"
LIBRARY_FILE = "library.json"
#: Beside the search index, at the top of the library: each staff word and the policies'
#: words it stands for (domain/staffwords.py), which search looks for too.
STAFF_WORDS_FILE = "staff-words.json"


@dataclass(frozen=True)
class PolicyPage:
    """One page every policy has, generated from a shared body in docs/includes/policy/."""

    name: str  # file name, such as quick-guide.md
    menu_title: str | None  # None for the policy's landing page (the section's own page)
    source: str  # the file in policy_source/<policy>/ the page shows, for its edit link
    search: str | None = None  # front matter for Material's search: why the page is boosted
    residents_only: bool = False  # only for a policy with rules for residents
    shared_body: str | None = None  # the body's file, if not named like the page

    @property
    def body(self) -> str:
        """The shared body the page places, as mkdocs-macros includes it (from docs/includes/)."""
        return f"policy/{self.shared_body or self.name}"

    @property
    def body_in_docs(self) -> str:
        """The same file, by its path in docs/, for messages about it."""
        return f"includes/{self.body}"


#: Every policy's pages, in menu order.
POLICY_PAGES: tuple[PolicyPage, ...] = (
    PolicyPage("index.md", None, "policy.md"),
    PolicyPage("policy.md", "The policy", "policy.md"),
    PolicyPage("quick-guide.md", "Quick guide", "rules.yml",
               "boost: 3   # a search for a rule's words should find the rule first"),
    PolicyPage("quick-card.md", "Printable quick card", "rules.yml",
               "exclude: true   # the same rules as the quick guide, which search should find"),
    PolicyPage("faqs.md", "Questions and answers", "faqs.md"),
    PolicyPage("house-rules.md", "House rules for residents", "rules.yml", residents_only=True),
    PolicyPage("eia.md", "Equality impact assessment", "eia.md"),
    PolicyPage("history.md", "Version history", "history.yml"),
    PolicyPage("changes.md", "What changed", "policy.md",
               "exclude: true   # quotes old and new wording; search should find the policy"),
    PolicyPage("in-force.md", "Which version applied when", "history.yml"),
)

#: The pages of every version printed to PDF (`make pdf`, and `make publish` beside each
#: published version's pages): the page's folder, and its name in the file's name.
PRINTED_PAGES: tuple[tuple[str, str], ...] = (("policy/", "policy"),
                                              ("quick-card/", "quick-card"))


def pdf_name(slug: str, printed: str, version: str) -> str:
    """The PDF of one printed page of one version: social-media-policy-1.1.pdf."""
    return f"{slug}-{printed}-{version}.pdf"


#: The folder of a version's comparisons with earlier versions: compare/1.0.md compares
#: this version with 1.0. They are linked from "What changed", not listed in the menu.
COMPARE_FOLDER = "compare"


def compare_page(version: str) -> PolicyPage:
    """The page comparing the version being built with an earlier published `version`."""
    return PolicyPage(f"{COMPARE_FOLDER}/{version}.md", None, "policy.md",
                      "exclude: true   # quotes old and new wording; search should find the policy",
                      shared_body="compare.md")


def page_spec(name: str) -> PolicyPage:
    """The page of a policy called `name` (a path inside the policy's folder)."""
    if name.startswith(f"{COMPARE_FOLDER}/"):
        return compare_page(name.removeprefix(f"{COMPARE_FOLDER}/").removesuffix(".md"))
    return next(spec for spec in POLICY_PAGES if spec.name == name)


#: What the library's own pages (the home, the date page, the glossary, the owners' guide, and
#: loading every policy for them) cost the share that builds them, in policies: about one
#: policy in forty (measured by `make bench`: at 200 policies, five policies' build time).
LIBRARY_PAGES_COST = 1 / 40


def pages_of(policy: Policy) -> list[PolicyPage]:
    """The pages a policy has: every page in POLICY_PAGES, but the residents' house rules only
    for a policy with rules for residents."""
    residents = any(context.audience == "residents" for context in policy.rules.contexts)
    return [page for page in POLICY_PAGES if residents or not page.residents_only]


@dataclass(frozen=True)
class Layout:
    """Where a build's pages sit, and how they reach the rest of the library.

    A build of the whole library can be shared out between processes, one a core
    (`make build`): each builds its `share` of the policies, and the first also the
    library's own pages. Each page's menu holds only its own policy's pages, so the shares'
    sites fit together as one.
    """

    part: str  # ALL, HOME or a policy's folder name
    share: frozenset[str] | None = None  # the policies this process builds, if shared out
    with_library_pages: bool = True
    #: a policy's draft published for consultation, one folder deeper than its versions:
    #: <policy>/consultation/<version>/
    consultation: bool = False

    @classmethod
    def shared(cls, slugs: list[str], number: int, of: int) -> "Layout":
        """Share `number` (1 to `of`) of a whole-library build. Policies are dealt out one at
        a time to the share with least to do; the first share starts behind by the cost of
        the library's own pages, so that every share finishes at about the same time."""
        ordered = sorted(slugs)
        loads = [round(len(ordered) * LIBRARY_PAGES_COST)] + [0] * (of - 1)
        mine = []
        for slug in ordered:
            # On a tie, a later share: the first has the library's pages besides.
            least = min(range(of), key=lambda share: (loads[share], -share))
            loads[least] += 1
            if least == number - 1:
                mine.append(slug)
        return cls(ALL, frozenset(mine), number == 1)

    @property
    def is_policy(self) -> bool:
        return self.part not in (ALL, HOME)

    def builds_policy(self, slug: str) -> bool:
        return self.part == slug or (
            self.part == ALL and (self.share is None or slug in self.share))

    @property
    def builds_library_pages(self) -> bool:
        return self.part in (ALL, HOME) and self.with_library_pages

    def policy_folder(self, slug: str) -> str:
        """The folder of docs/ (and of the built site) that holds the policy's pages."""
        return "" if self.part == slug else f"{slug}/"

    def library_root(self, from_page_url: str) -> str:
        """The address of the library home, relative to a page of this build ('a/b/')."""
        depth = len([part for part in from_page_url.split("/") if part])
        # out of <policy>/<version>/, or <policy>/consultation/<version>/
        climb = depth + (2 + self.consultation if self.is_policy else 0)
        return "../" * climb or "./"

    def library_url(self, from_page_url: str, target: str) -> str:
        """A library page's address ('glossary/'), relative to a page of this build."""
        if not target:
            return self.library_root(from_page_url)
        return posixpath.normpath(self.library_root(from_page_url) + target) + (
            "/" if target.endswith("/") else "")


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
