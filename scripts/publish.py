"""Publish every policy whose version is not published yet: `make publish`.

For each policy in policy_source/ whose newest version (history.yml) is in force or
withdrawn and not yet on the published branch (gh-pages), this builds that policy's pages
strictly and adds them at <policy>/<version>/, beside its earlier versions, which are never
rebuilt or changed. Drafts, consultations and versions approved without an effective date
are not published: nobody should read them as if they applied.

Each new version's policy and quick card are printed to PDF into its folder too (scripts/
pdf.py), where its pages link to them.

Then, for every policy, <policy>/current/ is made a copy of the version in force today (a
version approved with a later effective date is published at once but becomes current only
on that day: run this daily, as the scheduled workflow does), and the library home at the
top of the branch is rebuilt to list every published policy.

All of it lands as one commit, and only if every build and every link check passed: a
failure publishes nothing and says which policy and why. Each published source is tagged
<policy>/<version>, so later versions can show what changed.

    python scripts/publish.py [--today YYYY-MM-DD] [--branch gh-pages] [--push]
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import html
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.branch import (BranchError, BranchState, TreeWriter,  # noqa: E402
                                   read_branch)
from policy_library.faults import fault  # noqa: E402
from policy_library.checks import version_key  # noqa: E402
from policy_library.dates import long_date  # noqa: E402
from policy_library.errors import SourceError  # noqa: E402
from policy_library.inforce import version_on  # noqa: E402
from policy_library.layout import CURRENT, LIBRARY, LIBRARY_FILE, VERSIONS_FILE  # noqa: E402
from policy_library.links import LinkCheckError, broken_links  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.models import Library, Policy  # noqa: E402
from policy_library.published import (PublishedLibrary, PublishedPolicy,  # noqa: E402
                                      tag_name, tagged_versions)
from policy_library.safety import CONTENT_SECURITY_POLICY, Page, unsafe_parts  # noqa: E402
from policy_library.search import FOLDER as SEARCH_FOLDER  # noqa: E402
from policy_library.search import PUBLISHED_PAGES, SearchIndexError, index_site  # noqa: E402
from mike.versions import Versions  # noqa: E402
from chromium import BrowserMissing, find_chromium  # noqa: E402
from pdf import PageMissing, print_version  # noqa: E402

REDIRECT_PAGE = ROOT / "docs" / "overrides" / "redirect.html"
#: Statuses whose version is published: the rest have not been decided on, or say nothing
#: yet about when they apply.
PUBLISHED_STATUSES = ("in force", "withdrawn")


class PublishError(Exception):
    """Publishing cannot go ahead; the message says why and what to do."""


def git(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise PublishError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result


# -- before anything: the repository, the remote and the lock -----------------------------

def refuse_unsafe_tree() -> None:
    if git("rev-parse", "--is-inside-work-tree", check=False).returncode != 0:
        raise PublishError("This folder is not a git repository, so there is nowhere to "
                           "publish to. Publish from a clone of the policy repository.")
    if git("status", "--porcelain").stdout.strip():
        raise PublishError(
            "There are changes that are not committed. A published version must match a "
            "commit, so that later versions can be compared with it. Commit or undo the "
            "changes ('git status' lists them), then publish again.")


def sync_from_remote(remote: str, branch: str) -> None:
    """Bring the local published branch up to date with the remote's, as a CI checkout has
    only the remote's copy. Without this, publishing could start again from nothing."""
    if git("remote", "get-url", remote, check=False).returncode != 0:
        return  # no remote: publishing locally only
    tracking = f"refs/remotes/{remote}/{branch}"
    fetched = git("fetch", "--quiet", "--tags", remote, f"+refs/heads/{branch}:{tracking}",
                  check=False)
    if fetched.returncode != 0:
        return  # the remote has nothing published yet
    theirs = git("rev-parse", tracking).stdout.strip()
    ours = git("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}",
               check=False).stdout.strip()
    if not ours or git("merge-base", "--is-ancestor", ours, theirs,
                       check=False).returncode == 0:
        git("update-ref", f"refs/heads/{branch}", theirs)
    elif git("merge-base", "--is-ancestor", theirs, ours, check=False).returncode != 0:
        raise PublishError(
            f"The local {branch} branch and the one on '{remote}' have both changed since "
            "they last matched. Ask a developer to reconcile them before publishing.")


def hold_lock():
    """One publish at a time in this repository: a second waits for the first to finish."""
    git_dir = Path(git("rev-parse", "--absolute-git-dir").stdout.strip())
    handle = open(git_dir / "policy-publish.lock", "w")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


# -- deciding what to publish -------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    new: list[Policy]  # policies whose newest version is published in this run
    notes: list[str]  # what was left alone, and why


def plan(library: Library, state: BranchState) -> Plan:
    tags = tagged_versions(ROOT)
    new, notes = [], []
    for slug, policy in library.policies.items():
        version, title = policy.meta.version, policy.meta.title
        on_branch = state.published(slug)
        if version in on_branch:
            tag = tag_name(slug, version)
            if tag in tags.get(slug, ()) and git(
                    "diff", "--quiet", tag, "HEAD", "--", f"policy_source/{slug}",
                    check=False).returncode == 1:
                notes.append(f"{title}: its files have changed since version {version} was "
                             "published. Those changes reach staff only in a new version: "
                             "record one with 'make release'.")
            continue
        if policy.meta.status not in PUBLISHED_STATUSES:
            notes.append(f"{title}: version {version} is {policy.meta.status}, so it is not "
                         "published. It is published once history.yml records it as in "
                         "force (make release).")
            continue
        newer = [v for v in on_branch if version_key(v) > version_key(version)]
        if newer:
            raise PublishError(
                f"{title}: version {version} is older than version "
                f"{max(newer, key=version_key)}, which is already published. Publish only "
                "a new version, with a higher number.")
        if version in tags.get(slug, ()):
            raise PublishError(
                f"{title}: the tag {tag_name(slug, version)} exists but version {version} is "
                "not on the published branch. Someone may have published without pushing the "
                "branch. Fetch it with 'git fetch origin gh-pages:gh-pages' and try again.")
        new.append(policy)
    return Plan(new, notes)


def current_version(policy: Policy, published: list[str], today: dt.date) -> str | None:
    """The version of `policy` in force on `today`, if it is published."""
    period = version_on(policy.history, today)
    return period.version if period and period.version in published else None


# -- building -------------------------------------------------------------------------------

def build_part(part: str, site_dir: Path, today: dt.date, title: str,
               published_file: Path | None = None) -> None:
    env = {**os.environ, "GUIDE_PART": part, "GUIDE_TODAY": today.isoformat(),
           "GUIDE_PUBLISHED": str(published_file or ""), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file",
         str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        said = "\n".join(line for line in (result.stdout + result.stderr).splitlines()
                         if line.strip() and "NO_MKDOCS_2_WARNING" not in line)
        raise PublishError(f"The build of the {title} failed:\n{said}\nFix the problem "
                           "reported above and publish again.")
    (site_dir / "404.html").unlink(missing_ok=True)  # the library's own 404 page serves all


def redirect_page(slug: str, target: str, title: str) -> bytes:
    """The page at <policy>/ that sends readers on to `target` (current/), checked as every
    page is."""
    text = REDIRECT_PAGE.read_text(encoding="utf-8")
    page = (text.replace("{{href}}", html.escape(target))
            .replace("{{title}}", html.escape(title))
            .replace("{{csp}}", html.escape(CONTENT_SECURITY_POLICY)))
    found = unsafe_parts(page, Page(f"{slug}/", frozenset({"assets/javascripts/forward.js"})))
    if found:
        raise PublishError(f"The page that forwards {slug}/ to {target} would hold "
                           f"{found[0].what}.")
    return page.encode()


# -- publishing -----------------------------------------------------------------------------

def add_new_versions(tree: TreeWriter, new: list[Policy], versions: dict[str, Versions],
                     scratch: Path, today: dt.date) -> None:
    """Build each policy's new version (as many at once as the machine has cores) and stage
    it at <policy>/<version>/, with its entry (status and dates, which the version banner
    reads) in the policy's versions.json. Any failed build stops it all, naming each."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        builds = [pool.submit(build_part, policy.slug, scratch / policy.slug, today,
                              policy.meta.title) for policy in new]
    failed = [str(build.exception()) for build in builds if build.exception()]
    if failed:
        raise PublishError("\n\n".join(failed))
    print_pdfs(new, scratch)
    fault("after-the-builds")
    for policy in new:
        tree.add_folder(f"{policy.slug}/{policy.meta.version}", scratch / policy.slug)
        entry = policy.history.current
        info = versions.setdefault(policy.slug, Versions()).add(policy.meta.version,
                                                                title=policy.meta.version)
        info.properties = {"status": entry.status, "date": entry.date.isoformat(),
                           "effective_from": (entry.in_force_from.isoformat()
                                              if entry.in_force_from else None)}


def print_pdfs(new: list[Policy], scratch: Path) -> None:
    """Print each new version's policy and quick card to PDF, into the version's folder,
    where its pages link to them; published with it, they are never printed again."""
    if not new:
        return
    try:
        chromium = find_chromium()
    except BrowserMissing as missing:
        raise PublishError(f"Each published version keeps its PDFs, and they cannot be "
                           f"printed here: {missing}") from None
    for policy in new:
        try:
            print_version(scratch / policy.slug, policy, chromium)
        except PageMissing as missing:
            raise PublishError(f"The {policy.meta.title}'s PDFs could not be printed: "
                               f"{missing}") from None


def move_current(tree: TreeWriter, slug: str, listed: Versions, policy: Policy | None,
                 today: dt.date) -> tuple[PublishedPolicy, str | None]:
    """Point <policy>/current/ at the version in force `today` (a policy no longer in the
    sources keeps its current/). Returns the policy's record, and the version current/ was
    at before, if any."""
    numbers = [str(info.version) for info in listed]
    was = next((str(info.version) for info in listed if CURRENT in info.aliases), None)
    now = current_version(policy, numbers, today) if policy else was
    if now != was:
        tree.remove(f"{slug}/{CURRENT}")
        if now:
            listed.update(now, aliases=[CURRENT], update_aliases=True)
            tree.copy(f"{slug}/{now}", f"{slug}/{CURRENT}")
        elif was:
            listed[was].aliases.discard(CURRENT)
    return PublishedPolicy(tuple(sorted(numbers, key=version_key)), now), was


def publish(branch: str, push: bool, remote: str, today: dt.date) -> str:
    """Publish as of `today`; the caller holds the lock (hold_lock) and has checked the
    working tree (refuse_unsafe_tree)."""
    sync_from_remote(remote, branch)
    library = load_library(ROOT / "policy_source")
    state = read_branch(ROOT, branch)
    work = plan(library, state)
    said = []

    with tempfile.TemporaryDirectory(prefix="publish-") as scratch, \
            TreeWriter(ROOT, state.head) as tree:
        scratch = Path(scratch)
        versions = {slug: Versions.loads(found.dumps())
                    for slug, found in state.versions.items()}
        add_new_versions(tree, work.new, versions, scratch, today)
        new = {policy.slug for policy in work.new}
        changed = set(new)
        published = {}
        for slug, listed in versions.items():
            policy = library.policies.get(slug)
            published[slug], was = move_current(tree, slug, listed, policy, today)
            if published[slug].current != was:
                changed.add(slug)
                if slug not in new:
                    said.append(f"{policy.meta.title}: version "
                                f"{published[slug].current or 'none'} is now current "
                                f"(was {was or 'none'}).")
            if slug in changed:
                title = policy.meta.title if policy else slug
                tree.add_file(f"{slug}/{VERSIONS_FILE}", listed.dumps().encode())
                tree.add_file(f"{slug}/index.html", redirect_page(
                    slug, published[slug].address(), f"{title}: current version"))
        said[:0] = [_published_words(policy, published[policy.slug].current, today)
                    for policy in work.new]

        record = PublishedLibrary(published)
        library_json = {**record.to_json(),
                        "source": git("rev-parse", "HEAD^{tree}").stdout.strip()}
        if not changed and library_json == state.library:
            return _summary(["Nothing to publish: every policy's version is already "
                             "published, and each current version is still the one in "
                             "force."], work.notes)
        rebuild_library(tree, state, record, library_json, scratch, today)
        titles = {slug: policy.meta.title for slug, policy in library.policies.items()}
        published_tree, library_names = read_back(tree, changed, scratch)
        check_links(published_tree, [*library_names, *sorted(changed)], titles)
        index_search(tree, published_tree)
        message = ("Publish " + "; ".join(f"{p.meta.title} {p.meta.version}" for p in work.new)
                   if work.new else "Publish: current versions and the library home")
        head = git("rev-parse", "HEAD").stdout.strip()
        commit = tree.commit(branch, message, {
            tag_name(policy.slug, policy.meta.version):
                (head, f"{policy.meta.title} version {policy.meta.version}, as published")
            for policy in work.new})
    if not said:
        said.append("The library home was rebuilt from the sources.")
    if commit and push:
        tags = [f"refs/tags/{tag_name(p.slug, p.meta.version)}" for p in work.new]
        result = git("push", "--atomic", remote, branch, *tags, check=False)
        if result.returncode != 0:
            raise PublishError(
                f"Published locally but could not push to '{remote}': "
                f"{result.stderr.strip()}\nThe local {branch} branch was at "
                f"{state.head or 'nothing'} before publishing.")
        said.append(f"Pushed the {branch} branch and the new tags to '{remote}'.")
    return _summary(said, work.notes)


def _published_words(policy: Policy, current: str | None, today: dt.date) -> str:
    version = policy.meta.version
    where = f"{policy.slug}/{version}/"
    if policy.meta.status == "withdrawn":
        return f"{policy.meta.title}: published the withdrawal (version {version}) at {where}."
    if policy.meta.takes_effect_later(today):
        return (f"{policy.meta.title}: published version {version} at {where}; it takes "
                f"effect on {long_date(policy.meta.effective_from)}, and until then "
                f"{policy.slug}/current/ stays at version {current or 'none'}.")
    return (f"{policy.meta.title}: published version {version} at {where}; "
            f"{policy.slug}/current/ now shows it.")


def _summary(said: list[str], notes: list[str]) -> str:
    text = "\n".join(said)
    if notes:
        text += "\nNot published:\n" + "\n".join(f"  {note}" for note in notes)
    return text


def rebuild_library(tree: TreeWriter, state: BranchState, record: PublishedLibrary,
                    library_json: dict, scratch: Path, today: dt.date) -> None:
    """Replace the library's own files at the top of the branch (never a policy's folder)."""
    state_file = scratch / LIBRARY_FILE
    state_file.write_text(json.dumps(record.to_json()), encoding="utf-8")
    site = scratch / f"_{LIBRARY}"
    build_part(LIBRARY, site, today, "library home", state_file)
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


def read_back(tree: TreeWriter, changed: set[str], scratch: Path) -> tuple[Path, list[str]]:
    """The branch as it will be, written to a folder, as far as the checks need it: the
    library's pages and every folder of each changed policy in full; of the others, the
    landing page of every version (the library's pages link to them) and every page of
    their current version (what search covers). Returns the folder and the names of the
    library's own files and folders in it."""
    staged = tree.tree()
    library_names = [name for name in tree.top_level(staged)
                     if not tree.exists(staged, f"{name}/{VERSIONS_FILE}")]
    folder = scratch / "_check"
    try:
        tree.extract(staged, folder, [*library_names, *sorted(changed),
                                      ":(glob)*/*/index.html", ":(glob)*/current/**/index.html"])
    except BranchError as error:
        raise PublishError(f"Could not read back what would be published: {error}") from None
    return folder, library_names


def check_links(folder: Path, written: list[str], titles: dict[str, str]) -> None:
    """Check every link in what this run writes (`written`: the library's own files and
    the changed policies' folders) against the branch as it will be, read back into
    `folder`. `titles` names each policy in the message, by folder name."""
    targets = [folder / name for name in written if (folder / name).exists()]
    try:
        broken = broken_links(targets, folder)
    except LinkCheckError as error:
        raise PublishError(str(error)) from None
    if broken:
        def owner(problem: str) -> str:
            slug = problem.split("/", 1)[0]
            return f"the {titles[slug]}" if slug in titles else "the library's own pages"
        shown = "\n".join(f"  In {owner(problem)}: {problem}" for problem in broken[:40])
        more = f"\n  ... and {len(broken) - 40} more" if len(broken) > 40 else ""
        raise PublishError(f"Some links would lead nowhere:\n{shown}{more}\nCorrect each "
                           "link (the published page is named first, then the address it "
                           "points to) and publish again.")


def index_search(tree: TreeWriter, folder: Path) -> None:
    """The library's search index, over its own pages and each policy's current version."""
    try:
        index_site(folder, glob=PUBLISHED_PAGES)
    except SearchIndexError as error:
        raise PublishError(str(error)) from None
    tree.add_folder(SEARCH_FOLDER, folder / SEARCH_FOLDER)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="publish as of this day, YYYY-MM-DD (default: today)")
    parser.add_argument("--branch", default="gh-pages", help="the branch to publish to")
    parser.add_argument("--push", action="store_true",
                        help="push the branch and the new tags to the remote (CI does this)")
    parser.add_argument("--remote", default="origin")
    args = parser.parse_args(argv)
    try:
        refuse_unsafe_tree()
        with hold_lock():
            print(publish(args.branch, args.push, args.remote, args.today))
    except SourceError as error:
        print(f"Nothing was published. Problem found in {error}", file=sys.stderr)
        return 1
    except (PublishError, BranchError) as error:
        print(f"Nothing was published. {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
