"""Keyboard users reach everything: a skip link first, a focus ring they can see on every stop,
never hidden under the fixed header, and search and the menu from the keyboard at any width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.pages import LIGHT, PHONE

#: What the focused element looks like once any scrolling has settled: its ring (or its
#: label's, for the hidden palette switch), its size, and whether it is on the screen and not
#: covered by something else, such as the fixed header (found by asking what is drawn at its
#: centre).
FOCUSED = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const settled = Promise.all(document.getAnimations().map(animation => animation.finished));
  await Promise.race([settled, new Promise(done => setTimeout(done, 1000))]);
  const element = document.activeElement;
  const shown = element.matches('.md-option') ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  const onScreen = box.bottom > 0 && box.top < innerHeight
                   && box.right > 0 && box.left < innerWidth;
  const drawn = onScreen ? document.elementFromPoint(
    Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1),
    Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1)) : null;
  return {
    name: (element.getAttribute('aria-label') || element.textContent || element.tagName)
          .trim().slice(0, 40),
    ring: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    width: box.width, height: box.height, onScreen: onScreen,
    coveredBy: onScreen && !(drawn && (shown.contains(drawn) || drawn.contains(shown)))
               ? (drawn ? drawn.outerHTML.slice(0, 80) : 'nothing') : null,
  };
}"""


def focus_problems(stop: dict) -> list[str]:
    problems = []
    if stop["width"] < 1 or stop["height"] < 1:
        problems.append("is invisible, so focus seems to vanish")
    if stop["ring"] < 2:
        problems.append(f"has a focus ring {stop['ring']}px wide, under 2px")
    if not stop["onScreen"]:
        problems.append("is off the screen")
    if stop["coveredBy"]:
        problems.append(f"is covered by {stop['coveredBy']}")
    return problems


def tab_stops(page, presses: int, key: str = "Tab") -> list[dict]:
    stops = []
    for _ in range(presses):
        page.keyboard.press(key)
        stops.append(page.evaluate(FOCUSED))
    return stops


@pytest.mark.parametrize("viewing", [LIGHT, PHONE], ids=lambda v: v.name)
def test_the_first_tab_stop_skips_to_the_content(visit, viewing):
    page = visit("social-media/current/policy/", viewing).page
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["name"] == "Skip to content"
    assert not focus_problems(first)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


@pytest.mark.parametrize("viewing", [LIGHT, PHONE], ids=lambda v: v.name)
@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
def test_every_tab_stop_shows_where_focus_is(visit, viewing, key):
    """Forwards from the top and backwards from the bottom of the longest page."""
    page = visit("social-media/current/policy/", viewing).page
    if key == "Shift+Tab":  # start from the last link on the page, in the footer
        page.locator(".md-footer a").last.focus()
    problems = [f"stop {number} ({stop['name']!r}) {problem}"
                for number, stop in enumerate(tab_stops(page, 60, key), start=1)
                for problem in focus_problems(stop)]
    assert not problems, "\n".join(problems)


#: Whether the first search result is the same element as when last asked.
SAME_FIRST_RESULT = """() => {
  const first = document.querySelector('.md-search-result__link');
  const settled = Boolean(first) && first === window.__firstResult;
  window.__firstResult = first;
  return settled;
}"""


def open_first_result(page) -> str:
    """Arrow down to the first result and press Enter; the address of the page it opens."""
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("matched"),
                                                                  timeout=30_000)
    # Results are drawn again as each typed letter is searched; an arrow press that lands
    # while the list is being replaced loses focus, as it would for a fast typist. Settle
    # first: the same first result for a moment, then arrow down to it. (Polled from here:
    # the page's Content-Security-Policy refuses the string a wait_for_function would run.)
    settled = False
    while not settled:
        page.wait_for_timeout(300)
        settled = page.evaluate(SAME_FIRST_RESULT)
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search-result__link").first).to_be_focused(timeout=5000)
    target = page.evaluate("document.activeElement.href").split("?")[0]
    assert "/social-media/current/" in target
    page.keyboard.press("Enter")
    page.wait_for_url(target + "**", timeout=5000)
    return target


def test_search_is_reached_by_tab_on_a_desktop(visit):
    page = visit("social-media/current/").page
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            break
    else:
        pytest.fail("Ten presses of Tab never reached the search box")
    page.keyboard.type("grievance")
    assert open_first_result(page).split("#")[0].endswith("/social-media/current/quick-guide/")


def test_search_and_the_menu_open_from_the_keyboard_on_a_phone(visit):
    page = visit("social-media/current/", PHONE).page
    menu = page.get_by_role("button", name="Menu")
    menu.focus()
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    for _ in range(8):  # past the version menu, colour switch and search button
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
    else:
        pytest.fail("Tab never reached the open menu")

    page.reload()
    search = page.get_by_role("button", name="Search this guide")
    search.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("grievance")
    assert open_first_result(page).split("#")[0].endswith("/social-media/current/quick-guide/")
