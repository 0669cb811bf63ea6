"""Folders: replacing an output folder all at once (build.py, export.py), and copying the
project to build it elsewhere (bench.py, the tests)."""

from __future__ import annotations

import shutil
from pathlib import Path


def replace_folder(target: Path, finished: Path) -> None:
    """Put the finished folder in place of `target`. Both must be on the same disk; the old
    `target` is moved aside first and removed only once the new one is in place."""
    previous = target.with_name(f".{target.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    finished.rename(target)
    shutil.rmtree(previous, ignore_errors=True)


#: What a copy of the project needs to build and to run its scripts.
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "policy_library", "policy_source", "scripts", ".github")


def copy_project(source: Path, target: Path) -> Path:
    """Copy the parts of the project at `source` that a build needs into a new `target`."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, target / part)
    return target
