"""Each policy and its quick card printed to PDF (`make pdf`, and `make publish` for each
version it publishes).

A built site is served on 127.0.0.1 and chromium prints two pages of every policy with the
guide's print styles: the policy itself and the one-page quick card. Each file is named
after the policy and its version, e.g. social-media-policy-1.0.pdf, and carries a running
header (title) and footer (version, page number), a bookmark outline and tags for screen
readers. `make publish` prints the two files of each version it publishes into the
version's folder (print_version), where its pages link to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..domain.models import Policy
from ..site.layout import PRINTED_PAGES, pdf_name
from ..tools.browser import launch, serve_folder

#: Each printed page's running title, where {title} is the policy's title.
RUNNING_TITLES = {"policy": "{title}", "quick-card": "{title}: quick card"}

#: Chromium fills these header and footer templates; they need their own font size.
HEADER = ('<div style="font-size:8pt; width:100%; margin:0 15mm; color:#444;">'
          '{title}</div>')
FOOTER = ('<div style="font-size:8pt; width:100%; margin:0 15mm; color:#444; display:flex;'
          ' justify-content:space-between;"><span>{note}</span>'
          '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span>'
          '</span></div>')


class PageMissing(RuntimeError):
    """A page to print is not in the built site."""


@dataclass(frozen=True)
class Printout:
    url_path: str  # e.g. social-media/policy/
    file_name: str  # e.g. social-media-policy-1.0.pdf
    title: str
    note: str
    document_title: str  # the PDF's own title, shown by readers and screen readers


def printouts(policy: Policy, folder: str) -> list[Printout]:
    """The PDFs of one policy, whose pages are in `folder` of the site ('' or 'slug/')."""
    meta = policy.meta
    note = (f"{meta.title}, version {meta.version}. Printed copies are not updated: "
            "check the policy guide for the current version.")
    found = []
    for page, name in PRINTED_PAGES:
        title = RUNNING_TITLES[name].format(title=meta.title)
        found.append(Printout(f"{folder}{page}", pdf_name(policy.slug, name, meta.version),
                              title, note, f"{title} (version {meta.version})"))
    return found


def print_version(site: Path, policy: Policy, chromium: str) -> list[Path]:
    """Print one policy's version, built on its own into `site` (as publishing builds it),
    into that folder, where its pages link to the files."""
    return print_all(site, site, printouts(policy, ""), chromium)


def print_all(site: Path, out: Path, wanted: list[Printout], chromium: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_folder(site) as address, sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        page = browser.new_page()
        for printout in wanted:
            response = page.goto(address + printout.url_path, wait_until="networkidle")
            if response is None or not response.ok:
                raise PageMissing(f"The page {printout.url_path} is missing from {site}: "
                                  "build the site again, or check --site-dir.")
            page.emulate_media(media="print")
            page.evaluate("title => { document.title = title; }", printout.document_title)
            target = out / printout.file_name
            page.pdf(path=str(target), format="A4", print_background=True,
                     margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"},
                     display_header_footer=True,
                     header_template=HEADER.format(title=escape(printout.title)),
                     footer_template=FOOTER.format(note=escape(printout.note)),
                     outline=True, tagged=True)
            written.append(target)
        browser.close()
    return written
