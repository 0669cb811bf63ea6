"""Write the JSON Schema files editors use to check policy sources: `make schemas`.

    python scripts/schemas.py [--check]

With --check, writes nothing and exits 1 if a file is missing or out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_library.schemas import SCHEMA_FOLDER, schema_texts  # noqa: E402

FOLDER = ROOT / "policy_source" / SCHEMA_FOLDER


def stale(folder: Path = FOLDER) -> list[str]:
    """Names of the schema files that are missing or differ from the models."""
    return [name for name, text in schema_texts().items()
            if not (folder / name).is_file()
            or (folder / name).read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale()
        for name in out_of_date:
            print(f"policy_source/{SCHEMA_FOLDER}/{name} does not match the models in "
                  "policy_library/models.py. Run `make schemas` and commit the result.", file=sys.stderr)
        return 1 if out_of_date else 0
    FOLDER.mkdir(exist_ok=True)
    for name, text in schema_texts().items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    expected = set(schema_texts())
    for extra in FOLDER.glob("*.schema.json"):
        if extra.name not in expected:
            extra.unlink()
    print(f"Wrote {len(expected)} schemas to policy_source/{SCHEMA_FOLDER}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
