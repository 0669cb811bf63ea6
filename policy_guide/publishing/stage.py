"""Staging a publish run on a private index of the published branch (tools/git.py's
TreeWriter): each new version built and added at <policy>/<version>/ with its PDFs, each
<policy>/current/ moved to the version in force, each policy's versions.json and forwarding
page, and the library's home rebuilt. Nothing is committed here.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mike.versions import Versions

from ..domain.models import Policy
from ..domain.published import PublishedLibrary, PublishedPolicy, version_records
from ..domain.versions import CONSULTATION, version_key
from ..site import mkdocs
from ..site.layout import CURRENT, HOME, LIBRARY_FILE
from ..site.safety import CONTENT_SECURITY_POLICY, Page, unsafe_parts
from ..tools.browser import BrowserMissing, find_chromium
from ..tools.faults import fault
from ..tools.git import TreeWriter
from .branch import BranchState
from .errors import PublishError
from .pdf import PageMissing, print_version
from .plan import current_version

#: The page at <policy>/ that forwards readers to the version that applies now.
FORWARDING_PAGE = Path(__file__).resolve().parent / "templates" / "forward.html"


def build_part(project: Path, part: str, site_dir: Path, today: dt.date, title: str,
               published_file: Path | None = None) -> None:
    """Build one part of the library (a policy's version, or the library's home) as of
    `today`; a failure is a PublishError naming it."""
    returncode, said = mkdocs.run(project, site_dir, mkdocs.Part(part, today, published_file),
                                  quiet=True)
    if returncode != 0:
        said = "\n".join(line for line in said.splitlines()
                         if line.strip() and "NO_MKDOCS_2_WARNING" not in line)
        raise PublishError(f"The build of the {title} failed:\n{said}\nFix the problem "
                           "reported above and publish again.")
    (site_dir / "404.html").unlink(missing_ok=True)  # the library's own 404 page serves all


def forwarding_page(slug: str, target: str, title: str) -> bytes:
    """The page at <policy>/ that sends readers on to `target` (current/), checked as every
    page is."""
    text = FORWARDING_PAGE.read_text(encoding="utf-8")
    page = (text.replace("{{href}}", html.escape(target))
            .replace("{{title}}", html.escape(title))
            .replace("{{csp}}", html.escape(CONTENT_SECURITY_POLICY)))
    found = unsafe_parts(page, Page(f"{slug}/", frozenset({"assets/javascripts/forward.js"})))
    if found:
        raise PublishError(f"The page that forwards {slug}/ to {target} would hold "
                           f"{found[0].what}.")
    return page.encode()


def add_new_versions(project: Path, tree: TreeWriter, new: list[Policy],
                     versions: dict[str, Versions], scratch: Path, today: dt.date) -> None:
    """Build each policy's new version (as many at once as the machine has cores) and stage
    it at <policy>/<version>/, with its entry (status and dates, which the version banner
    reads) in the policy's versions.json. Any failed build stops it all, naming each."""
    build_with_pdfs(project, [(policy, scratch / policy.slug, policy.meta.title)
                              for policy in new], today)
    fault("after-the-builds")
    for policy in new:
        tree.add_folder(f"{policy.slug}/{policy.meta.version}", scratch / policy.slug)
        versions.setdefault(policy.slug, Versions()).add(policy.meta.version,
                                                         title=policy.meta.version)


def add_consultations(project: Path, tree: TreeWriter, drafts: list[Policy], scratch: Path,
                      today: dt.date) -> None:
    """Build each draft out for consultation, with its PDFs, and stage it at
    <policy>/consultation/<version>/: kept, like every published version, and never in the
    policy's versions.json (it is not a version in force)."""
    folders = {policy.slug: scratch / f"{CONSULTATION}-{policy.slug}" for policy in drafts}
    build_with_pdfs(project, [(policy, folders[policy.slug],
                               f"draft {policy.meta.version} of the {policy.meta.title}")
                              for policy in drafts], today)
    for policy in drafts:
        tree.add_folder(f"{policy.slug}/{CONSULTATION}/{policy.meta.version}",
                        folders[policy.slug])


def build_with_pdfs(project: Path, builds: list[tuple[Policy, Path, str]],
                    today: dt.date) -> None:
    """Build each (policy, folder, title) as the policy's sources are (as many at once as
    the machine has cores), then print its PDFs into the folder. Any failed build stops it
    all, naming each."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        started = [pool.submit(build_part, project, policy.slug, folder, today, title)
                   for policy, folder, title in builds]
    failed = [str(build.exception()) for build in started if build.exception()]
    if failed:
        raise PublishError("\n\n".join(failed))
    print_pdfs([(policy, folder) for policy, folder, _ in builds])


def print_pdfs(new: list[tuple[Policy, Path]]) -> None:
    """Print each new version's policy and quick card to PDF, into the version's folder,
    where its pages link to them; published with it, they are never printed again."""
    if not new:
        return
    try:
        chromium = find_chromium()
    except BrowserMissing as missing:
        raise PublishError(f"Each published version keeps its PDFs, and they cannot be "
                           f"printed here: {missing}") from None
    for policy, folder in new:
        try:
            print_version(folder, policy, chromium)
        except PageMissing as missing:
            raise PublishError(f"The {policy.meta.title}'s PDFs could not be printed: "
                               f"{missing}") from None


def move_current(tree: TreeWriter, slug: str, listed: Versions, policy: Policy | None,
                 today: dt.date, before: PublishedPolicy | None) -> tuple[PublishedPolicy,
                                                                          str | None]:
    """Point <policy>/current/ at the version in force `today` (a policy no longer in the
    sources keeps its current/), and give each version in `listed` (versions.json) its
    record: its decision and, once it happens, when and by which version it was replaced
    (domain/published.py). Returns the policy's record, and the version current/ was at
    before, if any. `before` is the record the last publish wrote, kept for a policy no
    longer in the sources."""
    numbers = [str(info.version) for info in listed]
    records = (version_records(policy.history, tuple(numbers)) if policy
               else (before.records if before else {}))
    for info in listed:
        if str(info.version) in records:
            info.properties = records[str(info.version)].to_json()
    was = next((str(info.version) for info in listed if CURRENT in info.aliases), None)
    now = current_version(policy, numbers, today) if policy else was
    if now != was:
        tree.remove(f"{slug}/{CURRENT}")
        if now:
            listed.update(now, aliases=[CURRENT], update_aliases=True)
            tree.copy(f"{slug}/{now}", f"{slug}/{CURRENT}")
        elif was:
            listed[was].aliases.discard(CURRENT)
    return PublishedPolicy(tuple(sorted(numbers, key=version_key)), now, records), was


def rebuild_home(project: Path, tree: TreeWriter, state: BranchState,
                 record: PublishedLibrary, library_json: dict, scratch: Path,
                 today: dt.date) -> None:
    """Replace the library's own files at the top of the branch (never a policy's folder)."""
    state_file = scratch / LIBRARY_FILE
    state_file.write_text(json.dumps(record.to_json()), encoding="utf-8")
    site = scratch / f"_{HOME}"
    build_part(project, HOME, site, today, "library home", state_file)
    clashes = sorted(set(record.policies) & {path.name for path in site.iterdir()})
    if clashes:
        raise PublishError(f"The policy folder '{clashes[0]}' has the same name as one of the "
                           "library's own pages. Rename the policy folder.")
    for name in state.top_level:
        if name not in record.policies:
            tree.remove(name)
    for path in site.iterdir():
        if path.is_dir():
            tree.add_folder(path.name, path)
        else:
            tree.add_file(path.name, path.read_bytes())
    tree.add_file(LIBRARY_FILE, (json.dumps(library_json, indent=2) + "\n").encode())
