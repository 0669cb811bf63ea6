"""When each file last changed, from git: one `git log` for the whole build."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changed(root: Path, folders: tuple[str, ...] = ("docs", "policy_source"),
                 ) -> dict[str, dt.date]:
    """Path (relative to the repository root) -> date of the newest commit that touched it.

    Empty when `root` is not in a git repository or git is missing, so a copy of the project
    outside git still builds, without dates.
    """
    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=True).stdout.strip()
        log = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--", *folders],
            capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    prefix = Path(root).resolve().relative_to(Path(top).resolve()).as_posix()
    dates: dict[str, dt.date] = {}
    for commit in log.split("\0")[1:]:
        day, *names = commit.strip().splitlines()
        for name in names:
            if name:
                path = name if prefix == "." else name.removeprefix(prefix + "/")
                dates.setdefault(path, dt.date.fromisoformat(day))
    return dates
