"""How readable is each page? `make plain-english`.

Builds the site (or reads one already built, with --site-dir) and prints each page's
Flesch reading ease, its long sentences and, for a page below the limits in
policy_source/library.yml, its hardest sentences. Exits with status 1 if any page fails.

    python scripts/plain_english.py [--site-dir DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from build import build

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.errors import SourceError  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.plain_english import site_reports  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a site already built")
    args = parser.parse_args(argv)
    try:
        settings = load_library(ROOT / "policy_source").settings.plain_english
    except SourceError as error:
        print(f"Problem found in {error}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site_dir
        if site is None:
            site = Path(scratch) / "site"
            if build(site, ROOT / "mkdocs.yml") != 0:
                return 1
        reports = site_reports(site, settings)
    failing = [report for report in reports if report.problems]
    for report in reports:
        print(report.describe())
    print(f"\n{len(reports) - len(failing)} of {len(reports)} pages meet the plain English "
          "settings in policy_source/library.yml.")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
