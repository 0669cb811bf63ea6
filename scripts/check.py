"""Check every policy source without building the site: `make check`.

Prints one line per policy when all is well, then where each policy stands against its
review date. Exits with status 1 on the first problem in a source file (file, line, what is
wrong, how to fix it), or when a policy's review is overdue and policy_source/library.yml
does not allow it.

    python scripts/check.py [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.errors import SourceError  # noqa: E402
from policy_library.loader import SETTINGS_FILE, load_library  # noqa: E402
from policy_library.review import ReviewState, reviews  # noqa: E402

#: What `make check` prints before each review, by its state.
REVIEW_LABELS = {
    ReviewState.CURRENT: "Review:",
    ReviewState.DUE_SOON: "Warning: review due soon:",
    ReviewState.OVERDUE: "Warning: review overdue:",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="check review dates as on this day (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    source_root = ROOT / "policy_source"
    try:
        library = load_library(source_root)
    except SourceError as error:
        print(f"Problem found in {error}", file=sys.stderr)
        return 1
    for slug, policy in library.policies.items():
        meta = policy.meta
        print(f"{slug}: {meta.title} version {meta.version} ({meta.status}) is valid: "
              f"{len(policy.sections)} sections, {len(policy.rules.rules)} rules, "
              f"{len(policy.faqs.items)} questions.")
    blocked = []
    for review in reviews(library, args.today):
        if review.blocks_checks:
            blocked.append(review)
        else:
            print(f"{REVIEW_LABELS[review.state]} {review.describe()}")
    for review in blocked:
        print(
            f"Problem found: the review is overdue.\n  {review.describe()}\n"
            f"  How to fix: release the reviewed version with a new next review date "
            f"(make release ... NEXT_REVIEW=YYYY-MM-DD), or, while the review is arranged, "
            f"add '{review.policy.slug}' under 'review: allow_overdue:' in "
            f"policy_source/{SETTINGS_FILE} with the reason.", file=sys.stderr)
    return 1 if blocked else 0


if __name__ == "__main__":
    sys.exit(main())
