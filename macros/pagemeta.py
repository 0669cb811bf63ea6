"""What a page shows besides its text: where to edit it, when it last changed, and for a
policy's pages when the policy is next due for review.

A page in docs/ is a thin shell around a source file, so its 'edit this page' link goes to
the source file named in its front matter (`source: rules.yml`) and its 'last updated' date
is the newer of the shell's and the source's last commit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from policy_library.models import Policy
from .render.common import long_date
from policy_library.review import Review

SOURCE_KEY = "source"


def source_path(page: Page, policy: Policy | None, source_root: str) -> str | None:
    """The repository path of the source file a page shows, e.g. policy_source/x/rules.yml."""
    name = page.meta.get(SOURCE_KEY)
    if name is None:
        return None
    if policy is None:
        raise PluginError(
            f"docs/{page.file.src_uri}: 'source: {name}' only works for pages inside a "
            "policy's folder in docs/.")
    return f"{source_root}/{policy.slug}/{name}"


def decorate(page: Page, policy: Policy | None, dates: dict[str, dt.date], docs_dir: str,
             source_root: str, project_dir: Path, review: Review | None = None) -> None:
    """Point the edit link at the source file, set the page's last-updated date, and give a
    policy's pages its next review date (shown by partials/source-file.html)."""
    source = source_path(page, policy, source_root)
    if source and not (project_dir / source).is_file():
        raise PluginError(
            f"{docs_dir}/{page.file.src_uri}: 'source: {page.meta[SOURCE_KEY]}' names a file "
            f"that does not exist ({source}).")
    if source and page.edit_url:
        shell = f"{docs_dir}/{page.file.src_uri}"
        page.edit_url = page.edit_url.removesuffix(shell) + source
    changed = [dates[path] for path in (f"{docs_dir}/{page.file.src_uri}", source) if path in dates]
    if changed:
        page.meta["revision_date"] = long_date(max(changed))
    if review is not None:
        page.meta["policy_review"] = {
            "title": review.policy.meta.title,
            "date": long_date(review.policy.meta.next_review),
            "state": review.state.value,
        }
