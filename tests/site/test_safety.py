"""The allow-list reads HTML as a browser does, so markup that a browser would act on cannot
slip past it by being odd. (The whole path, from a policy's source to a stopped build that
names the line, is tested in test_broken_builds.py.)"""

import pytest

from policy_library.safety import unsafe_parts

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
