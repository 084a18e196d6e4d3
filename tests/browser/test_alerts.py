"""The e-mail alert pages as a reader sees them: the form with errors fits
the screen (320–768 px, de/ar/fa), axe finds nothing (de/ar at 360 and 1280
px), and a reader's task: from a measure sheet to "Bestätigt".

A server of this module's own (a copy of the demo): the task writes a
subscriber, and the subscription rate is raised so that the many error
submissions are not answered with 429. The confirmation link is built here
from the subscriber's row in that server's database (the mail itself is the
sending side's test)."""

import os
import sqlite3
from pathlib import Path

import pytest

from tests.browser.conftest import TIMEOUT_MS, _served_copy
from tests.browser.demo_pages import localized
from tests.browser.geometry import layout_problems
from tests.browser.test_accessibility import AXE, axe_violations, report

pytestmark = pytest.mark.browser

FORM = "/benachrichtigungen/"
SHEET = "/check-up-integration/massnahmen/7/"
FORM_ITEMS = (
    ":is(label, input:not([type=hidden]), button, a, summary, legend, "
    ".kern-error, .kern-alert .kern-title)"
    ":not(.kern-sr-only, .honeypot *)"
)


@pytest.fixture(scope="module")
def alerts_server(tmp_path_factory, worker_id):
    sites = []
    old = os.environ.get("ALERTS_SUBSCRIBE_RATE")
    os.environ["ALERTS_SUBSCRIBE_RATE"] = "1000/h"
    try:
        with _served_copy(tmp_path_factory, worker_id, prepare=sites.append) as server:
            server.site = sites[0]
            yield server
    finally:
        if old is None:
            os.environ.pop("ALERTS_SUBSCRIBE_RATE", None)
        else:
            os.environ["ALERTS_SUBSCRIBE_RATE"] = old


@pytest.fixture
def open_alerts(browser, alerts_server):
    contexts = []

    def _open(path, width, height=800, status=200, **options):
        # No smooth scrolling to the error summary (KERN's): boxes are
        # measured where they stay.
        context = browser.new_context(
            viewport={"width": width, "height": height},
            reduced_motion="reduce",
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(alerts_server.url + path, wait_until="load")
        assert response.status == status, f"{path}: HTTP {response.status}"
        return page

    yield _open
    for context in contexts:
        context.close()


def submit_with_errors(page):
    page.fill("#id_email", "wer@mailinator.com")
    page.locator("form.alerts-form button[type=submit]").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("width", [320, 360, 414, 768])
@pytest.mark.parametrize("locale", ["de", "ar", "fa"])
def test_form_with_errors_fits_the_screen(open_alerts, locale, width):
    page = open_alerts(localized(locale, FORM), width)
    page.fill("#id_email", "keine adresse")  # and no topic chosen
    page.locator("form.alerts-form button[type=submit]").click()
    page.wait_for_load_state("load")
    summary = page.locator(".form-error-summary")
    assert summary.is_visible()
    assert page.url.endswith("#fehler")
    # The summary is where the reader is: scrolled to, inside the viewport.
    box = summary.bounding_box()
    assert -1 <= box["y"] < page.viewport_size["height"], box  # sub-pixel rounding
    assert page.locator(".form-error-summary li").count() == 2
    assert page.get_attribute("html", "dir") == (
        "rtl" if locale in ("ar", "fa") else "ltr"
    )
    problems = layout_problems(
        page, page.locator(f"form.alerts-form {FORM_ITEMS}"), minimum=20
    )
    assert not problems, f"{locale} at {width}px:\n" + "\n".join(problems)
    # The error links lead to the fields.
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_email"


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("locale", ["de", "ar"])
def test_no_axe_violations(open_alerts, locale, width):
    found = {}
    page = open_alerts(
        localized(locale, FORM) + "?thema=sheet&auswahl=7", width, bypass_csp=True
    )
    if violations := axe_violations(page):
        found["form"] = violations
    submit_with_errors(page)
    assert page.locator(".form-error-summary").is_visible()
    if violations := axe_violations(page):
        found["form with errors"] = violations
    page.goto(page.url.split("#")[0] + "gesendet/")
    if violations := axe_violations(page):
        found["sent"] = violations
    page.goto(page.url.replace("gesendet/", "bestaetigen/1-kaputt.x/"))
    if violations := axe_violations(page):
        found["bad link"] = violations
    assert AXE.exists()
    assert not found, f"{locale} at {width}px:\n" + report(found)


def confirm_path(site: Path, email: str, language: str) -> str:
    """The link of the confirmation mail, built as alerts.links builds it
    (same SECRET_KEY: both processes use the test settings)."""
    from alerts.links import CONFIRM, _signer, key_digest

    with sqlite3.connect(site / "db.sqlite3") as db:
        pk, key = db.execute(
            "SELECT id, key FROM alerts_subscriber WHERE email = ?", (email,)
        ).fetchone()
    token = _signer(CONFIRM).sign(f"{pk}-{key_digest(key, CONFIRM)}")
    prefix = "" if language == "de" else f"/{language}"
    return f"{prefix}/benachrichtigungen/bestaetigen/{token}/"


def manage_links_of(page):
    return page.locator("a[href*='/benachrichtigungen/verwalten/']")


@pytest.mark.parametrize("locale", ["de", "ar"])
def test_reader_follows_a_measure_sheet_by_email(open_alerts, alerts_server, locale):
    page = open_alerts(localized(locale, SHEET), 360, bypass_csp=True)  # for axe
    # (Selectors, not German words: the texts get translated after the merge.)
    page.locator(".follow-link a").click()
    page.wait_for_load_state("load")
    assert "thema=sheet" in page.url and "auswahl=7" in page.url
    sheet = page.locator("input[name=topics][value='sheet:7']")
    assert sheet.is_checked()
    assert sheet.is_visible()  # its group is open: the reader sees the choice
    email = f"leserin-{locale}@example.org"
    page.fill("#id_email", email)
    page.locator("#id_frequency_1").check()  # daily
    page.locator("form.alerts-form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith("/benachrichtigungen/gesendet/")
    assert page.locator(".kern-alert--success").is_visible()
    assert page.get_attribute("html", "lang") == locale

    page.goto(alerts_server.url + confirm_path(alerts_server.site, email, locale))
    found = {}
    if violations := axe_violations(page):
        found["confirm"] = violations
    topics = page.locator(".alerts-topic-list li")
    assert topics.count() == 1
    assert "7." in topics.inner_text()
    assert not page.locator(".kern-alert--success").count()  # not yet
    page.locator(".alerts-page form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator(".kern-alert--success").is_visible()
    if locale == "de":
        assert page.title().startswith("Bestätigt")
    # From there to the manage page, which lists the sheet.
    manage_links_of(page).first.click()
    page.wait_for_load_state("load")
    assert page.locator(".alerts-manage-list__item").count() == 1
    assert page.get_attribute("html", "lang") == locale
    if violations := axe_violations(page):
        found["manage"] = violations
    assert not found, report(found)
