"""A time limit on building one page, so that no source can hold the build hostage.

The guide's own steps take time in proportion to what they read. The Markdown reader the
site uses (Python-Markdown) does not always: a few kilobytes of some unusual text (hundreds
of '[' in a row, say) take it minutes. The sources are checked for what can be named (size,
nesting, aliases: sourcefiles.py, structure.py); this is the limit for everything else. The
MkDocs hook starts it before a page is rendered and ends it when the page is checked; a page
that runs over stops the build with a message naming its source.

Only the main thread can be interrupted this way. `make serve` rebuilds in another thread,
so a preview has no limit; every build that is published (make build, make publish, CI)
runs in the main thread.
"""

from __future__ import annotations

import signal
import threading


class PageTooSlow(SystemExit):
    """The page ran over its time. A SystemExit, so that no plugin's error handling turns it
    into a traceback: MkDocs stops, and the message is all that is printed."""


_ACTIVE: dict[str, str] = {}


def _stop(signum, frame) -> None:
    raise PageTooSlow(_ACTIVE.get("message", "A page took too long to build."))


def start(seconds: int, message: str) -> None:
    """Limit what happens from now until `stop()` to `seconds`; past it, stop the build
    with `message`. Does nothing outside the main thread."""
    if threading.current_thread() is not threading.main_thread():
        return
    _ACTIVE["message"] = message
    signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def stop() -> None:
    if threading.current_thread() is threading.main_thread():
        signal.setitimer(signal.ITIMER_REAL, 0)
        _ACTIVE.clear()
