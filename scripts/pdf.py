"""Print each policy and its quick card to PDF: `make pdf` (files go to pdf/).

Builds the site strictly, serves it on 127.0.0.1 and has chromium print two pages of every
policy with the guide's print styles: the policy itself and the one-page quick card. Each file
is named after the policy and its version, e.g. pdf/social-media-policy-1.0.pdf, and carries
a running header (title) and footer (version, page number), a bookmark outline and tags for
screen readers. `make publish` prints the same two files of each version it publishes, into
the version's folder (print_version), where its pages link to them.

    python scripts/pdf.py [--out DIR] [--site-dir BUILT_SITE]

--site-dir prints an already built site instead of building one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build import build  # noqa: E402
from chromium import BrowserMissing, find_chromium, launch, serve_folder  # noqa: E402
from policy_library.errors import SourceError  # noqa: E402
from policy_library.layout import PRINTED_PAGES, pdf_name  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.models import Policy  # noqa: E402

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "pdf", help="folder for the PDFs")
    parser.add_argument("--site-dir", type=Path, help="an already built site to print")
    args = parser.parse_args(argv)
    try:
        chromium = find_chromium()
        wanted = [printout for slug, policy in load_library(ROOT / "policy_source")
                  .policies.items() for printout in printouts(policy, f"{slug}/")]
    except BrowserMissing as missing:
        print(f"Cannot print PDFs: {missing}", file=sys.stderr)
        return 1
    except SourceError as error:
        print(f"Problem found in {error}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="pdf-site-") as scratch:
        site = args.site_dir
        if site is None:
            site = Path(scratch) / "site"
            if build(site, ROOT / "mkdocs.yml") != 0:
                print("No PDFs were printed, because the site did not build.", file=sys.stderr)
                return 1
        try:
            written = print_all(site.resolve(), args.out.resolve(), wanted, chromium)
        except PageMissing as missing:
            print(f"No PDFs were printed: {missing}", file=sys.stderr)
            return 1
    for path in written:
        print(f"Printed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
