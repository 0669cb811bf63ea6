"""Each of the theme's mends (policy_guide/site/mends.py) still matches what Material renders
today: a small site of three pages, built with the installed Material, the guide's theme
settings and overrides, is read before and after the mends. If a Material release changes
its markup, a mend stops matching and this test says which, long before the browser and
HTML checkers would notice."""

from __future__ import annotations


import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT
from policy_guide.site import mends

#: The pages: one in the menu with contents to list, one with none (both in a section of the
#: menu, as a policy's pages are), and one left out of the menu (as a comparison of two
#: versions is).
PAGES = {
    "index.md": "# Home\n\nThe library.\n",
    "listed.md": "# Listed\n\n## A section\n\nText.\n\n## Another\n\nText.\n",
    "bare.md": "# Bare\n\nNo sections.\n",
    "outside.md": "# Outside\n\n## A section\n\nText.\n",
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, str]:
    """Each page as Material writes it, before the mends."""
    folder = tmp_path_factory.mktemp("theme")
    docs = folder / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(folder / "site"),
        nav=[{"Home": "index.md"}, {"A policy": [{"Listed": "listed.md"}, {"Bare": "bare.md"}]}],
        not_in_nav="/outside.md", plugins=[], strict=False,
        hooks=[str(ROOT / "policy_guide" / "site" / "templates.py")])
    build(config)
    site = folder / "site"
    return {name: (site / name.removesuffix(".md") / "index.html"
                   if name != "index.md" else site / "index.html").read_text(encoding="utf-8")
            for name in PAGES}


@pytest.mark.parametrize("mend, page", [
    (mends._CHECKBOX_AUTOCOMPLETE, "listed.md"),  # the drawer and search toggles, every page
    (mends._EMPTY_TABINDEX, "listed.md"),  # a section's label in the menu
    (mends._TOC_TOGGLE, "bare.md"),  # a page with no contents still gets the toggle
    (mends._TOC_TITLE, "outside.md"),  # a page out of the menu keeps the contents' label
])
def test_each_mend_matches_the_markup_material_writes_today(rendered, mend, page):
    assert mend.search(rendered[page]), f"{mend.pattern} no longer matches Material's markup"


def test_nothing_the_mends_correct_is_left_once_they_have_run(rendered):
    for page, html in rendered.items():
        mended = mends.mend(html)
        theme = mended[:mended.index(mends.CONTENT_START)]
        assert 'autocomplete="off">' not in theme.replace('class="md-search__input"', ""), page
        assert 'tabindex=""' not in theme, page
        if 'for="__toc"' not in theme:
            assert 'id="__toc"' not in theme, page
        else:
            assert 'id="__toc"' in theme, page
