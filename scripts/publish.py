"""Publish the current version of the guide: `make publish`.

Builds the site strictly with mike and adds it to the gh-pages branch as a folder named after
the version in the policy's front matter (for example 1.1/), beside every earlier version,
and points the `latest` alias at it. Earlier versions are never rebuilt or changed: a version
that is already published is left alone. The commit that was published is tagged
`<policy>/<version>` so its source can be read back to show what changed in later versions.

If the build fails, mike makes no commit, so gh-pages stays exactly as it was.

    python scripts/publish.py [--policy social-media] [--branch gh-pages] [--push]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.checks import version_key  # noqa: E402
from policy_library.errors import SourceError  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.published import tag_name, tagged_versions  # noqa: E402
from release import ReleaseError, choose_policy  # noqa: E402

ALIAS = "latest"
MIKE = Path(sys.executable).parent / "mike"
REDIRECT_PAGE = ROOT / "docs" / "overrides" / "redirect.html"  # the home page: to latest/


class PublishError(Exception):
    """Publishing cannot go ahead; the message says why and what to do."""


def git(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise PublishError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result


def branch_head(branch: str) -> str | None:
    result = git("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}", check=False)
    return result.stdout.strip() or None


def published_versions(branch: str) -> list[dict]:
    """mike's record of the versions on the branch: [{"version", "title", "aliases"}]."""
    result = git("show", f"{branch}:versions.json", check=False)
    return json.loads(result.stdout) if result.returncode == 0 else []


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
    ours = branch_head(branch)
    if ours is None or git("merge-base", "--is-ancestor", ours, theirs,
                           check=False).returncode == 0:
        git("update-ref", f"refs/heads/{branch}", theirs)
    elif git("merge-base", "--is-ancestor", theirs, ours, check=False).returncode != 0:
        raise PublishError(
            f"The local {branch} branch and the one on '{remote}' have both changed since "
            "they last matched. Ask a developer to reconcile them before publishing.")


def refuse_unsafe_tree() -> None:
    if git("rev-parse", "--is-inside-work-tree", check=False).returncode != 0:
        raise PublishError("This folder is not a git repository, so there is nowhere to "
                           "publish to. Publish from a clone of the policy repository.")
    if git("status", "--porcelain").stdout.strip():
        raise PublishError(
            "There are changes that are not committed. A published version must match a "
            "commit, so that later versions can be compared with it. Commit or undo the "
            "changes ('git status' lists them), then publish again.")


def run_mike(*args: str, site_dir: str) -> None:
    # mike runs `mkdocs build` from PATH: make it this environment's MkDocs.
    path = os.pathsep.join([str(MIKE.parent), os.environ.get("PATH", "")])
    env = {**os.environ, "SITE_DIR": site_dir, "PATH": path}
    result = subprocess.run([str(MIKE), *args, "--config-file", str(ROOT / "mkdocs.yml")],
                            cwd=ROOT, env=env)
    if result.returncode != 0:
        raise PublishError("The build failed, so nothing was published and the published "
                           "versions are exactly as they were. Fix the problem reported "
                           "above and publish again.")


def publish(policy_name: str | None, branch: str, push: bool, remote: str) -> str:
    refuse_unsafe_tree()
    sync_from_remote(remote, branch)
    library = load_library(ROOT / "policy_source")
    policy = choose_policy(library.policies, policy_name)
    version = policy.meta.version
    tag = tag_name(policy.slug, version)
    on_branch = [entry["version"] for entry in published_versions(branch)]

    if version in on_branch:
        message = (f"Version {version} of the {policy.meta.title} is already published. "
                   "Published versions are never changed, so there is nothing to do.")
        if tag in git("tag", "--list", tag).stdout.split():
            changed = git("diff", "--quiet", tag, "HEAD", "--",
                          f"policy_source/{policy.slug}", f"docs/{policy.slug}", check=False)
            if changed.returncode == 1:
                message += (f"\nNote: the policy's files have changed since {version} was "
                            "published. Those changes reach staff only in a new version: "
                            "record one with 'make release'.")
        return message
    newer = [v for v in on_branch if version_key(v) > version_key(version)]
    if newer:
        raise PublishError(
            f"Version {version} is older than version {max(newer, key=version_key)}, which is "
            "already published. Publish only a new version, with a higher number.")
    if version in tagged_versions(ROOT).get(policy.slug, ()):
        raise PublishError(
            f"The tag {tag} exists but version {version} is not on the {branch} branch. "
            f"Someone may have published without pushing the branch. Fetch it with "
            f"'git fetch {remote} {branch}:{branch}' and try again.")

    before = branch_head(branch)
    with tempfile.TemporaryDirectory(prefix="publish-") as site_dir:
        run_mike("deploy", "--update-aliases", "--title", version, "--message",
                 f"Publish {policy.meta.title} {version}", version, ALIAS, site_dir=site_dir)
        if git("cat-file", "-e", f"{branch}:index.html", check=False).returncode != 0:
            run_mike("set-default", "--template", str(REDIRECT_PAGE), "--message",
                     f"Send visitors to {ALIAS}", ALIAS, site_dir=site_dir)
    git("tag", "--annotate", tag, "--message",
        f"{policy.meta.title} version {version}, as published", "HEAD")
    message = (f"Published version {version} of the {policy.meta.title} on the {branch} "
               f"branch, beside {', '.join(on_branch) or 'no earlier versions'}; "
               f"'{ALIAS}' now shows {version}. Tagged the source as {tag}.")
    if push:
        result = git("push", "--atomic", remote, branch, f"refs/tags/{tag}", check=False)
        if result.returncode != 0:
            raise PublishError(
                f"Published locally but could not push to '{remote}': "
                f"{result.stderr.strip()}\nThe local {branch} branch was at {before} before "
                "publishing.")
        message += f" Pushed both to '{remote}'."
    return message


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", help="the policy's folder name, if there is more than one")
    parser.add_argument("--branch", default="gh-pages", help="the branch to publish to")
    parser.add_argument("--push", action="store_true",
                        help="push the branch and the new tag to the remote (CI does this)")
    parser.add_argument("--remote", default="origin")
    args = parser.parse_args(argv)
    try:
        print(publish(args.policy, args.branch, args.push, args.remote))
    except SourceError as error:
        print(f"Nothing was published. Problem found in {error}", file=sys.stderr)
        return 1
    except (PublishError, ReleaseError) as error:
        print(f"Nothing was published. {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
