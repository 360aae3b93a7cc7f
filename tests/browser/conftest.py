"""Browser tests: Playwright (Python) driving Debian's Chromium, never a downloaded browser."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls that fixtures make there are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium package.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def live_portal(live_server, transactional_db):
    """A live server over a bootstrapped portal (the transactional database starts empty after a flush)."""
    from conftest import bootstrap

    bootstrap()
    return live_server


@pytest.fixture
def page(browser, live_portal):
    context = browser.new_context(base_url=live_portal.url, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()
