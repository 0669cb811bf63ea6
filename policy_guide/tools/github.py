"""GitHub's command-line tool (`gh`), for the weekly review reminders: the titles of the open
issues, and opening one. The workflow gives it a token allowed to open issues."""

from __future__ import annotations

import json
import subprocess


def open_issue_titles(gh: str = "gh") -> set[str]:
    listed = subprocess.run(
        [gh, "issue", "list", "--state", "open", "--limit", "500", "--json", "title"],
        capture_output=True, text=True, check=True)
    return {issue["title"] for issue in json.loads(listed.stdout or "[]")}


def open_issue(title: str, body: str, gh: str = "gh") -> None:
    subprocess.run([gh, "issue", "create", "--title", title, "--body", body], check=True)
