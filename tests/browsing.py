"""Launching Debian's chromium (scripts/ensure_chromium.sh installs it) with Playwright, for the browser tests.

Playwright's own browser download does not work here, so the tests point it at /usr/bin/chromium. The
flags keep chromium from reaching out to the network, which this machine does not have.
"""

import os
from contextlib import contextmanager

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium():
    """A launched browser; a missing chromium fails the test rather than skipping it unseen."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is missing: run scripts/ensure_chromium.sh (make browser-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def record_problems(tab) -> list[str]:
    """Console errors and page errors of a tab (e.g. a stylesheet blocked by the Content-Security-Policy)."""
    problems: list[str] = []
    tab.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    return problems
