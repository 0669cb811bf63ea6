"""Record a new version of a policy: `make release VERSION=1.1 DATE=... DECIDED_BY=... SUMMARY=...`

Adds the version to the bottom of history.yml, the one place a version's number, status
and dates are written, and sets the review dates in the policy's front matter. Then it
checks the whole policy. If anything is wrong, both files are put back as they were and
nothing changes.

    python scripts/release.py --version 1.1 --date 2027-01-15 \\
        --decided-by "Personnel Committee" --summary "What changed, in a sentence or two." \\
        [--policy social-media] [--effective-from 2027-02-01] [--next-review 2029-01-15]

The release is then committed and merged like any other change; CI publishes it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.checks import version_key  # noqa: E402
from policy_library.errors import SourceError, quoted_list  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.models import Policy  # noqa: E402

SOURCE = ROOT / "policy_source"
REVIEW_AFTER_YEARS = 2  # the next review, unless --next-review says otherwise
_VERSION = re.compile(r"\d+(\.\d+)*")
_KEY = re.compile(r"([A-Za-z_]+):")


class ReleaseError(Exception):
    """A release that cannot be made, with what to do instead."""


def print_answer(answer: Callable[[], str]) -> int:
    """For the commands that answer a question about the policies (in-force, compare): print
    the answer, or say what is wrong (in the sources, or in the question) and return 1."""
    try:
        print(answer())
    except SourceError as error:
        print(f"Problem found in {error}", file=sys.stderr)
        return 1
    except ReleaseError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


# -- reading the command line -----------------------------------------------------------------

def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a date written YYYY-MM-DD, such as 2027-01-15") from None


def _version(value: str) -> str:
    if not _VERSION.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a version number. Use numbers and dots, such as 1.1")
    return value


def _text(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise argparse.ArgumentTypeError("it is empty")
    return value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Record a new version of a policy in policy.md and history.yml.",
        epilog="From make: make release VERSION=1.1 DATE=2027-01-15 "
               "DECIDED_BY=\"Personnel Committee\" SUMMARY=\"What changed.\"")
    parser.add_argument("--version", required=True, type=_version,
                        help="the new version number, such as 1.1 (make: VERSION=)")
    parser.add_argument("--date", required=True, type=iso_date,
                        help="the date of the decision, YYYY-MM-DD (make: DATE=)")
    parser.add_argument("--decided-by", required=True, type=_text,
                        help="the committee or role that decided (make: DECIDED_BY=)")
    parser.add_argument("--summary", required=True, type=_text,
                        help="what changed, in a sentence or two (make: SUMMARY=)")
    parser.add_argument("--policy", help="the policy's folder name; needed only when the "
                        "library has more than one policy (make: POLICY=)")
    parser.add_argument("--effective-from", type=iso_date, help="the day the version takes "
                        "effect, if later than the decision (make: EFFECTIVE=)")
    parser.add_argument("--next-review", type=iso_date, help="when the next review is due; "
                        f"{REVIEW_AFTER_YEARS} years after the decision unless given "
                        "(make: NEXT_REVIEW=)")
    return parser.parse_args(argv)


# -- deciding ---------------------------------------------------------------------------------

def choose_policy(policies: dict[str, Policy], name: str | None) -> Policy:
    if name is None:
        if len(policies) == 1:
            return next(iter(policies.values()))
        raise ReleaseError(
            "The library has more than one policy, so say which one: add "
            f"POLICY=<folder> (one of {quoted_list(policies)}).")
    if name not in policies:
        raise ReleaseError(f"There is no policy folder '{name}'. Use one of "
                           f"{quoted_list(policies)}.")
    return policies[name]


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def refuse_out_of_order(policy: Policy, version: str, date: dt.date, effective: dt.date,
                        next_review: dt.date) -> None:
    entries = policy.history.entries
    current = policy.history.current
    if any(entry.version == version for entry in entries):
        raise ReleaseError(
            f"Version {version} is already in the version history of the {policy.meta.title}. "
            f"Each version number is used once: the current version is {current.version}, "
            "so choose a higher number.")
    if version_key(version) < version_key(current.version):
        raise ReleaseError(
            f"Version {version} would come before the current version {current.version}. "
            f"A new version needs a higher number than {current.version}.")
    if date < current.date:
        raise ReleaseError(
            f"The date {date} is before {current.date}, the date of the current version "
            f"{current.version}. Check the date of the decision.")
    if effective < date:
        raise ReleaseError(
            f"The version cannot take effect on {effective}, before it was decided on {date}.")
    started = [entry.in_force_from for entry in entries if entry.in_force_from]
    if started and effective <= max(started):
        raise ReleaseError(
            f"The version would take effect on {effective}, but the version before it only "
            f"took effect on {max(started)}. Give a later effective date.")
    if next_review <= date:
        raise ReleaseError(f"The next review ({next_review}) must come after the decision "
                           f"({date}).")


# -- editing the sources ----------------------------------------------------------------------

def yaml_text(value: str) -> str:
    """A string as a YAML value on one line, quoted only when YAML needs it."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return dumped.removesuffix("\n...\n").strip()


def set_front_matter(text: str, values: dict[str, str | None]) -> str:
    """Set (or, for None, remove) top-level keys in a Markdown file's front matter, keeping
    every other line, comment and the order as they are. New keys go at the end."""
    lines = text.splitlines(keepends=True)
    end = next(index for index in range(1, len(lines)) if lines[index].strip() == "---")
    out, seen, index = [lines[0]], set(), 1
    while index < end:
        following = index + 1
        while following < end and lines[following].startswith((" ", "\t")):
            following += 1  # the lines of a value that continues below its key
        match = _KEY.match(lines[index])
        if match and match.group(1) in values:
            key = match.group(1)
            seen.add(key)
            if values[key] is not None:
                out.append(f"{key}: {values[key]}\n")
        else:
            out.extend(lines[index:following])
        index = following
    out.extend(f"{key}: {value}\n" for key, value in values.items()
               if value is not None and key not in seen)
    return "".join(out + lines[end:])


def history_entry(version: str, date: dt.date, decided_by: str, summary: str,
                  effective: dt.date) -> str:
    lines = [f'- version: "{version}"', f"  date: {date.isoformat()}", "  status: in force",
             f"  decided_by: {yaml_text(decided_by)}"]
    if effective != date:
        lines.append(f"  effective_from: {effective.isoformat()}")
    lines.append("  changes: >-")
    lines.extend(textwrap.wrap(summary, width=88, initial_indent="    ",
                               subsequent_indent="    ", break_on_hyphens=False))
    return "\n".join(lines) + "\n"


def release(args: argparse.Namespace, source: Path = SOURCE) -> Policy:
    library = load_library(source)
    policy = choose_policy(library.policies, args.policy)
    effective = args.effective_from or args.date
    next_review = args.next_review or _years_after(args.date, REVIEW_AFTER_YEARS)
    refuse_out_of_order(policy, args.version, args.date, effective, next_review)

    folder = source / policy.slug
    policy_path, history_path = folder / "policy.md", folder / "history.yml"
    originals = {path: path.read_text(encoding="utf-8") for path in (policy_path, history_path)}
    new_policy = set_front_matter(originals[policy_path], {
        "last_reviewed": args.date.isoformat(),
        "next_review": next_review.isoformat(),
    })
    history = originals[history_path].rstrip("\n") + "\n\n" + history_entry(
        args.version, args.date, args.decided_by, args.summary, effective)
    try:
        policy_path.write_text(new_policy, encoding="utf-8")
        history_path.write_text(history, encoding="utf-8")
        return load_library(source).policies[policy.slug]
    except BaseException:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        raise


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        policy = release(args)
    except SourceError as error:
        print(f"Nothing was changed. The release would leave this problem:\n{error}",
              file=sys.stderr)
        return 1
    except ReleaseError as error:
        print(f"Nothing was changed. {error}", file=sys.stderr)
        return 1
    meta = policy.meta
    print(f"Recorded version {meta.version} of the {meta.title}, in force from "
          f"{meta.effective_from}, next review due {meta.next_review}.\n"
          f"  Updated policy_source/{policy.slug}/history.yml and the review dates in "
          "policy.md.\n"
          "  Next: check the wording changes are in policy.md, preview with 'make serve',\n"
          "  then commit and open a pull request. When it is merged, CI publishes version "
          f"{meta.version}\n  beside the earlier versions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
