"""Build the site strictly into site/, all or nothing, and check every link in it.

The library is built by one process a core, each its share of the policies (each page's
menu holds only its own policy's pages, so the shares fit together as one site).
MkDocs writes pages as it goes, so a failed `mkdocs build` can leave half a site behind.
This builds into a new folder beside site/, indexes it for search while it checks that
every link and #anchor in it leads somewhere (policy_library/search.py and links.py, one
core each), and only swaps it in when all of that succeeded; on any failure site/ is left
exactly as it was.

    python scripts/build.py [--site-dir DIR] [--config-file mkdocs.yml]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from folders import replace_folder

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.links import LinkCheckError, broken_links  # noqa: E402
from policy_library.search import SearchIndexError, index_site  # noqa: E402


def build_shares(staging: Path, config_file: Path, jobs: int) -> int:
    """Build the library in `jobs` processes at once, each its share of the policies (the
    first also the library's own pages), into `staging`; 0 if every share built."""
    shares = [staging] + [staging.with_name(f"{staging.name}-{number}")
                          for number in range(2, jobs + 1)]
    env = {**os.environ, "GUIDE_SEARCH_INDEX": "false"}  # indexed afterwards, beside the check
    running = [subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file",
         str(config_file), "--site-dir", str(share)], cwd=config_file.parent,
        env={**env, "GUIDE_SHARE": f"{number}/{jobs}"} if jobs > 1 else env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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


def build(site_dir: Path, config_file: Path, jobs: int) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        returncode = build_shares(staging, config_file, jobs)
        if returncode != 0:
            print(f"\nThe build failed, so {site_dir.name}/ was not changed. "
                  "Fix the problem reported above and build again.", file=sys.stderr)
            return returncode
        # The link check and the search index each take one core: run them side by side.
        with ThreadPoolExecutor(max_workers=2) as pool:
            indexing = pool.submit(index_site, staging)
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 4),
                        help="processes that build at once, each a share of the policies")
    args = parser.parse_args()
    return build(args.site_dir, args.config_file.resolve(), max(args.jobs, 1))


if __name__ == "__main__":
    sys.exit(main())
