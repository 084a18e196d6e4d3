"""Browser tests: Debian's chromium driven by Playwright against pytest-django's
live server (127.0.0.1, stopped by pytest-django at the end of the session)."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but no chromium was found.")
        pytest.skip("Browser tests need chromium (apt-get install chromium).")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make in between are plain synchronous test set-up.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site():
    from django.core.management import call_command

    with open(os.devnull, "w") as devnull:
        call_command("load_initial_data", stdout=devnull)
