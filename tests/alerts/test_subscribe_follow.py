"""The "Per E-Mail benachrichtigen" links on the feature pages (registered
through core.follow: the feature apps do not name alerts)."""

import re

import pytest

from core.follow import follow_links
from tests.factories import (
    CheckUpPageFactory,
    EventIndexPageFactory,
    NewsIndexPageFactory,
)
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
)


def follow_hrefs(html: str) -> list[str]:
    return re.findall(
        r'<p class="follow-link"><a class="kern-link" href="([^"]+)">', html
    )


@pytest.fixture
def checkup(office):
    page = CheckUpPageFactory(parent=office.get_parent(), slug="check-up", body=[])
    field = FieldOfActionFactory(name="Arbeit", slug="arbeit")
    MeasureSheetFactory(number=7, field_of_action=field)
    return page


def test_registry_renders_nothing_for_an_unknown_topic():
    assert follow_links("unbekannt", "", "de") == []
    assert len(follow_links("news", "", "de")) == 1


def test_measure_sheet_links_to_the_form_with_the_sheet_chosen(client, checkup):
    html = client.get("/check-up/massnahmen/7/").content.decode()
    assert follow_hrefs(html) == ["/benachrichtigungen/?thema=sheet&amp;auswahl=7"]
    assert "Per E-Mail benachrichtigen" in html
    form = client.get("/benachrichtigungen/?thema=sheet&auswahl=7").content.decode()
    assert re.search(r'value="sheet:7" id="id_topics_\d+" checked', form)


def test_field_and_list_pages_link_too(client, checkup):
    html = client.get("/check-up/handlungsfelder/arbeit/").content.decode()
    assert follow_hrefs(html) == ["/benachrichtigungen/?thema=field&amp;auswahl=arbeit"]
    html = client.get("/check-up/massnahmen/").content.decode()
    assert follow_hrefs(html) == ["/benachrichtigungen/?thema=papers"]


def test_links_stay_in_the_language(client, checkup):
    html = client.get("/ar/check-up/massnahmen/7/").content.decode()
    assert follow_hrefs(html) == ["/ar/benachrichtigungen/?thema=sheet&amp;auswahl=7"]


def test_news_and_events(client, office):
    home = office.get_parent()
    news = NewsIndexPageFactory(parent=home, slug="aktuelles")
    events = EventIndexPageFactory(parent=home, slug="termine")
    assert follow_hrefs(client.get(news.url).content.decode()) == [
        "/benachrichtigungen/?thema=news"
    ]
    assert follow_hrefs(client.get(events.url).content.decode()) == [
        "/benachrichtigungen/?thema=events"
    ]
    assert follow_hrefs(client.get(events.url + "?thema=forum").content.decode()) == [
        "/benachrichtigungen/?thema=events&amp;auswahl=forum"
    ]
