"""Which version of each policy applied on a given day: `make in-force DATE=2021-03-01`

Answers for every policy in the library (or one, with --policy) from the effective dates in
history.yml, the same way the library's "Which version applied on a date" page does, and
says where each answer is published.

    python scripts/in_force.py 2021-03-01 [--policy social-media]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.dates import long_date  # noqa: E402
from policy_library.inforce import in_force_periods, version_on  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.models import Policy  # noqa: E402
from policy_library.published import tag_name, tagged_versions  # noqa: E402
from release import choose_policy, iso_date, print_answer  # noqa: E402


def answer_for(policy: Policy, day, published: tuple[str, ...]) -> str:
    title = policy.meta.title
    period = version_on(policy.history, day)
    if period is None:
        periods = in_force_periods(policy.history)
        if periods and day < periods[0].start:
            text = (f"No version of the {title} applied on {long_date(day)}: the first took "
                    f"effect on {long_date(periods[0].start)}.")
            if policy.meta.supersedes:
                text += f" The {policy.meta.supersedes} applied instead."
            return text
        return f"No version of the {title} applied on {long_date(day)}."
    until = (f"to {long_date(period.end)}" if period.end
             else "and still applies, as far as these sources know")
    text = (f"Version {period.version} of the {title} applied on {long_date(day)}. "
            f"It applied from {long_date(period.start)} {until}.")
    if period.version in published:
        text += (f"\n  Published at {policy.slug}/{period.version}/ in the policy library; "
                 f"its source is git tag {tag_name(policy.slug, period.version)}.")
    else:
        text += "\n  That version has not been published in the policy library."
    return text


def answer(day, policy_name: str | None) -> str:
    policies = load_library(ROOT / "policy_source").policies
    chosen = ([choose_policy(policies, policy_name)] if policy_name else
              sorted(policies.values(), key=lambda policy: policy.meta.title))
    tags = tagged_versions(ROOT)
    return "\n".join(answer_for(policy, day, tags.get(policy.slug, ())) for policy in chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("date", type=iso_date, help="the day to ask about, YYYY-MM-DD")
    parser.add_argument("--policy", help="one policy's folder name (default: every policy)")
    args = parser.parse_args(argv)
    return print_answer(lambda: answer(args.date, args.policy))


if __name__ == "__main__":
    sys.exit(main())
