"""The facts of the accessibility statement (docs/accessibility.md), as Markdown: what
library.yml says people decided, and what the last passing test run recorded."""

from __future__ import annotations

from ..accessibility import CHECKERS, AccessibilityRun
from ...domain.models import AccessibilitySettings

from ...domain.dates import long_date
from .common import escape


def compliance(settings: AccessibilitySettings, run: AccessibilityRun | None) -> str:
    """How accessible the guide is. A claim of compliance needs a passing test run behind
    it: without one (a preview, or a copy never tested), the statement makes no claim, and
    says so, but still lists the problems known."""
    standard = escape(settings.standard)
    if run is None:
        lines = ["This copy of the guide has not been through the automated accessibility "
                 "checks, so it makes no claim yet about how well it meets the "
                 f"{standard} standard. The published guide says how accessible it is, "
                 "from the checks run before it was published."]
        if settings.known_issues:
            lines += ["", "These problems are known:", ""]
    elif settings.compliance == "fully compliant":
        return f"This guide is fully compliant with the {standard} standard.\n"
    else:
        lines = [f"This guide is {settings.compliance} with the {standard} standard, because "
                 "of the problems listed below.", ""]
    for issue in settings.known_issues:
        lines.append(f"- {escape(issue.problem)} This fails WCAG success criterion "
                     f"{escape(issue.criterion)}. {escape(issue.plan)}")
    return "\n".join(lines) + "\n"


def testing(run: AccessibilityRun | None) -> str:
    if run is None:
        return ("The automated accessibility checks run with `make test`, before anything "
                "is published; the published statement gives the day of the last run that "
                "passed.")
    tested = f" (its source at commit {run.commit[:12]})" if run.commit else ""
    lines = [f"The guide was last tested on **{long_date(run.day)}**{tested}, by the checks "
             "that run before every change is published. They read "
             f"{run.pages} pages of a test library of several policies, with every "
             "version of each, and found no problem. The checks were:", ""]
    for tool, version in run.tools.items():
        what = CHECKERS.get(tool, "")
        lines.append(f"- {escape(tool)} {escape(version)}" + (f": {what}." if what else "."))
    lines += ["", "Other tests, on every change, use only the keyboard to reach everything on "
              "each page, and check that each place the keyboard stops can be seen."]
    return "\n".join(lines)
