"""Benchmark: what our pipeline costs over a plain Material build, from 20 to 200 policies.

For each library size N it:

1. copies the project and adds N policies with `make new-policy`'s scaffold (beside the
   real Social Media Policy), so the library is in our real source format;
2. times `mkdocs build` of it, our way: sources loaded and checked, macros, edit links and
   dates, glossary, review warnings (with and without checking every link with lychee);
3. captures the Markdown each page becomes after the macros have run, and times a plain
   Material build of exactly that Markdown: same theme and extensions, search only, no
   macros;
4. prints each time, the ratio, and the time per policy, which should stay flat as the
   library grows (linear growth).

    python scripts/bench.py [--sizes 20 50 100 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from folders import copy_project
from new_policy import scaffold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.links import broken_links  # noqa: E402

PLAIN_PLUGINS = "plugins:\n  - search:\n      lang: en\n\n"

#: Runs inside a build of the synthetic project: a plugin added after macros that writes
#: each page's final Markdown to the plain project's docs folder.
CAPTURE = '''
import logging
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

class Capture(BasePlugin):
    def on_page_markdown(self, markdown, page, config, files):
        target = Path(sys.argv[2]) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        return markdown

logging.basicConfig(level=logging.WARNING, format="%(message)s")
config = load_config(sys.argv[1], site_dir=sys.argv[3])
config.plugins["capture"] = Capture()
build(config)
'''


def make_library(folder: Path, size: int) -> Path:
    project = copy_project(ROOT, folder / "project")
    for number in range(1, size + 1):
        scaffold(project, f"policy-{number:03d}", f"Synthetic Policy {number}",
                 "Strategic Director of Corporate Resources", "Human Resources",
                 "Communication and conduct", dt.date.today())
    return project


def plain_project(project: Path, folder: Path) -> Path:
    """The same pages as plain Markdown (captured after macros) with a search-only config."""
    plain = folder / "plain"
    docs = plain / "docs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    captured = subprocess.run(
        [sys.executable, "-c", CAPTURE, str(project / "mkdocs.yml"), str(docs),
         str(folder / "captured-site")], cwd=project, env=env, capture_output=True, text=True)
    if captured.returncode != 0:
        sys.exit(f"The synthetic library did not build:\n{captured.stderr}")
    shutil.copytree(project / "docs" / "overrides", docs / "overrides")
    shutil.copytree(project / "docs" / "assets", docs / "assets")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^plugins:\n.*?^(?=watch:)", PLAIN_PLUGINS, config)
    config = re.sub(r"(?ms)^watch:\n(  - .*\n)+", "", config)
    config = re.sub(r"(?ms)^nav:\n.*", "", config)  # every captured page, in folder order
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain


def time_build(project: Path, repeat: int, check_links: bool) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for _ in range(repeat):
        site = Path(tempfile.mkdtemp(prefix="bench-site-"))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir",
                        str(site)], cwd=project, env=env, check=True, capture_output=True)
        if check_links and broken_links([site], site):
            sys.exit("The synthetic library has broken links.")
        times.append(time.perf_counter() - start)
        shutil.rmtree(site)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 50, 100, 200])
    parser.add_argument("--repeat", type=int, default=3, help="builds per figure (median)")
    args = parser.parse_args(argv)
    print(f"{'policies':>8} {'pages':>6} {'plain s':>8} {'ours s':>8} {'ratio':>6} "
          f"{'+links s':>9} {'ratio':>6} {'ms/policy (ours)':>17}")
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
            folder = Path(scratch)
            project = make_library(folder, size)
            plain = plain_project(project, folder)
            pages = sum(1 for _ in (plain / "docs").rglob("*.md"))
            plain_time = time_build(plain, args.repeat, check_links=False)
            ours = time_build(project, args.repeat, check_links=False)
            ours_links = time_build(project, args.repeat, check_links=True)
        policies = size + 1  # the scaffolded ones and the real Social Media Policy
        rows.append((policies, ours))
        print(f"{policies:>8} {pages:>6} {plain_time:>8.2f} {ours:>8.2f} "
              f"{ours / plain_time:>6.2f} {ours_links:>9.2f} {ours_links / plain_time:>6.2f} "
              f"{1000 * ours / policies:>17.1f}", flush=True)
    if len(rows) > 1:
        (small, small_time), (large, large_time) = rows[0], rows[-1]
        print(f"\nFrom {small} to {large} policies ({large / small:.1f} times as many), our "
              f"build took {large_time / small_time:.1f} times as long.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
