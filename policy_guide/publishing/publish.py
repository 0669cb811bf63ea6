"""`make publish`: every policy whose version is not published yet, published.

For each policy in policy_source/ whose newest version (history.yml) is in force or
withdrawn and not yet on the published branch (gh-pages), this builds that policy's pages
strictly and adds them at <policy>/<version>/, beside its earlier versions, which are never
rebuilt or changed, with the version's policy and quick card printed to PDF (plan.py,
stage.py). Then, for every policy, <policy>/current/ is made a copy of the version in force
today (a version approved with a later effective date is published at once but becomes
current only on that day: run this daily, as the scheduled workflow does), and the library
home at the top of the branch is rebuilt to list every published policy.

All of it lands as one commit, and only if every build and every link check passed
(check.py): a failure publishes nothing and says which policy and why. Each published
source is tagged <policy>/<version>, so later versions can show what changed.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from mike.versions import Versions

from ..domain.dates import long_date
from ..domain.loader import SOURCE_FOLDER, load_library
from ..domain.models import Policy
from ..domain.published import Consultation, PublishedLibrary
from ..domain.versions import CONSULTATION, consultation_tag, tag_name
from ..site.layout import VERSIONS_FILE
from ..tools import git
from .branch import read_branch
from .check import check_links, index_search, read_back
from .errors import PublishError
from .announcement import ANNOUNCEMENTS, announcement_of, plain_english, write_announcement
from .plan import plan
from .stage import (add_consultations, add_new_versions, forwarding_page, move_current,
                    rebuild_home)


def refuse_unsafe_tree(project: Path) -> None:
    if not git.is_work_tree(project):
        raise PublishError("This folder is not a git repository, so there is nowhere to "
                           "publish to. Publish from a clone of the policy repository.")
    if git.has_changes(project, ignoring=(ANNOUNCEMENTS,)):  # written by the last publish
        raise PublishError(
            "There are changes that are not committed. A published version must match a "
            "commit, so that later versions can be compared with it. Commit or undo the "
            "changes ('git status' lists them), then publish again.")


def sync_from_remote(project: Path, remote: str, branch: str) -> None:
    """Bring the local published branch up to date with the remote's, as a CI checkout has
    only the remote's copy. Without this, publishing could start again from nothing."""
    if not git.succeeds(project, "remote", "get-url", remote):
        return  # no remote: publishing locally only
    tracking = f"refs/remotes/{remote}/{branch}"
    if not git.succeeds(project, "fetch", "--quiet", "--tags", remote,
                        f"+refs/heads/{branch}:{tracking}"):
        return  # the remote has nothing published yet
    theirs = git.output(project, "rev-parse", tracking)
    ours = git.resolve(project, f"refs/heads/{branch}")
    if not ours or git.succeeds(project, "merge-base", "--is-ancestor", ours, theirs):
        git.run(project, "update-ref", f"refs/heads/{branch}", theirs)
    elif not git.succeeds(project, "merge-base", "--is-ancestor", theirs, ours):
        raise PublishError(
            f"The local {branch} branch and the one on '{remote}' have both changed since "
            "they last matched. Ask a developer to reconcile them before publishing.")


@contextmanager
def publishing_lock(project: Path) -> Iterator[None]:
    """One publish at a time in this repository: a second waits for the first to finish."""
    with open(git.git_dir(project) / "policy-publish.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def publish(project: Path, branch: str, push: bool, remote: str, today: dt.date,
            base: str = "") -> str:
    """Publish `project` as of `today`, checking the working tree and holding the lock;
    what was published (and what was left alone, and why), or a PublishError. Each new
    version's announcement for the staff bulletin is written to announcements/, its links
    starting at `base` (the guide's address)."""
    refuse_unsafe_tree(project)
    with publishing_lock(project):
        return _publish(project, branch, push, remote, today, base)


def _publish(project: Path, branch: str, push: bool, remote: str, today: dt.date,
             base: str = "") -> str:
    sync_from_remote(project, remote, branch)
    library = load_library(project / SOURCE_FOLDER)
    state = read_branch(project, branch)
    work = plan(project, library, state)
    said = []

    with tempfile.TemporaryDirectory(prefix="publish-") as scratch, \
            git.TreeWriter(project, state.head) as tree:
        scratch = Path(scratch)
        versions = {slug: Versions.loads(found.dumps())
                    for slug, found in state.versions.items()}
        add_new_versions(project, tree, work.new, versions, scratch, today)
        add_consultations(project, tree, work.consultations, scratch, today)
        announced = {policy.slug: announcement_of(project, policy, None)
                     for policy in work.new if policy.meta.status in ("in force", "withdrawn")}
        new = {policy.slug for policy in work.new}
        changed = new | {policy.slug for policy in work.consultations}
        published = {}
        last = PublishedLibrary.from_json(state.library).policies
        for slug, listed in versions.items():
            policy = library.policies.get(slug)
            published[slug], was = move_current(tree, slug, listed, policy, today,
                                                last.get(slug))
            words = dict(last[slug].announcements) if slug in last else {}
            if slug in announced:
                words[announced[slug].version] = announced[slug].summary()
            published[slug] = replace(published[slug], announcements=words)
            if slug in last and published[slug].records != last[slug].records:
                changed.add(slug)  # a version's record changed: versions.json says so
            if published[slug].current != was:
                changed.add(slug)
                if slug not in new:
                    said.append(f"{policy.meta.title}: version "
                                f"{published[slug].current or 'none'} is now current "
                                f"(was {was or 'none'}).")
            if slug in changed:
                title = policy.meta.title if policy else slug
                tree.add_file(f"{slug}/{VERSIONS_FILE}", listed.dumps().encode())
                tree.add_file(f"{slug}/index.html", forwarding_page(
                    slug, published[slug].address(), f"{title}: current version"))
        said[:0] = [_published_words(policy, published[policy.slug].current, today)
                    for policy in work.new]

        consulted = dict(PublishedLibrary.from_json(state.library).consultations)
        for policy in work.consultations:
            entry = policy.history.current
            consulted[policy.slug] = (*consulted.get(policy.slug, ()), Consultation(
                policy.meta.version, entry.date, entry.closes, entry.decided_by, today))
            said.append(f"{policy.meta.title}: published draft version {policy.meta.version} "
                        f"for consultation at {policy.slug}/{CONSULTATION}/"
                        f"{policy.meta.version}/; the consultation closes on "
                        f"{long_date(entry.closes)}.")
        record = PublishedLibrary(published, consulted)
        library_json = {**record.to_json(),
                        "source": git.output(project, "rev-parse", "HEAD^{tree}")}
        if not changed and library_json == state.library:
            return _summary(["Nothing to publish: every policy's version is already "
                             "published, and each current version is still the one in "
                             "force."], work.notes)
        rebuild_home(project, tree, state, record, library_json, scratch, today)
        titles = {slug: policy.meta.title for slug, policy in library.policies.items()}
        published_tree, library_names = read_back(tree, changed, scratch)
        check_links(published_tree, [*library_names, *sorted(changed)], titles)
        index_search(tree, published_tree)
        published_now = [f"{p.meta.title} {p.meta.version}" for p in work.new] + [
            f"{p.meta.title} draft {p.meta.version} for consultation" for p in work.consultations]
        message = ("Publish " + "; ".join(published_now) if published_now
                   else "Publish: current versions and the library home")
        head = git.output(project, "rev-parse", "HEAD")
        tags = {tag_name(policy.slug, policy.meta.version):
                (head, f"{policy.meta.title} version {policy.meta.version}, as published")
                for policy in work.new}
        tags.update({consultation_tag(policy.slug, policy.meta.version):
                     (head, f"{policy.meta.title} draft {policy.meta.version}, as published "
                      "for consultation") for policy in work.consultations})
        commit = tree.commit(branch, message, tags)
    if not said:
        said.append("The library home was rebuilt from the sources.")
    for announcement in announced.values():
        folder = project / ANNOUNCEMENTS / f"{announcement.slug}-{announcement.version}"
        written = write_announcement(announcement, folder, base)
        said.append(f"{announcement.title}: the staff bulletin item is in "
                    f"{folder.relative_to(project)}/ ({', '.join(p.name for p in written.files)}).")
        hard = plain_english(announcement, library.settings.plain_english)
        if hard:
            said.append(f"  Warning: it is not plain enough for the bulletin; edit it before "
                        f"sending.\n  {hard}")
    if commit and push:
        pushed = [f"refs/tags/{tag_name(p.slug, p.meta.version)}" for p in work.new] + [
            f"refs/tags/{consultation_tag(p.slug, p.meta.version)}" for p in work.consultations]
        result = git.run(project, "push", "--atomic", remote, branch, *pushed, check=False)
        if result.returncode != 0:
            raise PublishError(
                f"Published locally but could not push to '{remote}': "
                f"{result.stderr.decode(errors='replace').strip()}\nThe local {branch} branch "
                f"was at {state.head or 'nothing'} before publishing.")
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
