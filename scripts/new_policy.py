"""Start a new policy: `make new-policy NAME=flexible-working [TITLE="..."] [OWNER="..."]`.

Writes a draft policy that builds and passes every check straight away:

    policy_source/<name>/    policy.md, rules.yml, faqs.md, eia.md, history.yml (a draft,
                             from scripts/templates/new-policy/)
    .github/CODEOWNERS       the policy's folder, for its owning team

Nothing else: the policy's pages and its part of the menu come from its folder (see
docs/overrides/hooks/library.py).

The policy owner then replaces the draft wording, following "Changing the guide".
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from string import Template

from codeowners import CODEOWNERS, codeowners_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.errors import SourceError  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.dates import long_date  # noqa: E402
from policy_library.layout import POLICY_NAME, RESERVED_NAMES  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent / "templates" / "new-policy"


class ScaffoldError(Exception):
    """A reason the new policy cannot be written, in words for the person running it."""

    def __str__(self) -> str:
        return f"the command:\n  {self.args[0]}"


def title_for(name: str) -> str:
    return " ".join(word.capitalize() for word in name.split("-")) + " Policy"


def rule_prefix(name: str) -> str:
    """Capital letters for rule codes: flexible-working -> FW, grievance -> GR."""
    initials = [word[0] for word in name.split("-") if word[0].isalpha()][:4]
    if len(initials) < 2:
        initials = [letter for letter in name if letter.isalpha()][:2]
    return "".join(initials).upper()


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check_name(name: str, root: Path) -> None:
    if not POLICY_NAME.fullmatch(name):
        raise ScaffoldError(
            f"'{name}' cannot be a policy's folder name. Use lower-case letters, numbers and "
            "hyphens, starting with a letter, such as NAME=flexible-working.")
    if name in RESERVED_NAMES:
        raise ScaffoldError(f"'{name}' is already used by the guide. Choose another name.")
    for folder in (root / "policy_source" / name,):
        if folder.exists():
            raise ScaffoldError(
                f"{folder.relative_to(root)}/ already exists, so there is already a policy "
                f"called '{name}'. Choose another name, or edit that policy.")


def scaffold(root: Path, name: str, title: str, owner: str, contact: str, category: str,
             today: dt.date) -> list[Path]:
    """Write the new policy's files under `root`; return them."""
    check_name(name, root)
    values = {"title": title, "owner": owner, "contact": contact, "category": category,
              "today": today.isoformat(),
              "today_long": long_date(today), "next_review": add_years(today, 2).isoformat(),
              "prefix": rule_prefix(name)}
    written = []
    source = root / "policy_source" / name
    source.mkdir(parents=True)
    for template in sorted(TEMPLATES.iterdir()):
        target = source / template.name
        target.write_text(Template(template.read_text(encoding="utf-8")).substitute(values),
                          encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the folder name, such as flexible-working")
    parser.add_argument("--title", help="the policy's name (default: from the folder name)")
    parser.add_argument("--owner", default="Strategic Director of Corporate Resources",
                        help="the role that owns the policy")
    parser.add_argument("--contact", default="Human Resources",
                        help="the team or role staff should ask about the policy")
    parser.add_argument("--category", help="the policy's category, one of 'categories' in "
                        "policy_source/library.yml (default: the first)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    name = args.name.strip()
    title = (args.title or "").strip() or title_for(name)
    try:
        # The library must be sound before anything is written: a mistake found afterwards
        # would leave a half-added policy behind.
        categories = load_library(args.root / "policy_source").settings.categories
        category = (args.category or "").strip() or categories[0]
        if category not in categories:
            raise ScaffoldError(f"'{category}' is not one of the library's categories: "
                                f"{', '.join(categories)}. Use one of those, or add it to "
                                "'categories:' in policy_source/library.yml first.")
        written = scaffold(args.root, name, title, args.owner.strip(), args.contact.strip(),
                           category, dt.date.today())
        library = load_library(args.root / "policy_source")
    except (ScaffoldError, SourceError) as error:
        print(f"Could not start the policy. Problem found in {error}", file=sys.stderr)
        return 1
    codeowners = args.root / CODEOWNERS.relative_to(ROOT)
    codeowners.parent.mkdir(exist_ok=True)
    codeowners.write_text(codeowners_text(library), encoding="utf-8")
    written.append(codeowners)
    print(f"Started the {title} as a draft (version 0.1). Files written:")
    for path in written:
        print(f"  {path.relative_to(args.root)}")
    print(f"\nNext: replace the draft wording in policy_source/{name}/, preview it with "
          "`make serve`, and check it with `make test`. 'Changing the guide' explains each "
          "file.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
