"""The published branch as it will stand once a run is committed, read back into a folder
and checked: every link the run writes leads somewhere, and the library's search index is
made over it (and checked) to be committed with it."""

from __future__ import annotations

from pathlib import Path

from ..domain.versions import CONSULTATION
from ..site.layout import VERSIONS_FILE
from ..site.safety import build_search_index
from ..tools import git
from ..tools.git import TreeWriter
from ..tools.linkcheck import LinkCheckError, broken_links
from ..tools.search import FOLDER as SEARCH_FOLDER
from ..tools.search import PUBLISHED_PAGES, SearchIndexError
from .errors import PublishError


def read_back(tree: TreeWriter, changed: set[str], scratch: Path) -> tuple[Path, list[str]]:
    """The branch as it will be, written to a folder, as far as the checks need it: the
    library's pages and every folder of each changed policy in full; of the others, the
    landing page of every version (the library's pages link to them) and every page of
    their current version (what search covers). Returns the folder and the names of the
    library's own files and folders in it."""
    staged = tree.tree()
    library_names = [name for name in git.top_level(tree.repo, staged)
                     if not tree.exists(staged, f"{name}/{VERSIONS_FILE}")]
    folder = scratch / "_check"
    drafts = any(tree.exists(staged, f"{name}/{CONSULTATION}")
                 for name in git.top_level(tree.repo, staged) if name not in library_names)
    try:
        git.extract(tree.repo, staged, folder,
                    [*library_names, *sorted(changed), ":(glob)*/*/index.html",
                     ":(glob)*/current/**/index.html",
                     *([f":(glob)*/{CONSULTATION}/**/index.html"] if drafts else [])])
    except git.GitError as error:
        raise PublishError(f"Could not read back what would be published: {error}") from None
    return folder, library_names


def check_links(folder: Path, written: list[str], titles: dict[str, str]) -> None:
    """Check every link in what this run writes (`written`: the library's own files and
    the changed policies' folders) against the branch as it will be, read back into
    `folder`. `titles` names each policy in the message, by folder name."""
    targets = [folder / name for name in written if (folder / name).exists()]
    try:
        broken = broken_links(targets, folder)
    except LinkCheckError as error:
        raise PublishError(str(error)) from None
    if broken:
        def owner(problem: str) -> str:
            slug = problem.split("/", 1)[0]
            return f"the {titles[slug]}" if slug in titles else "the library's own pages"
        shown = "\n".join(f"  In {owner(problem)}: {problem}" for problem in broken[:40])
        more = f"\n  ... and {len(broken) - 40} more" if len(broken) > 40 else ""
        raise PublishError(f"Some links would lead nowhere:\n{shown}{more}\nCorrect each "
                           "link (the published page is named first, then the address it "
                           "points to) and publish again.")


def index_search(tree: TreeWriter, folder: Path) -> None:
    """The library's search index, over its own pages and each policy's current version,
    staged with the rest."""
    try:
        build_search_index(folder, glob=PUBLISHED_PAGES)
    except SearchIndexError as error:
        raise PublishError(str(error)) from None
    tree.add_folder(SEARCH_FOLDER, folder / SEARCH_FOLDER)
