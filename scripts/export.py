"""Write the published library as a plain folder for any web server: `make export DIR=...`

Copies the gh-pages branch (as `make publish` left it) into DIR: the library home at the
top, each policy's versions at <policy>/<version>/ and the one in force at <policy>/current/
(real folders, never symbolic links, which some servers refuse), and a 404 page for
addresses that do not exist. DIR is replaced only when the export is complete.

    python scripts/export.py DIR [--base /policies/] [--branch gh-pages]

--base is the address path the folder will be served from (default /). The 404 page needs it
because a web server shows that page at whatever address was asked for.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from folders import replace_folder

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.faults import fault  # noqa: E402
from policy_library.layout import LIBRARY_FILE  # noqa: E402
from policy_library.published import PublishedLibrary  # noqa: E402
from policy_library.safety import (STANDALONE_CONTENT_SECURITY_POLICY, Page,  # noqa: E402
                                   unsafe_parts)

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


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True)


def site_name() -> str:
    from mkdocs.utils.yaml import yaml_load  # understands mkdocs.yml's !ENV tags
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:
        return str(yaml_load(config)["site_name"])


def export(target: Path, base: str, branch: str) -> list[str]:
    archive = _git("archive", "--format=tar", branch)
    if archive.returncode != 0:
        raise ExportError(f"There is no '{branch}' branch to export: nothing has been "
                          "published yet. Run 'make publish' first.")
    target = target.resolve()
    if target.exists() and any(target.iterdir()) and not (target / LIBRARY_FILE).exists():
        raise ExportError(f"{target} already holds files that are not an earlier export. "
                          "Choose an empty or new folder; an export replaces its folder.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".export-", dir=target.parent) as work:
        unpacked, staging = Path(work) / "unpacked", Path(work) / "site"
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(unpacked, filter="data")
        if not (unpacked / "index.html").exists() or not (unpacked / LIBRARY_FILE).exists():
            raise ExportError(f"The '{branch}' branch has no library home. Publish with "
                              "'make publish', which writes it.")
        # symlinks=False copies what a link points to, so every alias is a real folder.
        shutil.copytree(unpacked, staging, symlinks=False)
        # The export's own 404 page: a server shows it at any address, so its one link is
        # written from the top of the server (--base).
        not_found = NOT_FOUND.format(site_name=html.escape(site_name()), base=html.escape(base),
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", help="the folder to write (replaced if it exists)")
    parser.add_argument("--base", default="/",
                        help="the address path the folder is served from, such as /policies/")
    parser.add_argument("--branch", default="gh-pages")
    args = parser.parse_args(argv)
    base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"
    if not args.dir.strip():
        parser.error("say which folder to write, for example: make export DIR=/srv/policies")
    try:
        folders = export(Path(args.dir), base, args.branch)
    except ExportError as error:
        print(f"Nothing was exported. {error}", file=sys.stderr)
        return 1
    print(f"Exported the policy library ({len(folders)} published versions: "
          f"{', '.join(folders)}) to {args.dir}. Serve that folder at {base} on any web "
          "server.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
