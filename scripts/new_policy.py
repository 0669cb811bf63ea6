"""Start a new policy: `make new-policy NAME=flexible-working [TITLE="..."] [OWNER="..."]`.

Writes a draft policy that builds and passes every check straight away:

    policy_source/<name>/    policy.md, rules.yml, faqs.md, eia.md, history.yml (a draft,
                             from scripts/templates/new-policy/)
    docs/<name>/             the policy's pages, each placing a shared page body
    mkdocs.yml               the policy's pages in the menu
    .github/CODEOWNERS       the policy's folders, for its owning team

The policy owner then replaces the draft wording, following "Changing the guide".
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from string import Template

from codeowners import CODEOWNERS, codeowners_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.errors import SourceError  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.dates import long_date  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent / "templates" / "new-policy"
NAV_MARKER = "  # End of policies"
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
#: Folder names the guide already uses for something else.
RESERVED = {"schemas", "includes", "overrides", "owners", "assets", "glossary", "search"}


class ScaffoldError(Exception):
    """A reason the new policy cannot be written, in words for the person running it."""

    def __str__(self) -> str:
        return f"the command:\n  {self.args[0]}"


#: Every policy's pages: (menu title, file in docs/<name>/, its front matter). The body of
#: each page is shared by every policy: docs/includes/policy/<file>.
POLICY_PAGES: tuple[tuple[str | None, str, str], ...] = (
    (None, "index.md", "source: policy.md"),
    ("The policy", "policy.md", "source: policy.md"),
    ("Quick guide", "quick-guide.md",
     "source: rules.yml\nsearch:\n  boost: 3   # a search for a rule's words should find the rule "
     "first"),
    ("Printable quick card", "quick-card.md",
     "source: rules.yml\nsearch:\n  exclude: true   # the same rules as the quick guide, which "
     "is what search should find"),
    ("Questions and answers", "faqs.md", "source: faqs.md"),
    ("Equality impact assessment", "eia.md", "source: eia.md"),
    ("Version history", "history.md", "source: history.yml"),
    ("What changed", "changes.md",
     "source: policy.md\nsearch:\n  exclude: true   # quotes old and new wording; search should "
     "find the policy itself"),
    ("Which version applied when", "in-force.md", "source: history.yml"),
)


def page_text(file_name: str, front_matter: str) -> str:
    return f'---\n{front_matter}\n---\n\n{{% include "policy/{file_name}" %}}\n'


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


def nav_block(name: str, title: str) -> str:
    lines = [f"  - {title}:"]
    for menu_title, file_name, _ in POLICY_PAGES:
        entry = f"{name}/{file_name}"
        lines.append(f"      - {menu_title}: {entry}" if menu_title else f"      - {entry}")
    return "\n".join(lines) + "\n"


def check_name(name: str, root: Path) -> None:
    if not NAME.match(name):
        raise ScaffoldError(
            f"'{name}' cannot be a policy's folder name. Use lower-case letters, numbers and "
            "hyphens, starting with a letter, such as NAME=flexible-working.")
    if name in RESERVED:
        raise ScaffoldError(f"'{name}' is already used by the guide. Choose another name.")
    for folder in (root / "policy_source" / name, root / "docs" / name):
        if folder.exists():
            raise ScaffoldError(
                f"{folder.relative_to(root)}/ already exists, so there is already a policy "
                f"called '{name}'. Choose another name, or edit that policy.")


def scaffold(root: Path, name: str, title: str, owner: str, contact: str,
             today: dt.date) -> list[Path]:
    """Write the new policy's files under `root`; return them."""
    check_name(name, root)
    config = root / "mkdocs.yml"
    config_text = config.read_text(encoding="utf-8")
    if NAV_MARKER not in config_text:
        raise ScaffoldError(
            f"mkdocs.yml has lost the line '{NAV_MARKER.strip()}' that marks where new "
            "policies go in the menu. Put it back after the last policy's pages.")
    values = {"title": title, "owner": owner, "contact": contact, "today": today.isoformat(),
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
    pages = root / "docs" / name
    pages.mkdir(parents=True)
    for _, file_name, front_matter in POLICY_PAGES:
        target = pages / file_name
        target.write_text(page_text(file_name, front_matter), encoding="utf-8")
        written.append(target)
    at = config_text.index(NAV_MARKER)
    config.write_text(config_text[:at] + nav_block(name, title) + config_text[at:],
                      encoding="utf-8")
    written.append(config)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the folder name, such as flexible-working")
    parser.add_argument("--title", help="the policy's name (default: from the folder name)")
    parser.add_argument("--owner", default="Strategic Director of Corporate Resources",
                        help="the role that owns the policy")
    parser.add_argument("--contact", default="Human Resources",
                        help="the team or role staff should ask about the policy")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    name = args.name.strip()
    title = (args.title or "").strip() or title_for(name)
    try:
        # The library must be sound before anything is written: a mistake found afterwards
        # would leave a half-added policy behind.
        load_library(args.root / "policy_source")
        written = scaffold(args.root, name, title, args.owner.strip(), args.contact.strip(),
                           dt.date.today())
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
