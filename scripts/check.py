"""Check every policy source without building the site: `make check`.

Prints one line per policy when all is well, or the first problem (file, line, what is
wrong, how to fix it) and exits with status 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.errors import SourceError  # noqa: E402
from macros.loader import load_library  # noqa: E402


def main() -> int:
    try:
        library = load_library(ROOT / "policy_source")
    except SourceError as error:
        print(f"Problem found in {error}", file=sys.stderr)
        return 1
    for slug, policy in library.policies.items():
        meta = policy.meta
        print(f"{slug}: {meta.title} version {meta.version} ({meta.status}) is valid: "
              f"{len(policy.sections)} sections, {len(policy.rules.rules)} rules, "
              f"{len(policy.faqs.items)} questions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
