"""A real headless Chromium for the page tests (Debian's ``chromium``, driven by playwright
with ``executable_path``; no browser download). Tests skip, with the reason, where either is
missing (``.ci/run`` installs chromium with apt-get)."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

import pytest

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def chromium_path() -> str | None:
    for p in (os.environ.get("TEXTMINE_CHROMIUM"), "/usr/bin/chromium",
              shutil.which("chromium"), shutil.which("chromium-browser")):
        if p and os.path.isfile(p) and os.access(p, os.X_OK):
            return p
    return None


@contextmanager
def browser():
    """A launched browser, or a skip saying what is missing."""
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    sync = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install playwright)")
    with sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page whose console errors, page errors, dialogs and network requests are kept."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: self.requests.append(r.url))
