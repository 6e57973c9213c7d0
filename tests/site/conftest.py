"""Fixtures of the site tests: the Cambodia site built once, and one headless Chromium."""

import datetime
import shutil
import time
from pathlib import Path

import pytest

from civicspace import site

CHROMIUM = Path("/usr/bin/chromium")
#: Chromium as CI runs it: no sandbox (root in a container), nothing fetched in the background.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: The day the test sites say which laws are in force on, so that they build the same each run.
TODAY = datetime.date(2024, 1, 1)
#: The processor time the session's Cambodia build took.
BUILD_SECONDS: list[float] = []


@pytest.fixture(scope="session")
def cambodia_site(tmp_path_factory, cambodia):
    """The Cambodia site, built once: ``(folder, paths written)``; its time in BUILD_SECONDS."""
    out = tmp_path_factory.mktemp("cambodia-site")
    started = time.process_time()
    written = site.build_site(cambodia, out, today=TODAY)
    BUILD_SECONDS.append(time.process_time() - started)
    return out, written


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for a module of tests (Debian's package; never a download).

    Module-scoped, not session-scoped: Playwright's synchronous API keeps an event loop
    running in the thread until it stops, and tests that run later in the same worker
    (``asyncio.run`` in the web-endpoint how-to) need the thread without one.
    """
    if shutil.which(str(CHROMIUM)) is None:
        pytest.skip(
            f"no browser at {CHROMIUM}: install Debian's Chromium with "
            "`apt-get update && apt-get install -y chromium` to run the browser tests"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console messages, page errors, failed requests and dialogs."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on(
        "console",
        lambda message: (
            opened.problems.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    opened.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
    opened.on(
        "requestfailed",
        lambda request: opened.problems.append(f"failed request: {request.url}"),
    )
    opened.on(
        "dialog",
        lambda dialog: (opened.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()),
    )
    yield opened
    context.close()
