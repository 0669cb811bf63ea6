"""Which version of a policy applied on a given day: `make in-force DATE=2021-03-01`

Answers from the effective dates in history.yml, the same way the guide's "Which version
applied when" page does, and says where that version is published.

    python scripts/in_force.py 2021-03-01 [--policy social-media]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.errors import SourceError  # noqa: E402
from policy_library.inforce import in_force_periods, version_on  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.published import tag_name, tagged_versions  # noqa: E402
from policy_library.dates import long_date  # noqa: E402
from release import ReleaseError, iso_date, choose_policy  # noqa: E402


def answer(day, policy_name: str | None) -> str:
    policy = choose_policy(load_library(ROOT / "policy_source").policies, policy_name)
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
    if period.version in tagged_versions(ROOT).get(policy.slug, ()):
        text += (f"\nPublished at {period.version}/{policy.slug}/policy/ on the policy guide; "
                 f"its source is git tag {tag_name(policy.slug, period.version)}.")
    else:
        text += "\nThat version has not been published in the policy guide."
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("date", type=iso_date, help="the day to ask about, YYYY-MM-DD")
    parser.add_argument("--policy", help="the policy's folder name, if there is more than one")
    args = parser.parse_args(argv)
    try:
        print(answer(args.date, args.policy))
    except SourceError as error:
        print(f"Problem found in {error}", file=sys.stderr)
        return 1
    except ReleaseError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
