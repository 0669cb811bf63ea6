"""What one build knows, worked out once when MkDocs reads its configuration (the hook's
on_config) and handed to everything else that builds a page: the hook's events, the macros
(through MkDocs' config, `extra.build_state`) and the checks of each page as written.

Which part of the library a build makes is `extra.guide_part` in mkdocs.yml (the GUIDE_PART
environment variable, set by site/mkdocs.py): everything (`make serve`, `make build`), the
library's home and own pages (`home`), or one policy's pages for publishing (its folder
name).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace, dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..domain.compare import Wording
from ..domain.errors import reading_project
from ..domain.loader import SOURCE_FOLDER, load_library, policy_folders
from ..domain.models import Library, Policy
from ..domain.published import (Publication, PublishedLibrary, load_publication,
                                tagged_consultations, tagged_versions)
from ..domain.review import Review, reviews
from .accessibility import RECORD, AccessibilityRun, read_test_run
from .layout import ALL, HOME, Layout, PolicyPage

#: Where the state is kept in MkDocs' config, for the macros.
KEY = "build_state"


@dataclass
class BuildState:
    """What one build knows. Everything here is worked out once a build."""

    library: Library
    layout: Layout
    today: dt.date
    published: PublishedLibrary
    project: Path
    wording: Wording  # Markdown read with the site's extensions, for comparisons
    test_run: AccessibilityRun | None = None  # the last passing accessibility test run, if any
    scripts: frozenset[str] = frozenset()  # the scripts the site ships, from its top
    reviews: dict[str, Review] = field(default_factory=dict)  # by policy
    publications: dict[str, Publication] = field(default_factory=dict)  # of each policy built
    #: Each policy this build builds, by the address of its text ('social-media/policy/'),
    #: for the links whose words give a clause number.
    texts: dict[str, Policy] = field(default_factory=dict)
    #: Set as the build goes: when each source last changed, and each generated page.
    dates: dict[str, dt.date] = field(default_factory=dict)
    generated: dict[str, tuple[Policy, PolicyPage]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reviews = {review.policy.slug: review
                        for review in reviews(self.library, self.today)}
        tags = tagged_versions(self.project)
        drafts = tagged_consultations(self.project)
        self.publications = {
            slug: load_publication(self.project, policy, tags.get(slug, ()),
                                   drafts.get(slug, ()))
            for slug, policy in self.library.policies.items()
            if self.layout.builds_policy(slug)}
        self.texts = {f"{self.layout.policy_folder(slug)}policy/": self.library.policies[slug]
                      for slug in self.publications}

    @property
    def source_root(self) -> Path:
        return self.project / SOURCE_FOLDER


def state_of(config: MkDocsConfig) -> BuildState:
    return config.extra[KEY]


def read_state(config: MkDocsConfig) -> BuildState:
    """The build's state, from mkdocs.yml (and the GUIDE_* settings it reads)."""
    project = Path(config.config_file_path).resolve().parent
    part = str(config.extra.get("guide_part") or ALL)
    layout = _layout(part, str(config.extra.get("guide_share") or ""),
                     [folder.name for folder in policy_folders(project / SOURCE_FOLDER)])
    # A build of one policy (make serve POLICY=..., make publish), or of a share of the
    # library without its own pages, loads only the policies it builds.
    library = load_library(project / SOURCE_FOLDER,
                           only=None if layout.builds_library_pages else (layout.share or {part}))
    if layout.is_policy and part in library.policies and (
            library.policies[part].meta.status == "consultation"):
        layout = replace(layout, consultation=True)  # published for the people consulted
    if part not in (ALL, HOME) and part not in library.policies:
        raise PluginError(f"GUIDE_PART is '{part}', but there is no policy folder "
                          f"{SOURCE_FOLDER}/{part}/.")
    return BuildState(library, layout, _today(config), _published(config), project,
                      Wording(config.markdown_extensions, config.mdx_configs),
                      test_run=_test_run(config, project), scripts=_site_scripts(config))


def _today(config: MkDocsConfig) -> dt.date:
    chosen = str(config.extra.get("guide_today") or "")
    try:
        return dt.date.fromisoformat(chosen) if chosen else dt.date.today()
    except ValueError:
        raise PluginError(f"GUIDE_TODAY is '{chosen}', which is not a date written "
                          "YYYY-MM-DD.") from None


def _published(config: MkDocsConfig) -> PublishedLibrary:
    path = str(config.extra.get("guide_published") or "")
    if not path:
        return PublishedLibrary()
    return PublishedLibrary.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def _test_run(config: MkDocsConfig, project: Path) -> AccessibilityRun | None:
    """The record of the last passing accessibility test run, for the statement."""
    record = project / str(config.extra.get("guide_accessibility_record") or RECORD)
    try:
        with reading_project(project):  # the record is named from the project in messages
            return read_test_run(record)
    except ValueError as error:
        raise PluginError(str(error)) from None


def _layout(part: str, share: str, slugs: list[str]) -> Layout:
    """The build's layout; GUIDE_SHARE=2/3 makes the second of three shares of a build of the
    whole library (site/build.py runs one a core)."""
    if not share:
        return Layout(part)
    number, _, of = share.partition("/")
    if part != ALL or not (number.isdigit() and of.isdigit() and 1 <= int(number) <= int(of)):
        raise PluginError(f"GUIDE_SHARE is '{share}': it should be like 1/2, and only for a "
                          "build of the whole library.")
    return Layout.shared(slugs, int(number), int(of))


def _site_scripts(config: MkDocsConfig) -> frozenset[str]:
    """The scripts the site ships, from its top: the theme's own (each theme folder's
    assets/javascripts/, not its sub-folders) and the guide's (docs/assets/javascripts/).
    A page may load each of these once, and nothing else (site/safety.py)."""
    folders = [*config.theme.dirs, config.docs_dir]
    return frozenset(f"assets/javascripts/{script.name}" for folder in folders
                     for script in (Path(folder) / "assets" / "javascripts").glob("*.js"))
