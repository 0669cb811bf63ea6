"""Build the site strictly into site/, all or nothing, and check every link in it.

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


def build(site_dir: Path, config_file: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
             "--config-file", str(config_file), "--site-dir", str(staging)],
            cwd=config_file.parent,
            env={**os.environ, "GUIDE_SEARCH_INDEX": "false"},  # indexed below, meanwhile
        )
        if result.returncode != 0:
            print(f"\nThe build failed, so {site_dir.name}/ was not changed. "
                  "Fix the problem reported above and build again.", file=sys.stderr)
            return result.returncode
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
    args = parser.parse_args()
    return build(args.site_dir, args.config_file.resolve())


if __name__ == "__main__":
    sys.exit(main())
