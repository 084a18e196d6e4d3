"""Reading without a connection (offline app), on a phone (360 px): a reader
opens pages online, the service worker takes over, the connection goes
(Playwright's offline mode); the pages read, the language's home and office
page (with the phone number) still open, a page not read shows the offline
page in the reader's language, forms and search results are never served
from the worker's cache, and after a publish the next online visit shows the
new page (network first).

The module serves its own copy of the demo (editor_server): one test
publishes, and the reader tests must not meet its change.
"""

import re

import pytest

from tests.browser.admin_tasks import open_editor

pytestmark = pytest.mark.browser

WIDTH = 360
OFFICE_PHONE = "0461 85-1653"
READY_MS = 30_000
FORUM = "3. Forum „Flüchtlinge – unsere neuen Nachbarn“"


@pytest.fixture
def reader(browser, editor_server):
    """A phone's browser of its own (own service worker and caches)."""
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 740}, service_workers="allow"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.server = editor_server
    yield page
    context.close()


def read_online(page, path: str) -> str:
    """Open ``path`` and wait until the worker controls the page and has kept
    the page's language (site.js marks <html data-offline-ready>); the h1."""
    response = page.goto(page.server.url + path, wait_until="load")
    assert response.status == 200, f"{path}: HTTP {response.status}"
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null"
        " && document.documentElement.dataset.offlineReady",
        timeout=READY_MS,
    )
    return page.locator("h1").first.inner_text()


def open_offline(page, path: str):
    response = page.goto(page.server.url + path, wait_until="load")
    assert response is not None and response.status == 200, path
    assert response.from_service_worker, f"{path} did not come from the worker"
    return page


def heading(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def assert_offline_page(page, lang: str, direction: str) -> None:
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == direction
    assert page.locator(".offline-page").count() == 1, heading(page)


def test_german_reader_offline(reader):
    page = reader
    rights = read_online(page, "/fluechtlinge-in-flensburg/rechte/")
    finder = read_online(page, "/wer-ist-zustaendig/asylbewerber/wohnen/")
    read_online(page, "/suche/?q=Wohnungen")
    read_online(page, "/check-up-integration/massnahmen/7/rueckmeldung/")
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 1

    page.context.set_offline(True)

    # Pages read: from the worker's cache.
    assert heading(open_offline(page, "/fluechtlinge-in-flensburg/rechte/")) == rights
    assert heading(open_offline(page, "/wer-ist-zustaendig/asylbewerber/wohnen/")) == (
        finder
    )
    # Kept for the language without being read: home and office, with the phone.
    open_offline(page, "/")
    assert page.locator(".offline-page").count() == 0
    open_offline(page, "/koordinierungsstelle/")
    assert page.locator(".offline-page").count() == 0
    phone = page.locator("main a[href^='tel:']").first
    phone.scroll_into_view_if_needed()
    assert phone.is_visible()
    assert phone.inner_text().strip().startswith(OFFICE_PHONE)
    # A page not read: the German offline page, listing what was read.
    open_offline(page, "/aktuelles/")
    assert_offline_page(page, "de", "ltr")
    assert re.search(r"/aktuelles/$", page.url)
    listed = page.locator("[data-offline-list] a")
    listed.first.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-offline-list] a[href=\"/wer-ist-"
        "zustaendig/asylbewerber/wohnen/\"]')"
    )
    hrefs = [link.get_attribute("href") for link in listed.all()]
    assert "/fluechtlinge-in-flensburg/rechte/" in hrefs
    assert not any(href.startswith(("/ar/", "/en/")) for href in hrefs)
    assert page.locator(".offline-page a[href^='tel:']").is_visible()
    # Search results and a form were read, but are never served from the cache.
    open_offline(page, "/suche/?q=Wohnungen")
    assert_offline_page(page, "de", "ltr")
    open_offline(page, "/check-up-integration/massnahmen/7/rueckmeldung/")
    assert_offline_page(page, "de", "ltr")
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0


@pytest.mark.parametrize(("lang", "finder_step"), [("ar", "wohnen/"), ("fa", "")])
def test_right_to_left_reader_offline(reader, lang, finder_step):
    page = reader
    prefix = f"/{lang}"
    home = read_online(page, f"{prefix}/")
    finder_path = f"{prefix}/wer-ist-zustaendig/asylbewerber/{finder_step}"
    finder = read_online(page, finder_path)
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.context.set_offline(True)

    assert heading(open_offline(page, finder_path)) == finder
    assert heading(open_offline(page, f"{prefix}/")) == home
    open_offline(page, f"{prefix}/koordinierungsstelle/")
    assert page.locator(".offline-page").count() == 0
    assert page.locator("html").get_attribute("dir") == "rtl"
    phone = page.locator("main a[href^='tel:']").first
    phone.scroll_into_view_if_needed()
    assert phone.is_visible()
    # Not read: the offline page in the reader's language, not the German one.
    open_offline(page, f"{prefix}/aktuelles/")
    assert_offline_page(page, lang, "rtl")
    assert page.locator(".offline-page a[href^='tel:']").is_visible()
    # Its static list links the language's key pages.
    assert page.locator(f"[data-offline-list] a[href^='{prefix}/']").count() >= 1
    # Nothing overflows the phone's width.
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_after_a_publish_the_next_online_visit_shows_the_new_page(reader, admin_page):
    page = reader
    path = "/veranstaltungen/3-forum-fluechtlinge-unsere-neuen-nachbarn/"
    assert read_online(page, path) == FORUM

    editor = admin_page()
    open_editor(editor, FORUM)
    new_title = f"{FORUM} (neu gefasst)"
    editor.locator("#id_title").fill(new_title)
    editor.get_by_role("button", name="Weitere Aktionen").click()
    editor.get_by_role("button", name="Veröffentlichen").click()
    editor.locator(".messages .success").wait_for()

    # Online again: the network's page, not the kept copy.
    response = page.goto(page.server.url + path, wait_until="load")
    assert response.from_service_worker
    assert heading(page) == new_title
    # ... and the kept copy is the new one too.
    page.wait_for_function("() => document.documentElement.dataset.offlineReady")
    page.context.set_offline(True)
    assert heading(open_offline(page, path)) == new_title


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_offline_page_has_no_axe_violations_on_a_phone(
    browser, editor_server, lang
):
    from tests.browser.test_accessibility import axe_violations, report

    # axe is injected as a script; the site's CSP would (rightly) block it.
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 740}, bypass_csp=True
    )
    try:
        page = context.new_page()
        path = "/offline/" if lang == "de" else f"/{lang}/offline/"
        page.goto(editor_server.url + path, wait_until="load")
        found = {path: violations} if (violations := axe_violations(page)) else {}
    finally:
        context.close()

    assert not found, report(found)
