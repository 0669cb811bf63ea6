"""The library-wide search index: Pagefind (the `pagefind-bin` package), a static index cut
into small pieces, so a search fetches only what it needs and no server is involved.

It indexes the parts of each page marked `data-pagefind-body` (overrides/main.html marks
every page but those left out of search), and writes the index and Pagefind's search
library to `pagefind/` at the top of the library, where every page's search box looks.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

from pagefind_bin import get_executable


FOLDER = "pagefind"
#: What the published library's search covers: its own pages and the version of each
#: policy in force today (earlier versions would answer with words that no longer apply),
#: and the drafts published for consultation, which answer only when a reader asks for
#: drafts (their pages carry the filter "draft": assets/javascripts/search.js).
PUBLISHED_PAGES = ("{index.html,*/index.html,owners/**/*.html,*/current/**/*.html,"
                   "*/consultation/**/*.html}")


class SearchIndexError(Exception):
    pass


def index_site(site: Path, glob: str | None = None) -> None:
    """Index the HTML under `site` (the pages matching `glob`, if given) into site/pagefind/."""
    command = [str(get_executable()), "--site", str(site), "--output-subdir", FOLDER,
               "--exclude-selectors", ".headerlink", "--silent"]
    if glob:
        command += ["--glob", glob]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(
            f"The search index could not be built: {(result.stderr or result.stdout).strip()}")


#: What Pagefind writes at the start of each piece of its index, once unzipped.
_SIGNATURE = b"pagefind_dcd"


def stored_pages(index: Path) -> list[dict]:
    """What the index holds of each page: its address, title, words and headings, as search
    results show them (Pagefind's fragment files)."""
    pages = []
    for piece in sorted((index / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(piece.read_bytes())
        pages.append(json.loads(data.removeprefix(_SIGNATURE)))
    return pages
