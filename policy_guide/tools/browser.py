"""The browser `make pdf`, `make publish` and the browser tests use: Debian's chromium, driven by Playwright.

Playwright's own browser download is never used (it reaches the internet); the system's chromium
is started with the flags that stop it calling Google's services. `serve_folder` serves a built
site on 127.0.0.1, because Material's search does not work from file:// addresses.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

#: Where chromium is looked for, in order, when CHROMIUM is not set. GitHub's Ubuntu runners
#: have Google Chrome; Debian calls its package chromium.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Headless, and nothing sent anywhere: no sync, updates, first-run pages or QUIC probes.
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
)

INSTALL_HINT = ("Install it with `sudo apt-get install chromium` (Debian) or point the "
                "CHROMIUM environment variable at a Chrome or Chromium program.")


class BrowserMissing(RuntimeError):
    """No chromium on this machine."""


def find_chromium() -> str:
    """The chromium program to run, or BrowserMissing saying how to install one."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        if Path(chosen).is_file() and os.access(chosen, os.X_OK):
            return chosen
        raise BrowserMissing(f"CHROMIUM is set to {chosen}, which is not a program. "
                             + INSTALL_HINT)
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserMissing("No chromium browser was found on this machine. " + INSTALL_HINT)


def launch(playwright, executable: str | None = None):
    """Start headless chromium under Playwright."""
    return playwright.chromium.launch(executable_path=executable or find_chromium(),
                                      args=list(CHROMIUM_ARGS), headless=True)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free port of 127.0.0.1; yields its address, ending in '/'."""
    handler = partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    # `python3 -m policy_guide.tools.browser`: print the browser that would be used, or say how
    # to get one. .ci/run asks this before anything is installed (with the system Python:
    # only the standard library is needed, here and in the package's __init__ files).
    import sys

    try:
        print(find_chromium())
    except BrowserMissing as missing:
        print(missing, file=sys.stderr)
        sys.exit(1)
