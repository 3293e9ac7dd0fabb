"""A headless Chromium for pictures of the report (and for the tests that look at it).

Playwright drives it; the browser is the system's Chromium (Debian's `chromium` package, installed by
`make setup`), or the one named by $SUMMITS_CHROMIUM, or Playwright's own if `playwright install chromium`
was run. Without any, pictures are skipped with the reason, never a crash.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from typing import Iterator

CHROMIUM_ENV = "SUMMITS_CHROMIUM"
_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# No sandbox (root in containers), no GPU, and no background connections: a closed network refuses them.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


class BrowserUnavailable(RuntimeError):
    """No headless Chromium can be started here; the message says why and what to install."""


def find_chromium() -> str | None:
    """The Chromium executable to use: $SUMMITS_CHROMIUM, else the first on PATH; None for Playwright's own."""
    explicit = os.environ.get(CHROMIUM_ENV)
    if explicit:
        return explicit
    return next((found for name in _CANDIDATES if (found := shutil.which(name))), None)


@contextmanager
def headless_chromium() -> Iterator[object]:
    """A Playwright Browser; BrowserUnavailable when Playwright or a Chromium is missing."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise BrowserUnavailable("the Python package playwright is not installed (pip install playwright)") from None
    executable = find_chromium()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        except Error as error:
            where = executable or "Playwright's own Chromium"
            raise BrowserUnavailable(f"cannot start headless Chromium ({where}): {str(error).splitlines()[0]}; "
                                     f"install Debian's chromium package or set {CHROMIUM_ENV}") from None
        try:
            yield browser
        finally:
            browser.close()
