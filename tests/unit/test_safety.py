"""The allow-list reads HTML as a browser does, so markup that a browser would act on cannot
slip past it by being odd; and it reads whole pages as written, head to foot, so nothing
can reach a reader by a road the check does not look down. (The whole path, from a
policy's source to a stopped build that names the line, is tested in test_broken_builds.py
and test_owner_text.py.)"""

import gzip
import json

import pytest

from policy_guide.site.mends import CONTENT_START, mend
from policy_guide.site.safety import (CONTENT_SECURITY_POLICY, Page, browser_address,
                                      check_search_index, unsafe_feed, unsafe_parts,
                                      unsafe_search_text)
from policy_guide.tools.search import SearchIndexError

#: Written in a source, each of these does something in a browser: (HTML, what is named).
ACTED_ON = {
    # A browser gives the page's own <body> the attributes of a stray <body> tag.
    "a stray body tag's handler": ('<p>Text</p><body onload="steal()">', "'onload'"),
    # A browser drops tabs and line breaks from an address before reading its scheme.
    "a scheme split by a tab": ('<a href="java&#x09;script:steal()">x</a>', "'javascript:'"),
    "a scheme in capitals": ('<a href=" JavaScript:steal()">x</a>', "'JavaScript:'"),
    # Inside an SVG drawing, <script> is still a script.
    "a script inside a drawing": ('<svg><script>steal()</script></svg>', "<script>"),
    # A browser reads a <title> in the page body as the document's title.
    "a title element": ("<title>Not the policy</title>", "<title>"),
    "an image from another website": ('<img src="//tracker.example/p.png" alt="">',
                                      "another website"),
}


@pytest.mark.parametrize("name", ACTED_ON)
def test_markup_a_browser_acts_on_is_found(name):
    html, named = ACTED_ON[name]
    found = unsafe_parts(html)
    assert found, f"{name} got through"
    assert named in found[0].what


def test_the_line_of_a_hidden_scheme_can_still_be_found():
    (finding,) = unsafe_parts('<a href="java&#x09;script:steal()">x</a>')
    assert finding.needle in 'see <a href="java&#x09;script:steal()">'


def test_what_the_site_itself_writes_gets_through():
    html = ('<h2 id="scope">Scope</h2><p>See <a href="../glossary/#eia" title="x">the '
            'glossary</a>.</p><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M0 0"/>'
            '</svg><script type="application/json" id="data">{"a": 1}</script>'
            '<details open><summary>More</summary><p>Text</p></details>')
    assert unsafe_parts(html) == []


# -- addresses, read as a browser reads them ------------------------------------------------

#: Addresses a browser reads otherwise than they look: (address, what is named).
ADDRESSES = {
    # The URL standard strips C0 control characters and spaces from both ends.
    "a control character before the scheme": ("\x01javascript:steal()", "'javascript:'"),
    "a form feed before the scheme": ("\x0cjavascript:steal()", "'javascript:'"),
    "a line break inside the scheme": ("java\nscript:steal()", "'javascript:'"),
    "a page carried in the address": ("data:text/html;base64,PHNjcmlwdD4=", "'data:'"),
}


@pytest.mark.parametrize("name", ADDRESSES)
def test_a_link_is_judged_by_the_address_a_browser_would_follow(name):
    address, named = ADDRESSES[name]
    html = f'<a href="{address}">Read more</a>'
    found = unsafe_parts(html)
    assert found and named in found[0].what, name


@pytest.mark.parametrize("source", [
    "\\\\fileserver\\share\\logo.png",  # a Windows share: a browser asks //fileserver/
    "/\\tracker.example/p.png",  # a browser reads \ as /: //tracker.example/
    "https://tracker.example/p.png",
    "data:image/png;base64,iVBORw0KGgo=",
])
def test_an_image_from_anywhere_but_the_guide_is_refused(source):
    found = unsafe_parts(f'<img src="{source}" alt="Logo">')
    assert found, source


def test_an_address_is_read_as_a_browser_reads_it():
    assert browser_address(" \x00\tjava\nscript:x() \x1f") == "javascript:x()"
    assert browser_address("\\\\host\\share") == "//host/share"


def test_links_to_other_websites_stay_links():
    html = ('<a href="https://www.acas.org.uk/">Acas</a> <a href="mailto:hr@example.org">'
            "email</a> <img src=\"../assets/logo.png\" alt=\"Logo\">")
    assert unsafe_parts(html) == []


# -- forms and fields -------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    '<form><label for="pw">Password</label><input type="password" id="pw"></form>',
    '<input type="text" name="username">',
    '<textarea name="details"></textarea>',
    '<select><option>Yes</option></select>',
    # A guide control's id with another kind of field is not the guide's control.
    '<input type="password" id="__search">',
    '<form id="on-a-date" action="https://collector.example/">',
    '<input type="date" id="on-a-date-day">',  # the date box's fields are text boxes
])
def test_a_form_field_that_is_not_the_guides_own_is_refused(html):
    assert unsafe_parts(html), html


def test_the_guides_own_controls_get_through():
    html = ('<input class="md-toggle" type="checkbox" id="__drawer">'
            '<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2_1">'
            '<input type="text" name="query" id="library-search-query" autocomplete="off">'
            '<form class="on-a-date" id="on-a-date" hidden><fieldset><legend>Date</legend>'
            '<input type="text" id="on-a-date-day" name="day" inputmode="numeric" maxlength="2" '
            'pattern="[0-9]*" required><input type="text" id="on-a-date-month" name="month">'
            '<input type="text" id="on-a-date-year" name="year"></fieldset>'
            '<button type="submit">Show</button></form>')
    assert unsafe_parts(html) == []


def test_an_id_used_twice_is_refused_so_nothing_can_stand_in_for_a_control():
    found = unsafe_parts('<input type="text" id="on-a-date-day">'
                         '<input type="text" id="on-a-date-day">')
    assert [finding.what for finding in found] == [
        "the id 'on-a-date-day' 2 times on one page, where each part of a page needs its own "
        "(a copy could stand in for one of the guide's own controls or data)"]


# -- characters that change what a reader sees -------------------------------------------

@pytest.mark.parametrize("html", [
    "<p>Do not post \u202eabout colleagues.</p>",  # right-to-left override
    "<p>Do not post &#x2067;about colleagues.</p>",  # right-to-left isolate, as an entity
    '<p><abbr title="Human\u202dResources">HR</abbr></p>',  # in an attribute
])
def test_a_character_that_reorders_text_is_refused(html):
    (finding,) = unsafe_parts(html)
    assert "different order" in finding.what


def test_an_invisible_character_in_an_anchor_is_refused():
    (finding,) = unsafe_parts('<h2 id="personal\u200buse">Personal use</h2>')
    assert "U+200B ZERO WIDTH SPACE" in finding.what


# -- whole pages, as written ------------------------------------------------------------------

SCRIPTS = frozenset({"assets/javascripts/bundle.js", "assets/javascripts/search.js"})


def whole_page(head: str = "", body: str = "", policy: str = CONTENT_SECURITY_POLICY) -> str:
    return (f'<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" '
            f'content="{policy}"><meta charset="utf-8"><title>Policy - Guide</title>{head}'
            f'</head><body>{body}<script src="../../assets/javascripts/bundle.js"></script>'
            "</body></html>")


PAGE = Page("social-media/faqs/", SCRIPTS)


def test_a_page_as_the_theme_writes_it_gets_through():
    head = ('<meta name="viewport" content="width=device-width"><link rel="stylesheet" '
            'href="../../assets/stylesheets/main.css"><link rel="alternate" '
            'type="application/atom+xml" href="../../feed.xml">')
    body = ('<header data-md-component="header"><a href="../../">Home</a></header><main>'
            '<p>Text</p></main><script src="../../assets/javascripts/search.js"></script>')
    assert unsafe_parts(whole_page(head, body), PAGE) == []


@pytest.mark.parametrize("head, body, named", [
    ("", "<script>steal()</script>", "runs code"),
    ("<script>steal()</script>", "", "runs code"),
    ("", '<script src="../../assets/uploads/steal.js"></script>', "not one of the scripts"),
    ("", '<script src="https://cdn.example/x.js"></script>', "not one of the scripts"),
    ("", '<script src="../../assets/javascripts/bundle.js"></script>', "loaded twice"),
    ('<link rel="preconnect" href="https://fonts.example">', "", "<link rel"),
    ('<link rel="stylesheet" href="https://fonts.example/css">', "", "another website"),
    ('<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">', "",
     "another website"),
    ('<base href="https://elsewhere.example/">', "", "<base>"),
    ("", '<div data-md-component="source"><a href="https://github.com/x/y">x</a></div>',
     "data-md-component"),
    ("", "<p>Text</p><title>Another title</title>", "<title>"),
    ("", '<style>p { background: url("https://tracker.example/p.png") }</style>', "<style>"),
])
def test_anything_in_a_whole_page_that_is_not_the_guides_is_refused(head, body, named):
    found = unsafe_parts(whole_page(head, body), PAGE)
    assert any(named in finding.what for finding in found), found


def test_a_page_without_the_guides_content_security_policy_is_refused():
    found = unsafe_parts(whole_page(policy="default-src *"), PAGE)
    assert any("Content-Security-Policy" in finding.what for finding in found)


def test_a_page_served_at_any_address_may_load_the_guides_scripts_from_the_top():
    html = whole_page().replace('src="../../assets/', 'src="/assets/')
    assert unsafe_parts(html, Page("", SCRIPTS, from_top=True)) == []
    assert unsafe_parts(html, Page("social-media/faqs/", SCRIPTS))


# -- the theme's mends ------------------------------------------------------------------------

def test_the_theme_mends_never_change_a_pages_content():
    """The mends correct Material's own markup; the same markup written in a page's content
    (where nothing but the safety check should judge it) stays as it was written."""
    targets = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" '
               'id="__drawer" autocomplete="off">'
               '<label class="md-nav__link" for="x" tabindex="">x</label>'
               '<!-- <label class="md-nav__title" for="__toc">x</label> -->')
    page = f'<html><body><nav>menu</nav>{CONTENT_START}<article>{targets}</article></div>'
    assert mend(page) == page


# -- what else the build writes: feeds and the search index -----------------------------------

def feed(entry: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>New versions</title><entry>{entry}</entry></feed>").encode()


def test_a_feed_of_plain_text_and_relative_links_gets_through():
    assert unsafe_feed(feed('<title>Social Media Policy, version 1.1</title><link '
                            'rel="alternate" href="social-media/1.1/"/><summary>Approved '
                            "&lt;b&gt;by&lt;/b&gt; Personnel Committee.</summary>")) == []


@pytest.mark.parametrize("entry, named", [
    ('<summary type="html">&lt;img src=x onerror=steal()&gt;</summary>', "as markup"),
    ('<link rel="enclosure" href="https://tracker.example/p.png"/>', "another website"),
    ('<link rel="alternate" href="javascript:steal()"/>', "'javascript:'"),
    ("<title>Social Media \u202ePolicy</title>", "different order"),
])
def test_a_feed_that_a_reader_would_act_on_is_refused(entry, named):
    found = unsafe_feed(feed(entry))
    assert found and named in found[0].what


def test_search_results_lead_only_into_the_library_and_keep_text_in_order():
    assert unsafe_search_text("/social-media/faqs/", ["Can I post?"]) == []
    assert unsafe_search_text("javascript:steal()", [])
    assert unsafe_search_text("/social-media/faqs/", ["Do not \u2066post\u2069"])


def test_the_stored_search_index_is_checked_as_pages_are(tmp_path):
    """What Pagefind stores of each page is what results show: a stored page that could
    not be shown is refused, whatever the page said."""
    fragments = tmp_path / "pagefind" / "fragment"
    fragments.mkdir(parents=True)
    stored = {"url": "/social-media/faqs/", "content": "Do not \u202epost.",
              "meta": {"title": "Questions"}, "anchors": []}
    (fragments / "en_1.pf_fragment").write_bytes(
        gzip.compress(b"pagefind_dcd" + json.dumps(stored).encode()))
    with pytest.raises(SearchIndexError, match="different order"):
        check_search_index(tmp_path)
