"""`make export DIR=...`: the published library as a plain folder for any web server.

Copies the gh-pages branch (as `make publish` left it) into DIR: the library home at the
top, each policy's versions at <policy>/<version>/ and the one in force at <policy>/current/
(real folders, never symbolic links, which some servers refuse), and a 404 page for
addresses that do not exist. DIR is replaced only when the export is complete.

`base` is the address path the folder will be served from (default /). The 404 page needs it
because a web server shows that page at whatever address was asked for.
"""

from __future__ import annotations

import html
import json
import shutil
import tempfile
from pathlib import Path

from ..domain.published import PublishedLibrary
from ..site import mkdocs
from ..site.layout import LIBRARY_FILE
from ..site.safety import STANDALONE_CONTENT_SECURITY_POLICY, Page, unsafe_parts
from ..tools import git
from ..tools.faults import fault
from ..tools.folders import replace_folder

NOT_FOUND = """<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page not found - {site_name}</title>
<style>
  body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem;
         padding: 0 1rem; line-height: 1.5; color: #1b1b1b; background: #fff; }}
  a {{ color: #1a3a8f; text-decoration: underline; }}
  a:focus {{ outline: 3px solid #1a3a8f; outline-offset: 2px; }}
</style>
</head>
<body>
<main>
<h1>Page not found</h1>
<p>There is no page at this address. It may have been mistyped, or it may belong to a
version of a policy that was never published here.</p>
<p><a href="{base}">Go to the policy library</a>, which lists every policy. Each policy's
pages have a version menu that opens any of its published versions.</p>
</main>
</body>
</html>
"""


class ExportError(Exception):
    pass


def served_from(base: str) -> str:
    """An address path as the export writes it: '/policies/' for 'policies' or '/policies'."""
    return "/" + base.strip("/") + "/" if base.strip("/") else "/"


def export(project: Path, target: Path, base: str, branch: str) -> list[str]:
    """Write `project`'s published `branch` into `target`, to be served at `base`; the
    version folders exported."""
    if git.resolve(project, f"refs/heads/{branch}") is None:
        raise ExportError(f"There is no '{branch}' branch to export: nothing has been "
                          "published yet. Run 'make publish' first.")
    target = target.resolve()
    if target.exists() and any(target.iterdir()) and not (target / LIBRARY_FILE).exists():
        raise ExportError(f"{target} already holds files that are not an earlier export. "
                          "Choose an empty or new folder; an export replaces its folder.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".export-", dir=target.parent) as work:
        unpacked, staging = Path(work) / "unpacked", Path(work) / "site"
        git.extract(project, branch, unpacked)
        if not (unpacked / "index.html").exists() or not (unpacked / LIBRARY_FILE).exists():
            raise ExportError(f"The '{branch}' branch has no library home. Publish with "
                              "'make publish', which writes it.")
        # symlinks=False copies what a link points to, so every alias is a real folder.
        shutil.copytree(unpacked, staging, symlinks=False)
        # The export's own 404 page: a server shows it at any address, so its one link is
        # written from the top of the server (`base`).
        not_found = NOT_FOUND.format(site_name=html.escape(mkdocs.setting(project, "site_name")),
                                     base=html.escape(base),
                                     policy=html.escape(STANDALONE_CONTENT_SECURITY_POLICY))
        found = unsafe_parts(not_found, Page(from_top=True,
                                             policy=STANDALONE_CONTENT_SECURITY_POLICY))
        if found:
            raise ExportError(f"The export's 404 page would hold {found[0].what}.")
        (staging / "404.html").write_text(not_found, encoding="utf-8")
        record = PublishedLibrary.from_json(
            json.loads((staging / LIBRARY_FILE).read_text(encoding="utf-8")))
        folders = [f"{slug}/{version}/" for slug, policy in record.policies.items()
                   for version in policy.versions]
        fault("before-the-export-swap")
        replace_folder(target, staging)
        fault("after-the-export-swap")
    return folders
