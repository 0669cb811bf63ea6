"""`make build`: the site built strictly into site/, all or nothing, every link checked.

The library is built by one process a core, each its share of the policies (each page's
menu holds only its own policy's pages, so the shares fit together as one site).
MkDocs writes pages as it goes, so a failed `mkdocs build` can leave half a site behind.
This builds into a new folder beside site/, indexes it for search while it checks that
every link and #anchor in it leads somewhere (tools/search.py and tools/linkcheck.py, one
core each), and only swaps it in when all of that succeeded; on any failure site/ is left
exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..tools.folders import replace_folder
from ..tools.linkcheck import LinkCheckError, broken_links
from ..tools.search import SearchIndexError
from . import mkdocs
from .layout import ALL
from .safety import build_search_index

#: Processes that build at once, each a share of the policies: one a core, at most four.
JOBS = min(os.cpu_count() or 1, 4)


def build_shares(project: Path, staging: Path, jobs: int) -> int:
    """Build the library in `jobs` processes at once, each its share of the policies (the
    first also the library's own pages), into `staging`; 0 if every share built."""
    shares = [staging] + [staging.with_name(f"{staging.name}-{number}")
                          for number in range(2, jobs + 1)]
    # Each share is indexed for search afterwards, beside the link check.
    running = [mkdocs.start(project, share, mkdocs.Part(
        ALL, share=f"{number}/{jobs}" if jobs > 1 else "", search_index=False))
        for number, share in enumerate(shares, start=1)]
    said = [process.communicate()[0] for process in running]
    failed = [number for number, process in enumerate(running) if process.returncode != 0]
    try:
        # One account of the build: the first share's, or the first failed share's (a
        # mistake in the library's settings stops every share with the same message).
        sys.stderr.write(said[failed[0] if failed else 0])
        if failed:
            return running[failed[0]].returncode
        for share in shares[1:]:
            merge_site(share, staging)
        return 0
    finally:
        for share in shares[1:]:
            shutil.rmtree(share, ignore_errors=True)


def merge_site(share: Path, site: Path) -> None:
    """Move a share's pages into the site. The files every share writes (the theme's, the
    404 page, the sitemap, which lists no pages without a site_url) are the first share's."""
    for path in sorted(share.rglob("*")):
        target = site / path.relative_to(share)
        if path.is_dir():
            target.mkdir(exist_ok=True)
        elif not target.exists():
            path.replace(target)


def build(project: Path, site_dir: Path, jobs: int = JOBS) -> int:
    """Build `project`'s library into `site_dir`, as `make build` does; 0 if all went
    well, else what went wrong is printed and `site_dir` is as it was."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        returncode = build_shares(project, staging, max(jobs, 1))
        if returncode != 0:
            print(f"\nThe build failed, so {site_dir.name}/ was not changed. "
                  "Fix the problem reported above and build again.", file=sys.stderr)
            return returncode
        # The link check and the search index each take one core: run them side by side.
        with ThreadPoolExecutor(max_workers=2) as pool:
            indexing = pool.submit(build_search_index, staging)
            checking = pool.submit(broken_links, [staging], staging)
        try:
            broken = checking.result()
            indexing.result()
        except (LinkCheckError, SearchIndexError) as error:
            print(error, file=sys.stderr)
            return 1
        if broken:
            print("\n".join(["These links lead nowhere:", *(f"  {b}" for b in broken),
                             f"The build failed, so {site_dir.name}/ was not changed. Correct "
                             "each link (the page is named first) and build again."]),
                  file=sys.stderr)
            return 1
        replace_folder(site_dir, staging)
        print(f"Built the site in {site_dir}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
