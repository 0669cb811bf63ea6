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

TEMPLATES = Path(__file__).resolve().parent / "templates" / "new-policy"
#: What the new policy starts with, unless the command says otherwise.
DEFAULT_OWNER = "Strategic Director of Corporate Resources"
DEFAULT_CONTACT = "Human Resources"


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
    categories = load_library(root / SOURCE_FOLDER).settings.categories
    category = (new.category or "").strip() or categories[0]
    if category not in categories:
        raise ScaffoldError(f"'{category}' is not one of the library's categories: "
                            f"{', '.join(categories)}. Use one of those, or add it to "
                            "'categories:' in policy_source/library.yml first.")
    name = new.name.strip()
    check_name(name, root)
    values = {"title": (new.title or "").strip() or title_for(name), "owner": new.owner.strip(),
              "contact": new.contact.strip(), "category": category,
              "today": today.isoformat(), "today_long": long_date(today),
              "next_review": add_years(today, 2).isoformat(), "prefix": rule_prefix(name)}
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
