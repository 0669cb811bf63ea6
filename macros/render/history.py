"""The version history table, newest first, with the current version marked."""

from __future__ import annotations

from ..models import History
from .common import cell, long_date


def render_history(history: History) -> str:
    current = history.current
    rows = []
    for entry in history.newest_first():
        version = f"**{entry.version} (current)**" if entry is current else entry.version
        rows.append(
            f"| {version} | {long_date(entry.date)} | {cell(entry.status)} "
            f"| {cell(entry.decided_by)} | {cell(entry.changes)} |"
        )
    header = "| Version | Date | Status | Decided by | What changed |\n|---|---|---|---|---|"
    return "\n".join([header, *rows]) + "\n"
