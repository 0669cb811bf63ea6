"""Everything that differs between two versions of a policy:
`make compare POLICY=social-media FROM=1.0 TO=1.2`

Prints what the published comparison page shows (policy_library.compare): the key facts, each
clause, each do and don't rule, each question and answer, and the equality impact assessment,
with removed words in [-brackets-] and added words in {+braces+}. FROM and TO are published
versions (git tags such as social-media/1.0); without TO, FROM is compared with the policy's
sources as they are now.

    python scripts/compare.py social-media 1.0 [1.2]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.checks import version_key  # noqa: E402
from policy_library.compare import (PARTS, FieldChange, ItemChange,  # noqa: E402
                                    PolicyComparison, compare_policies, diff_paragraphs)
from policy_library.errors import quoted_list  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.models import Policy  # noqa: E402
from policy_library.published import policy_at, tag_name, tagged_versions  # noqa: E402
from release import ReleaseError, choose_policy, print_answer  # noqa: E402

_MARKS = {"same": ("", ""), "removed": ("[-", "-]"), "added": ("{+", "+}")}


def marked(old: str, new: str) -> str:
    """Old and new wording as one text, each change marked in place."""
    return "\n      ".join(
        " ".join(f"{_MARKS[kind][0]}{' '.join(words)}{_MARKS[kind][1]}" for kind, words in runs)
        for runs in diff_paragraphs(old, new))


def field_lines(field: FieldChange) -> list[str]:
    if field.prose:
        return [f"    {field.name}:", f"      {marked(field.old, field.new)}"]
    old = f"[-{field.old}-]" if field.old else ""
    new = f"{{+{field.new}+}}" if field.new else ""
    return [f"    {field.name}: {' '.join(part for part in (old, new) if part)}"]


def item_lines(change: ItemChange, noun: str) -> list[str]:
    lines = [f"  {noun}{change.title}: {change.kind}"]
    for field in change.fields:
        lines.extend(field_lines(field))
    return lines


def report(comparison: PolicyComparison, title: str) -> str:
    lines = [f"{title}: version {comparison.new_version} compared with version "
             f"{comparison.old_version}"]
    if comparison.unchanged:
        return lines[0] + "\nNothing a reader relies on changed between these versions."

    clauses = []
    for change in comparison.clauses.changes:
        clause = change.clause
        was = (f" (was {change.old.number})" if change.old and change.new
               and change.old.number != clause.number else "")
        clauses.append(f"  {clause.number} {clause.title}{was}: {change.kind}")
        if change.kind != "renumbered":
            if change.old and change.new and change.old.title != clause.title:
                clauses.append(f"    Title: [-{change.old.title}-] {{+{clause.title}+}}")
            old = change.old.text if change.old else ""
            new = change.new.text if change.new else ""
            clauses.append(f"      {marked(old, new)}")
    parts = {
        "facts": [line for field in comparison.facts for line in field_lines(field)],
        "clauses": clauses,
        "rules": [line for change in comparison.rules for line in item_lines(change, "Rule ")],
        "faqs": [line for change in comparison.faqs for line in item_lines(change, "")],
        "eia": [*(line for field in comparison.eia for line in field_lines(field)),
                *(line for change in comparison.characteristics
                  for line in item_lines(change, "")),
                *(line for change in comparison.consulted
                  for line in item_lines(change, "Consulted: "))],
    }
    for key, heading, what in PARTS:
        lines.extend(["", heading, *(parts[key] or [f"  No changes to {what}."])])
    return "\n".join(lines)


def version_of(policy: Policy, version: str, published: tuple[str, ...]) -> Policy:
    if version not in published:
        listed = quoted_list(published) if published else "none yet"
        raise ReleaseError(
            f"Version {version} of the {policy.meta.title} has not been published (there is no "
            f"git tag {tag_name(policy.slug, version)}). Published versions: {listed}.")
    return policy_at(ROOT, policy.slug, version)


def compared(policy: str, earlier: str, later: str) -> str:
    """The report of `policy` version `earlier` against `later` (or the sources now)."""
    if not earlier:
        raise ReleaseError("Say which version to compare from, for example FROM=1.0.")
    current = choose_policy(load_library(ROOT / "policy_source").policies, policy or None)
    published = tagged_versions(ROOT).get(current.slug, ())
    old = version_of(current, earlier, published)
    new = version_of(current, later, published) if later else current
    if version_key(old.meta.version) > version_key(new.meta.version):
        old, new = new, old  # always earlier to later, as the pages show it
    return report(compare_policies(old, new), current.meta.title)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policy", help="the policy's folder name, such as social-media")
    parser.add_argument("old", metavar="FROM", help="the earlier version, such as 1.0")
    parser.add_argument("new", metavar="TO", nargs="?", default="",
                        help="the later version (default: the sources as they are now)")
    args = parser.parse_args(argv)
    return print_answer(lambda: compared(args.policy, args.old, args.new))


if __name__ == "__main__":
    sys.exit(main())
