"""The one place a MkDocs build of the library is started, with the settings mkdocs.yml's
`extra:` reads from the environment (GUIDE_PART, GUIDE_TODAY, GUIDE_PUBLISHED, GUIDE_SHARE,
GUIDE_SEARCH_INDEX). `make build` starts one a core (site/build.py), `make publish` one for
each policy's new version and one for the library's home (publishing/stage.py), and the
benchmark times them.

Each build runs as `python -m mkdocs` in the project's folder, so the project's own
policy_guide package is the one the hook and macros import.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..domain.compare import Wording
from .layout import ALL

CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class Part:
    """Which part of the library a build makes, as of which day, and what is published."""

    part: str = ALL  # ALL, HOME or a policy's folder name (site/layout.py)
    today: dt.date | None = None  # default: today
    published: Path | None = None  # library.json, for the library's home
    share: str = ""  # "1/2": this process's share of a build of the whole library
    search_index: bool = True  # a build of the whole library indexes itself for search

    def environment(self) -> dict[str, str]:
        """The settings this part sets; the rest stay as the caller's environment has them
        (GUIDE_TODAY, say, for a preview as of another day)."""
        env = {"GUIDE_PART": self.part, "NO_MKDOCS_2_WARNING": "1"}
        if self.today:
            env["GUIDE_TODAY"] = self.today.isoformat()
        if self.published:
            env["GUIDE_PUBLISHED"] = str(self.published)
        if self.share:
            env["GUIDE_SHARE"] = self.share
        if not self.search_index:
            env["GUIDE_SEARCH_INDEX"] = "false"
        return env


def command(project: Path, site_dir: Path, strict: bool = True, quiet: bool = False
            ) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
            *(["--quiet"] if quiet else []), "--clean", "--config-file", str(project / CONFIG),
            "--site-dir", str(site_dir)]


def start(project: Path, site_dir: Path, part: Part = Part(), quiet: bool = False
          ) -> subprocess.Popen:
    """A strict build of `part` into `site_dir`, started; its output (both streams, as
    text) is read from the process."""
    return subprocess.Popen(command(project, site_dir, quiet=quiet), cwd=project,
                            env={**os.environ, **part.environment()},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def run(project: Path, site_dir: Path, part: Part = Part(), quiet: bool = False
        ) -> tuple[int, str]:
    """A strict build of `part` into `site_dir`: its return code and what it printed."""
    process = start(project, site_dir, part, quiet)
    said = process.communicate()[0]
    return process.returncode, said


def setting(project: Path, name: str) -> str:
    """One setting of the project's mkdocs.yml (such as site_name), read as MkDocs reads it
    (with its !ENV tags), without building anything."""
    from mkdocs.utils.yaml import yaml_load

    with open(project / CONFIG, encoding="utf-8") as config:
        return str(yaml_load(config)[name])


def site_wording(project: Path) -> Wording:
    """Markdown read with the site's own extensions (mkdocs.yml's markdown_extensions), for
    a comparison made outside a build (`make compare`) to find what the pages show."""
    from mkdocs.config import load_config

    config = load_config(str(project / CONFIG))
    return Wording(config.markdown_extensions, config.mdx_configs)
