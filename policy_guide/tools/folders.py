"""Folders: replacing an output folder all at once (make build, make export), and copying
the project to build it elsewhere (the benchmark, the tests)."""

from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path


_RENAME_EXCHANGE = 2  # renameat2(2): swap two paths in one step


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2); False where it cannot be done."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second),
                     _RENAME_EXCHANGE) == 0


def replace_folder(target: Path, finished: Path) -> None:
    """Put the finished folder in place of `target`, both on the same disk. Where the system
    can swap two folders in one step, `target` is at every moment either the old folder or
    the new one, whatever stops the process; elsewhere the old one is moved aside first."""
    previous = target.with_name(f".{target.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists() and _exchange(finished, target):
        shutil.rmtree(finished, ignore_errors=True)  # now the old folder
        return
    if target.exists():
        target.rename(previous)
    finished.rename(target)
    shutil.rmtree(previous, ignore_errors=True)


#: What a copy of the project needs to build and to run its commands (`python -m
#: policy_guide` in the copy runs the copy's own package).
PROJECT_PARTS = ("mkdocs.yml", "docs", "policy_guide", "policy_source", ".github")


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
