"""Benchmark: what our build costs at 20 to 200 policies, against plain Material.

For each library size N it:

1. copies the project and adds copies of the real Social Media Policy as more policies, so
   every page is as long as a real policy's (not a short draft);
2. times `make build` (`policy-guide build`): the whole library strictly built (our
   hook, macros, checks, edit links, dates, glossary) and every link and #anchor checked;
3. captures the Markdown each page becomes after the macros, with the same menu, and times a
   plain Material build of exactly that (same theme, overrides and extensions, no macros,
   not the library's hook, no link check);
4. times the link check alone, one policy's build (the preview `make serve POLICY=…` makes
   after a change), measures the largest policy page, and in headless chromium the bytes a
   first search fetches and the time from the last key to the results.

It ends with one line for the largest size:

    bench: policies=N build_s=… plain_s=… ratio=… growth=… linkcheck_s=… page_kb=…
           search_kb=… preview_s=…

and one comparing the two places staff words (policy_source/staff-words.yml) could live,
at that size: in the query, as shipped (search.js looks for a staff word's meaning too,
from staff-words.json), or in the index (each paragraph holding a meaning carries its staff
words as extra text, indexed again, with no expansion in the browser). For each: the size of
the whole search index, and the bytes and seconds of a first search for a staff word:

    bench: staff_words query_index_kb=… query_search_kb=… query_s=…
           index_index_kb=… index_search_kb=… index_s=…

Then, so that no step's time grows faster than what it reads, it times `make build` of the
real library with the Social Media Policy's questions and answers repeated to a large
faqs.md (256, 512 and 1024 KB by default; 1024 KB is the largest a source file may be),
and ends with one more line:

    bench: faq_kb=1024 faq_build_s=… faq_growth=…   (faq_growth: time at the largest size
                                                      over time at half of it; 2 is linear)

    policy-guide bench [--sizes 20 --sizes 200] [--repeat 1] [--faq-kb 256 --faq-kb 512 ...]
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .site import mkdocs
from .tools.folders import copy_project
from .tools.linkcheck import broken_links

MODEL = "social-media"  # the real policy every synthetic one copies
#: Material's own search, and the one hook the theme overrides need to render.
PLAIN_PLUGINS = ("plugins:\n  - search:\n      lang: en\n\n"
                 "hooks:\n  - policy_guide/site/templates.py\n\n")

#: Runs inside a build of the synthetic project: a plugin added after the others writes each
#: page's final Markdown, with the front matter that matters to the theme, and the menu.
CAPTURE = '''
import json
import logging
import sys
from pathlib import Path
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

KEPT = ("hide", "search", "policy_slug", "policy_title", "policy_review", "revision_date",
        "library_home")

class Capture(BasePlugin):
    def on_page_markdown(self, markdown, page, config, files):
        target = Path(sys.argv[2]) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        meta = {key: page.meta[key] for key in KEPT if key in page.meta}
        front = f"---\\n{yaml.safe_dump(meta)}---\\n\\n" if meta else ""
        target.write_text(front + markdown, encoding="utf-8")
        return markdown

    def on_post_build(self, config):
        Path(sys.argv[4]).write_text(json.dumps(config.nav), encoding="utf-8")

logging.basicConfig(level=logging.ERROR, format="%(message)s")
config = load_config(sys.argv[1], site_dir=sys.argv[3])
config.plugins["capture"] = Capture()
build(config)
'''


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_PART": "all"}


def make_library(source: Path, folder: Path, size: int) -> Path:
    """A copy of the project at `source` with `size` policies: the real one and copies of it
    under new names."""
    project = copy_project(source, folder / "project")
    source = project / "policy_source"
    for number in range(1, size):
        slug = f"policy-{number:03d}"
        shutil.copytree(source / MODEL, source / slug)
        policy = source / slug / "policy.md"
        text = policy.read_text(encoding="utf-8")
        policy.write_text(text.replace("title: Social Media Policy",
                                       f"title: Synthetic Policy {number}", 1), encoding="utf-8")
    return project


def plain_project(project: Path, folder: Path) -> Path:
    """The same pages as plain Markdown (captured after macros) with the same menu, built by
    Material alone: search plugin only, no macros, none of the library's hook (only the
    templates' own, hooks/templates.py)."""
    plain = folder / "plain"
    docs = plain / "docs"
    nav_file = folder / "nav.json"
    captured = subprocess.run(
        [sys.executable, "-c", CAPTURE, str(project / "mkdocs.yml"), str(docs),
         str(folder / "captured-site"), str(nav_file)],
        cwd=project, env=env(), capture_output=True, text=True)
    if captured.returncode != 0:
        sys.exit(f"The synthetic library did not build:\n{captured.stderr}")
    shutil.copytree(project / "docs" / "overrides", docs / "overrides")
    shutil.copytree(project / "docs" / "assets", docs / "assets")
    # mkdocs.yml's Markdown extensions and the templates' hook are the package's.
    shutil.copytree(project / "policy_guide", plain / "policy_guide",
                    ignore=shutil.ignore_patterns("__pycache__"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^plugins:\n.*?^(?=watch:)", PLAIN_PLUGINS, config)
    # Only the watch list and the menu go (each an indented block): everything else, the
    # Markdown extensions and link validation above all, stays as the site has it.
    config = re.sub(r"(?m)^watch:\n(?:[ \t].*\n|\n)*", "", config)
    config = re.sub(r"(?m)^nav:\n(?:[ \t].*\n|\n)*", "", config)
    config += "nav: " + nav_file.read_text(encoding="utf-8") + "\n"
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain


def timed(command: list[str], cwd: Path, extra_env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**env(), **(extra_env or {})},
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def median(repeat: int, measure) -> float:
    return statistics.median(measure() for _ in range(repeat))


@dataclass
class StaffWordsFigures:
    """The search index's size and a first search for a staff word, with the staff words in
    the query (as shipped) and in the index."""

    query_index_kb: float
    query_search_kb: float
    query_s: float
    index_index_kb: float
    index_search_kb: float
    index_s: float


@dataclass
class Figures:
    policies: int
    build_s: float
    plain_s: float
    linkcheck_s: float
    page_kb: float
    search_kb: float
    search_s: float
    preview_s: float
    staff_words: StaffWordsFigures

    @property
    def ratio(self) -> float:
        return self.build_s / self.plain_s


def largest_policy_page_kb(site: Path) -> float:
    pages = [path for path in site.glob("*/**/index.html")
             if path.relative_to(site).parts[0].startswith(("policy-", MODEL))]
    return max(path.stat().st_size for path in pages) / 1024


#: What a reader types: words from a clause every policy of the synthetic library has.
QUERY = "friend request"


#: A staff word the policies do not use: staff-words.yml says it means a direct message.
STAFF_QUERY = "DM"


def first_search(site: Path, query: str = QUERY) -> tuple[float, float]:
    """In headless chromium, on a policy page: the kilobytes a first search fetches (the
    search library, its index pieces and the results' excerpts), and the seconds from the
    last key to the results on screen."""
    from playwright.sync_api import sync_playwright

    from .tools.browser import find_chromium, launch, serve_folder

    fetched: list[int] = []
    with serve_folder(site) as url, sync_playwright() as playwright:
        browser = launch(playwright, find_chromium())
        page = browser.new_page()
        page.goto(f"{url}{MODEL}/policy/", wait_until="networkidle")
        page.on("response", lambda response: fetched.append(len(response.body())))
        page.locator(".md-search__input").click()
        # Waited for by locator, as soon as the page changes: the page's Content-Security-
        # Policy refuses the string a wait_for_function would run.
        meta = ".md-search-result__meta"
        page.locator(meta, has_text=re.compile("^Type")).wait_for()
        page.keyboard.type(query[:-1])
        start = time.perf_counter()
        page.keyboard.type(query[-1])
        page.locator(meta, has_text=re.compile("matched")).wait_for()
        seconds = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        browser.close()
    return sum(fetched) / 1024, seconds


def folder_kb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1024


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def staff_words_in_the_index(site: Path, copy: Path) -> None:
    """A copy of `site` with the staff words in the index instead of the query: each
    paragraph holding a staff word's meaning gets the staff words as extra text (as a build
    would have to write them into the pages), the search index is made again, and the
    browser is given no staff words to look for."""
    from .site.layout import STAFF_WORDS_FILE
    from .tools.search import FOLDER, index_site

    shutil.copytree(site, copy)
    meanings: dict[str, list[str]] = {}
    listed = json.loads((copy / STAFF_WORDS_FILE).read_text(encoding="utf-8"))
    for staff, means in listed.items():
        for meaning in means:
            meanings.setdefault(meaning, []).append(staff)

    def with_terms(match: re.Match) -> str:
        text = re.sub(r"<[^>]+>", " ", match.group(1)).lower()
        extra = [word for meaning, staff in meanings.items() if meaning in text
                 for word in staff]
        return (f"<p>{match.group(1)}<span class=\"staff-words\"> {' '.join(extra)}</span></p>"
                if extra else match.group(0))

    for page in copy.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(_PARAGRAPH.sub(with_terms, html), encoding="utf-8")
    (copy / STAFF_WORDS_FILE).write_text("{}", encoding="utf-8")
    shutil.rmtree(copy / FOLDER)
    index_site(copy)


def staff_words_both_ways(site: Path, folder: Path) -> StaffWordsFigures:
    from .tools.search import FOLDER

    query_kb, query_s = first_search(site, STAFF_QUERY)
    copy = folder / "staff-words-in-index"
    staff_words_in_the_index(site, copy)
    index_kb, index_s = first_search(copy, STAFF_QUERY)
    return StaffWordsFigures(folder_kb(site / FOLDER), query_kb, query_s,
                             folder_kb(copy / FOLDER), index_kb, index_s)


def build_command(site: Path) -> list[str]:
    """`make build` of the project in the current folder, into `site`."""
    return [sys.executable, "-m", "policy_guide", "build", "--site-dir", str(site)]


def measure(source: Path, size: int, repeat: int) -> Figures:
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        folder = Path(scratch)
        project = make_library(source, folder, size)
        plain = plain_project(project, folder)
        site = folder / "site"
        build_s = median(repeat, lambda: timed(build_command(site), project))
        plain_s = median(repeat, lambda: timed(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir",
             str(folder / "plain-site")], plain))

        def linkcheck() -> float:
            start = time.perf_counter()
            assert broken_links([site], site) == []
            return time.perf_counter() - start

        linkcheck_s = median(repeat, linkcheck)
        preview_s = median(repeat, lambda: one_line_change_rebuild(project, folder))
        search_kb, search_s = first_search(site)
        return Figures(size, build_s, plain_s, linkcheck_s, largest_policy_page_kb(site),
                       search_kb, search_s, preview_s, staff_words_both_ways(site, folder))


def long_questions_page(project: Path, kilobytes: int) -> None:
    """The model policy's faqs.md grown to `kilobytes` with copies of its own questions and
    answers (each copy's anchors made its own), as a long, real-looking page."""
    faqs = project / "policy_source" / MODEL / "faqs.md"
    text = faqs.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    size, copies, number = len(text.encode()), [], 1
    while True:
        copy = re.sub(r"\{#([a-z0-9-]+)\}", rf"{{#\1-{number}}}", body)
        if size + len(copy.encode()) > kilobytes * 1024:
            break
        copies.append(copy)
        size += len(copy.encode())
        number += 1
    faqs.write_text(text + "".join(copies), encoding="utf-8")


def faq_build(source: Path, kilobytes: int, repeat: int) -> float:
    """`make build` of the real library with a questions page of `kilobytes`."""
    with tempfile.TemporaryDirectory(prefix="bench-faq-") as scratch:
        project = copy_project(source, Path(scratch) / "project")
        long_questions_page(project, kilobytes)
        site = Path(scratch) / "site"
        return median(repeat, lambda: timed(build_command(site), project))


def one_line_change_rebuild(project: Path, folder: Path) -> float:
    """Change one line of one policy, then build that policy alone, as `make serve
    POLICY=…` does after a save."""
    faqs = project / "policy_source" / MODEL / "faqs.md"
    faqs.write_text(faqs.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    return timed(mkdocs.command(project, folder / "preview", strict=False, quiet=True),
                 project, mkdocs.Part(MODEL).environment())


def run_benchmark(source: Path, sizes: list[int], repeat: int, faq_kb: list[int]) -> None:
    """Measure the project at `source` at each size, and with each long questions page,
    printing a row each and the two summary lines."""
    print(f"{'policies':>8} {'build s':>8} {'plain s':>8} {'ratio':>6} {'links s':>8} "
          f"{'page KB':>8} {'search KB':>10} {'results s':>10} {'preview s':>10}")
    rows = []
    for size in sizes:
        row = measure(source, size, repeat)
        rows.append(row)
        print(f"{row.policies:>8} {row.build_s:>8.2f} {row.plain_s:>8.2f} {row.ratio:>6.2f} "
              f"{row.linkcheck_s:>8.2f} {row.page_kb:>8.1f} {row.search_kb:>10.1f} "
              f"{row.search_s:>10.2f} {row.preview_s:>10.2f}", flush=True)
    last = rows[-1]
    growth = last.build_s / rows[0].build_s
    print(f"bench: policies={last.policies} build_s={last.build_s:.2f} "
          f"plain_s={last.plain_s:.2f} ratio={last.ratio:.2f} growth={growth:.2f} "
          f"linkcheck_s={last.linkcheck_s:.2f} page_kb={last.page_kb:.1f} "
          f"search_kb={last.search_kb:.1f} preview_s={last.preview_s:.2f}")
    words = last.staff_words
    print(f"bench: staff_words query_index_kb={words.query_index_kb:.1f} "
          f"query_search_kb={words.query_search_kb:.1f} query_s={words.query_s:.2f} "
          f"index_index_kb={words.index_index_kb:.1f} "
          f"index_search_kb={words.index_search_kb:.1f} index_s={words.index_s:.2f}")
    print(f"\n{'faqs.md KB':>10} {'build s':>8}")
    timings = {}
    for kilobytes in sorted(faq_kb):
        timings[kilobytes] = faq_build(source, kilobytes, repeat)
        print(f"{kilobytes:>10} {timings[kilobytes]:>8.2f}", flush=True)
    largest = max(timings)
    half = timings.get(largest // 2)
    growth_text = f" faq_growth={timings[largest] / half:.2f}" if half else ""
    print(f"bench: faq_kb={largest} faq_build_s={timings[largest]:.2f}{growth_text}")
