"""Start a new policy (`make new-policy`): a draft that builds and passes every check at once.

    policy_source/<name>/    policy.md, rules.yml, faqs.md, eia.md, history.yml (a draft,
                             from templates/new-policy/ beside this module)
    .github/CODEOWNERS       the policy's folder, for its owning team

Nothing else: the policy's pages and its part of the menu come from its folder. The policy
owner then replaces the draft wording, following "Changing the guide".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from string import Template

from .codeowners import write_codeowners
from .dates import add_years, long_date
from .loader import SOURCE_FOLDER, load_library
from .models import POLICY_NAME, RESERVED_NAMES
from .release import yaml_text

TEMPLATES = Path(__file__).resolve().parent / "templates" / "new-policy"
#: What the new policy starts with, unless the command says otherwise.
DEFAULT_OWNER = "Strategic Director of Corporate Resources"
DEFAULT_CONTACT = "Human Resources"
#: The clauses of the template's policy.md that its rules and first question point to (an
#: imported policy points them to its own clauses: importing/draft.py).
TEMPLATE_CLAUSES = {"roles_clause": "who-does-what", "review_clause": "when-reviewed",
                    "scope_number": "2.1", "scope_clause": "who-it-covers"}


class ScaffoldError(Exception):
    """A reason the new policy cannot be written, in words for the person running it."""


def title_for(name: str) -> str:
    return " ".join(word.capitalize() for word in name.split("-")) + " Policy"


def rule_prefix(name: str) -> str:
    """Capital letters for rule codes: flexible-working -> FW, grievance -> GR."""
    initials = [word[0] for word in name.split("-") if word[0].isalpha()][:4]
    if len(initials) < 2:
        initials = [letter for letter in name if letter.isalpha()][:2]
    return "".join(initials).upper()


def check_name(name: str, root: Path) -> None:
    if not POLICY_NAME.fullmatch(name):
        raise ScaffoldError(
            f"'{name}' cannot be a policy's folder name. Use lower-case letters, numbers and "
            "hyphens, starting with a letter, such as NAME=flexible-working.")
    if name in RESERVED_NAMES:
        raise ScaffoldError(f"'{name}' is already used by the guide. Choose another name.")
    folder = root / SOURCE_FOLDER / name
    if folder.exists():
        raise ScaffoldError(
            f"{folder.relative_to(root)}/ already exists, so there is already a policy "
            f"called '{name}'. Choose another name, or edit that policy.")


def with_yaml_values(values: dict) -> dict:
    """The template values, with each text a YAML value may hold also written as one
    (`${owner_yaml}`), quoted where YAML needs it: an owner's '[To write: ...]' or 'Head of
    HR: Policy' stays text, not a list or a mapping."""
    return {**values, **{f"{key}_yaml": yaml_text(str(values[key]))
                         for key in ("title", "category", "owner", "contact") if key in values}}


def choose_category(categories: list[str], given: str | None) -> str:
    """The category asked for, which must be one of the library's; the first if none."""
    category = (given or "").strip() or categories[0]
    if category not in categories:
        raise ScaffoldError(f"'{category}' is not one of the library's categories: "
                            f"{', '.join(categories)}. Use one of those, or add it to "
                            "'categories:' in policy_source/library.yml first.")
    return category


@dataclass(frozen=True)
class NewPolicy:
    name: str  # the folder name, such as flexible-working
    title: str | None = None  # default: from the folder name
    owner: str = DEFAULT_OWNER
    contact: str = DEFAULT_CONTACT
    category: str | None = None  # default: the library's first


@dataclass(frozen=True)
class Scaffolded:
    """What `make new-policy` wrote, and what it chose where the command did not say."""

    files: list[Path]
    title: str
    category: str
    owner: str
    contact: str
    team: str  # who must review changes to it (CODEOWNERS)


def scaffold(root: Path, new: NewPolicy, today: dt.date) -> Scaffolded:
    """Write the new policy's folder and its CODEOWNERS line under the project `root`, and
    say what was written and chosen. The library must be sound before anything is written: a
    mistake found afterwards would leave a half-added policy behind."""
    category = choose_category(load_library(root / SOURCE_FOLDER).settings.categories,
                               new.category)
    name = new.name.strip()
    check_name(name, root)
    values = {"title": (new.title or "").strip() or title_for(name), "owner": new.owner.strip(),
              "contact": new.contact.strip(), "category": category,
              "today": today.isoformat(), "today_long": long_date(today),
              "next_review": add_years(today, 2).isoformat(), "prefix": rule_prefix(name),
              **TEMPLATE_CLAUSES}
    values = with_yaml_values(values)
    written = []
    source = root / SOURCE_FOLDER / name
    source.mkdir(parents=True)
    for template in sorted(TEMPLATES.iterdir()):
        target = source / template.name
        target.write_text(Template(template.read_text(encoding="utf-8")).substitute(values),
                          encoding="utf-8")
        written.append(target)
    library = load_library(root / SOURCE_FOLDER)
    written.append(write_codeowners(root, library))
    return Scaffolded(written, values["title"], category, values["owner"], values["contact"],
                      library.policies[name].team(library.settings))
