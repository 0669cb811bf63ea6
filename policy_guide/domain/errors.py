"""Errors that speak to the person who edited the source.

A `SourceError` names the file, the line where it can be known, what is wrong and how to
fix it. It subclasses MkDocs' `PluginError`, so `mkdocs build` prints it as one message and
stops without a Python traceback.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterable

from mkdocs.exceptions import PluginError

#: Folder that paths in messages are shown relative to (the project root).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


#: The project whose sources are being read (load_library sets it for a copy of the project).
_PROJECT: ContextVar[Path] = ContextVar("project", default=PROJECT_ROOT)


@contextmanager
def reading_project(root: Path) -> Iterator[None]:
    """Name files in messages from `root`, the project whose sources are being read."""
    token = _PROJECT.set(Path(os.path.abspath(root)))
    try:
        yield
    finally:
        _PROJECT.reset(token)


def display_path(path: Path | str) -> str:
    """The path as the policy owner sees it in the repository, e.g. policy_source/x/policy.md.
    Symbolic links are not followed, so a message names the link, never where it leads."""
    path = Path(os.path.abspath(path))
    try:
        return path.relative_to(_PROJECT.get()).as_posix()
    except ValueError:
        return path.as_posix()


class SourceError(PluginError):
    """A mistake in a file a person edits; stops the build with a plain message."""

    def __init__(self, path: Path | str, problem: str, fix: str, line: int | None = None):
        self.path = display_path(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    @property
    def where(self) -> str:
        return f"{self.path}, line {self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.where}:\n  {self.problem}\n  How to fix: {self.fix}"


#: The most of a value a message quotes: enough to recognise it, never a whole file.
QUOTE_LIMIT = 80


def shortened(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value as a message quotes it: on one line, and cut to `limit` characters with '...'
    (a mistaken value can be huge; the message needs only enough to find it)."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


def suggestion(wrong: str, choices: Iterable[str]) -> str:
    """' Did you mean 'x'?' when a close match exists, else ''."""
    if len(wrong) > QUOTE_LIMIT:
        return ""
    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def quoted_list(values: Iterable[str]) -> str:
    return ", ".join(f"'{shortened(value)}'" for value in values)
