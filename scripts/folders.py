"""Replacing an output folder all at once, shared by build.py and export.py."""

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
