"""Small helpers shared by the renderers."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from ..layout import page_url as _page_url
from ...domain.models import Policy
from ...domain.published import Publication
from ...domain.versions import CONSULTATION


def cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


#: What Markdown or the site's extensions read as markup inside a line: emphasis, code,
#: links, attribute lists ({...}), headings' closing #, keys (++...++), emoji (:name:),
#: tables, HTML and entities.
_MARKUP = re.compile(r"[\\`*_{}\[\]()#+!|<>&:]")
#: ...and at the start of a line: a list item ('- ', '1. ') or a quote.
_LINE_START = re.compile(r"^(\d+)([.)])|^[-=]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _entity(match: re.Match) -> str:
    character = match.group()
    return _ENTITIES.get(character, f"&#{ord(character)};")


def plain(text: object) -> str:
    """Plain text an owner wrote (a title, a role, a question) as Markdown that shows exactly
    those words: every character Markdown would read as markup is written as an HTML
    character reference, so 'Drugs & *Alcohol*' shows as typed, and a title can never become
    a heading's attribute list, a link, HTML or an emoji."""
    line = _MARKUP.sub(_entity, " ".join(str(text).split()))
    return _LINE_START.sub(lambda match: (match.group(1) or "") + f"&#{ord(match.group()[-1])};",
                           line)


_BRACKETS = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})


def markdown_words(markdown: str) -> str:
    """An owner's Markdown words (a clause title, which may hold emphasis) placed inside
    markup the guide writes around them: a heading's attribute list ('### 6.2 Title
    {#change-...}') or a link's brackets. Braces and brackets are written as character
    references, so the words can never close or open that markup."""
    return " ".join(markdown.split()).translate(_BRACKETS)


def labelled_cell(label: str, html: str) -> str:
    """A table cell that names its column, so a phone can show the row as labelled facts
    (site/stacked_tables.py does the same for tables written in Markdown)."""
    return f'<td data-label="{escape(label)}">{html}</td>'


def escape(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class PageLinks:
    """Links from the page being rendered to a policy's pages, wherever this build puts them
    (site/layout.py's Layout.policy_folder: '<slug>/' or the top of the site)."""

    policy: Policy
    from_page: str  # the rendered page's path in docs/, e.g. "index.md"
    folder: str  # the folder of the policy's pages in this build, "" or "social-media/"

    def page(self, name: str) -> str:
        """Relative link to the policy's page `name` from the current page."""
        here = posixpath.dirname(self.from_page)
        return posixpath.relpath(f"{self.folder}{name}", here or ".")

    def page_path(self, name: str) -> str:
        """The page's path in this build's docs/, as VersionLinks takes it."""
        return f"{self.folder}{name}"

    def clause(self, anchor: str) -> str:
        return f"{self.page('policy.md')}#{anchor}"

    def clause_markdown(self, anchor: str, with_title: bool = False) -> str:
        """[clause 6.2](policy.md#anchor), optionally followed by the clause's title."""
        label = self.policy.number_of(anchor)
        if with_title:
            label = f"{label} {markdown_words(self.policy.anchors[anchor].title)}"
        return f"[{label}]({self.clause(anchor)})"


@dataclass(frozen=True)
class VersionLinks:
    """Links from the page being rendered to another published version of its policy.

    `make publish` puts each version of a policy in its own folder beside the others
    (<slug>/1.0/, <slug>/1.1/, <slug>/current/), so another version's page is reached by
    climbing out of this version's folder.
    These links only work on the published site; they are written as HTML so MkDocs does not
    look for them among this version's pages.
    """

    from_page: str  # the rendered page's path in docs/, e.g. "social-media/history.md"
    published_site: bool = True  # False in a preview, which has no other versions to link to
    climb: int = 0  # 1 in a draft for consultation, one folder deeper (consultation/<v>/)
    drafts: frozenset[str] = frozenset()  # versions published as drafts for consultation

    def url(self, version: str, page: str, anchor: str = "") -> str:
        """The URL of docs/<page> in `version`, relative to the current page's URL."""
        depth = len(_page_url(self.from_page).split("/")) - 1
        folder = f"{CONSULTATION}/{version}" if version in self.drafts else version
        target = f"{'../' * (depth + 1 + self.climb)}{folder}/{_page_url(page)}"
        return f"{target}#{anchor}" if anchor else target

    def policy_root(self) -> str:
        """The URL of the policy's folder (<slug>/, which forwards to the version that
        applies today), relative to the current page's URL."""
        return "../" * (len(_page_url(self.from_page).split("/")) + self.climb)

    def link(self, version: str, page: str, text: str, anchor: str = "") -> str:
        if not self.published_site:
            return f"{escape(text)} (published)"
        return f'<a href="{escape(self.url(version, page, anchor))}">{escape(text)}</a>'


def version_link(version: str, page: str, text: str, publication: Publication,
                 links: PageLinks, versions: VersionLinks) -> str | None:
    """A link to docs/<slug>/<page> as it is in `version`: within this build for the version
    being built, across to its published folder for an earlier one; None if never published."""
    if version == links.policy.meta.version:
        return f"[{text}]({links.page(page)})"
    if publication.is_published(version):
        return versions.link(version, links.page_path(page), text)
    return None
