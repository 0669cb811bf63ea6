"""Stop early, with a clear message, if this Python is too old for the pinned packages."""

import sys

NEEDED = (3, 11, 5)  # pymdown-extensions 13 needs 3.11.5 or newer

if sys.version_info < NEEDED:
    found = ".".join(map(str, sys.version_info[:3]))
    sys.exit(
        f"Python {'.'.join(map(str, NEEDED))} or newer is needed; {sys.executable} is {found}.\n"
        "Install a newer Python and run the command again with it, for example:\n"
        "  make test PYTHON=python3.12"
    )
