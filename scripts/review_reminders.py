"""Open a reminder issue for each policy whose review is due soon or overdue.

Run weekly by .github/workflows/review-reminders.yml, which gives it the GitHub CLI (`gh`)
and a token allowed to open issues. Each reminder names the policy's owner (a role) and
mentions its owning team, so the team is notified. A policy gets one open reminder for each
review date: if one is already open, nothing new is opened.

    python scripts/review_reminders.py [--today YYYY-MM-DD] [--dry-run]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.errors import SourceError  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.dates import long_date  # noqa: E402
from policy_library.review import Review, ReviewState, reviews  # noqa: E402


def issue_title(review: Review) -> str:
    meta = review.policy.meta
    return f"Review the {meta.title}: due {long_date(meta.next_review)}"


def issue_body(review: Review) -> str:
    meta = review.policy.meta
    slug = review.policy.slug
    state = ("is overdue" if review.state is ReviewState.OVERDUE
             else f"is due in {review.days} days")
    lines = [
        f"{review.team}: the review of the **{meta.title}** (version {meta.version}) {state}.",
        "",
        f"- Owner: {meta.owner}",
        f"- Next review date: {long_date(meta.next_review)}",
        f"- Source: `policy_source/{slug}/`",
    ]
    if review.allowed_because:
        lines.append(f"- Overdue allowed in `policy_source/library.yml`: {review.allowed_because}")
    lines += [
        "",
        "When the review is done, record the reviewed version with `make release` and a new "
        "`NEXT_REVIEW` date, as the guide for policy owners explains (Changing the guide, "
        "\"Releasing a new version\"). Close this issue when it is published.",
    ]
    return "\n".join(lines)


def open_titles(gh: str) -> set[str]:
    listed = subprocess.run(
        [gh, "issue", "list", "--state", "open", "--limit", "500", "--json", "title"],
        capture_output=True, text=True, check=True)
    return {issue["title"] for issue in json.loads(listed.stdout or "[]")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--dry-run", action="store_true",
                        help="print the reminders instead of opening issues")
    parser.add_argument("--gh", default="gh", help="the GitHub CLI to use")
    args = parser.parse_args(argv)
    try:
        library = load_library(ROOT / "policy_source")
    except SourceError as error:
        print(f"Problem found in {error}", file=sys.stderr)
        return 1
    due = [review for review in reviews(library, args.today)
           if review.state is not ReviewState.CURRENT]
    if not due:
        print("No policy is due for review.")
        return 0
    existing = set() if args.dry_run else open_titles(args.gh)
    for review in due:
        title = issue_title(review)
        if title in existing:
            print(f"Already open: {title}")
        elif args.dry_run:
            print(f"Would open: {title}\n{issue_body(review)}\n")
        else:
            subprocess.run([args.gh, "issue", "create", "--title", title,
                            "--body", issue_body(review)], check=True)
            print(f"Opened: {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
