"""Write .github/CODEOWNERS from the library: each policy's folders belong to its team.

GitHub asks the owning team to review any pull request that changes its policy's source
(policy_source/<policy>/). The team is the policy's
'owning_team', or the library's 'default_team' (policy_source/library.yml).

    python scripts/codeowners.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.errors import SourceError  # noqa: E402
from policy_library.loader import load_library  # noqa: E402
from policy_library.models import Library  # noqa: E402

CODEOWNERS = ROOT / ".github" / "CODEOWNERS"


def codeowners_text(library: Library) -> str:
    lines = [
        "# Who must review a change to each policy. Made by `make codeowners` from",
        "# policy_source/library.yml and each policy's front matter: do not edit by hand.",
        "",
        "# Settings and abbreviations shared by every policy",
        f"/policy_source/library.yml {library.settings.default_team}",
        f"/policy_source/glossary.yml {library.settings.default_team}",
    ]
    for slug, policy in library.policies.items():
        team = policy.team(library.settings)
        lines += ["", f"# {policy.meta.title} (owner: {policy.meta.owner})",
                  f"/policy_source/{slug}/ {team}", f"/docs/{slug}/ {team}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if CODEOWNERS is out of date")
    args = parser.parse_args(argv)
    try:
        text = codeowners_text(load_library(ROOT / "policy_source"))
    except SourceError as error:
        print(f"Problem found in {error}", file=sys.stderr)
        return 1
    current = CODEOWNERS.read_text(encoding="utf-8") if CODEOWNERS.is_file() else ""
    if args.check:
        if current != text:
            print(".github/CODEOWNERS does not match the policies' owning teams. Run "
                  "`make codeowners` and commit the result.", file=sys.stderr)
            return 1
        return 0
    CODEOWNERS.write_text(text, encoding="utf-8")
    print("Wrote .github/CODEOWNERS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
