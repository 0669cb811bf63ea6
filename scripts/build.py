"""Build the site strictly into site/, all or nothing, and check every link in it.

MkDocs writes pages as it goes, so a failed `mkdocs build` can leave half a site behind.
This builds into a new folder beside site/ and only swaps it in when the build succeeded and
every link and #anchor in it leads somewhere (policy_library/links.py); on any failure
site/ is left exactly as it was.

    python scripts/build.py [--site-dir DIR] [--config-file mkdocs.yml]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from folders import replace_folder

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.links import LinkCheckError, broken_links  # noqa: E402


def build(site_dir: Path, config_file: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
             "--config-file", str(config_file), "--site-dir", str(staging)],
            cwd=config_file.parent,
        )
        if result.returncode != 0:
            print(f"\nThe build failed, so {site_dir.name}/ was not changed. "
                  "Fix the problem reported above and build again.", file=sys.stderr)
            return result.returncode
        try:
            broken = broken_links([staging], staging)
        except LinkCheckError as error:
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
