"""Screenshots of the main pages at desktop and phone width, for a reviewer to look at.

Written to test-results/screenshots/ (or SCREENSHOT_DIR); CI keeps the folder with each run.
Each must show the page's own heading, so a blank or broken page cannot pass unnoticed.
"""

from __future__ import annotations

import pytest

from browser.pages import LIGHT, PHONE

PAGES = {"home": "", "policy": "social-media/current/policy/",
         "quick-guide": "social-media/current/quick-guide/"}


@pytest.mark.parametrize("viewing", [LIGHT, PHONE], ids=lambda v: v.name)
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(visit, screenshot_dir, name, viewing):
    page = visit(PAGES[name], viewing, wait="networkidle").page
    heading = page.locator("article h1")
    assert heading.is_visible() and heading.inner_text().strip()
    size = "desktop" if viewing is LIGHT else "phone"
    target = screenshot_dir / f"{name}-{size}.png"
    target.unlink(missing_ok=True)
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000  # a picture of a page, not an empty image
