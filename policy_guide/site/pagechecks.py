"""What every page the build writes must be, checked on the page as written (the hook calls
these last, after every template, macro and mend): the safety allow-list (site/safety.py)
and the clause numbers in links' words (site/clause_numbers.py). A finding stops the build
with a message naming the source file and line it came from, whatever page it reached.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page
from selectolax.lexbor import LexborHTMLParser

from ..domain.errors import SourceError, display_path
from ..domain.loader import GLOSSARY_FILE, SETTINGS_FILE, SOURCE_FILES
from .clause_numbers import misnumbered_links
from .feeds import LIBRARY_FEED, policy_feed
from .mends import mend
from .safety import (Finding, Page as Written, from_templates, refuse, source_of, unsafe_feed,
                     unsafe_parts)
from .state import BuildState


def sources_of(state: BuildState, docs: Path, page: Page | None) -> list[Path]:
    """Every file a page's text can have come from, the likeliest first: its own source,
    its policy's other sources (or, for the library's own pages, which list every policy,
    every policy's), the glossary and settings, mkdocs.yml and the page's body in docs/."""
    root = state.source_root
    generated = state.generated.get(page.file.src_uri) if page is not None else None
    everyone = [root / slug / name for slug in state.library.policies for name in SOURCE_FILES]
    shared = [root / GLOSSARY_FILE, root / SETTINGS_FILE, state.project / "mkdocs.yml"]
    if generated is None:
        own = [docs / page.file.src_uri] if page is not None else []
        return [*own, *everyone, *shared]
    policy, spec = generated
    names = [spec.source, *(name for name in SOURCE_FILES if name != spec.source)]
    return [*(root / policy.slug / name for name in names), *shared, docs / spec.body_in_docs]


def main_source(state: BuildState, docs: Path, page: Page) -> str:
    """The file a page is made from, as messages name it."""
    return display_path(sources_of(state, docs, page)[0])


def _refused(finding: Finding, state: BuildState, docs: Path, page: Page | None,
             name: str) -> SourceError:
    """The error for a finding, naming the source file and line it came from, or the
    templates if no source holds it."""
    found = source_of(finding, sources_of(state, docs, page))
    if found is None:
        return from_templates(finding, name, docs / "overrides")
    return refuse(finding, *found)


def checked_page(output: str, page: Page, state: BuildState, docs: Path) -> str:
    """A page as it is written: Material's few pieces of invalid markup corrected
    (site/mends.py), then the whole page, head to foot, judged against the allow-list, and
    every link whose words give a clause number checked against the clause it leads to."""
    html = mend(output)
    tree = LexborHTMLParser(html)
    found = unsafe_parts(tree, Written(page.url, state.scripts))
    if found:
        raise _refused(found[0], state, docs, page, page.url)
    wrong = misnumbered_links(tree, page.url, state.texts)
    if wrong:
        sources = sources_of(state, docs, page)
        raise wrong[0].error(*(source_of(wrong[0], sources) or (sources[0], None)))
    return html


def checked_template(output: str, name: str, state: BuildState, docs: Path) -> str:
    """The same for a page the theme writes itself, such as 404.html, which a web server
    shows at any address, so its addresses start from the top of the site."""
    html = mend(output)
    found = unsafe_parts(html, Written("", state.scripts, from_top=True))
    if found:
        raise _refused(found[0], state, docs, None, name)
    return html


def check_feeds(site: Path, state: BuildState, docs: Path) -> None:
    """The feeds the build wrote (site/feeds.py), as a feed reader gets them."""
    for name in [LIBRARY_FEED, *map(policy_feed, state.library.policies)]:
        found = unsafe_feed((site / name).read_bytes())
        if found:
            raise _refused(found[0], state, docs, None, name)
