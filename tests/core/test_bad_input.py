"""Bad input never yields a 500: every public page type gets odd requests.

Quotes, NUL bytes, invalid UTF-8, huge query strings, many parameters,
invalid page numbers and filters, odd paths, foreign Host headers, odd
Accept-Language and Range headers. Each answer must be below 500, and where
the input is plainly wrong, a clear client error.
"""

from django.test import Client

import pytest

from tests.contacts.factories import OrganisationFactory, PersonFactory
from tests.core.document_files import MINIMAL_PDF
from tests.factories import (
    AccessibilityStatementPageFactory,
    CheckUpPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HelpPageFactory,
    InfoIndexPageFactory,
    InfoPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OfficePageFactory,
)
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
    StatusAnalysisFactory,
)

pytestmark = pytest.mark.django_db

HUGE = 10**30

# Appended to each URL as its query string (raw, as a client sends it).
BAD_QUERIES = [
    "q=%22Wohnung%22+'Sprache'&seite=%22",
    "q=%00&seite=%00&kategorie=%00",
    "q=Woh%00nung",
    "q=%ff&seite=%ff&typ=%ff",
    "q=%c3%28&stadtteil=%c3%28",
    "%ff%fe=1&%00=%00",
    "q=" + "a" * 100_000,
    "&".join(f"p{number}=x" for number in range(2000)),
    "seite=abc",
    "seite=-1",
    f"seite={HUGE}",
    "seite=1e9&page=-5&limit=abc&offset=-1",
    f"limit={HUGE}&offset={HUGE}",
    "kategorie=gibt-es-nicht&stadtteil=mond&sprache=xx&typ=nichts&feld=nichts",
    "status=%27%3B--&thema=%3Cscript%3E&jahr=abc&sprache=%00",
]

ODD_PATH_SUFFIXES = ["%00", "%00/", "%ff/", "%c3%28/", "'%22/", "..%2f..%2f/"]

ODD_LANGUAGES = [
    "",
    "*",
    "xx-YY",
    "de;q=abc, en;q=2, ar;q=-1",
    "de-x-ls",
    "a" * 5000,
    "zh-Hant-TW-u-nu-hanidec, ;;;, ,",
]

RANGES = [
    "bytes=abc",
    "bytes=5-2",
    "bytes=99999999-",
    "bytes=0-1,3-4,6-",
    f"bytes=0-{HUGE}",
    f"bytes={HUGE}-{HUGE * 2}",
    "bytes=-0",
    "bytes=--",
    "bytes=" + "9" * 5000 + "-",
    "items=0-1",
    "bytes=\u00e4-1",
]


@pytest.fixture
def client():
    """A client that reports 500s as answers (a real server sends the page)."""
    return Client(raise_request_exception=False)


@pytest.fixture
def site_urls(home, make_document):
    """One URL of every public page type and route, with a little content."""
    OfficePageFactory(parent=home, slug="koordinierungsstelle")
    info_index = InfoIndexPageFactory(parent=home)
    info = InfoPageFactory(parent=info_index, slug="leistungen")
    checkup = CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    field = FieldOfActionFactory(slug="wohnen")
    measure = MeasureSheetFactory(number=7, field_of_action=field)
    StatusAnalysisFactory(field_of_action=field)
    HelpPageFactory(parent=home, slug="wie-kann-geholfen-werden", body=[])
    organisation = OrganisationFactory()
    person = PersonFactory(organisation=organisation)
    events = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=events, slug="forum")
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, slug="meldung")
    AccessibilityStatementPageFactory(parent=home)
    document = make_document("arbeitspapier.pdf", MINIMAL_PDF)
    cu = "/check-up-integration"
    return {
        "home": "/",
        "home_en": "/en/",
        "office": "/koordinierungsstelle/",
        "info_index": "/fluechtlinge-in-flensburg/",
        "info_page": "/fluechtlinge-in-flensburg/leistungen/",
        "info_handout": "/fluechtlinge-in-flensburg/leistungen/handzettel/",
        "checkup": f"{cu}/",
        "measure_list": f"{cu}/massnahmen/",
        "measure": f"{cu}/massnahmen/7/",
        "measure_handout": f"{cu}/massnahmen/7/handzettel/",
        "measure_feedback": f"{cu}/massnahmen/7/rueckmeldung/",
        "measure_feed": f"{cu}/massnahmen/7/feed/",
        "field": f"{cu}/handlungsfelder/wohnen/",
        "field_feed": f"{cu}/handlungsfelder/wohnen/feed/",
        "analyses": f"{cu}/statusanalysen/",
        "papers_feed": f"{cu}/arbeitspapiere/feed/",
        "papers_rss": f"{cu}/arbeitspapiere/feed/rss/",
        "directory": "/wie-kann-geholfen-werden/",
        "organisation_vcard": f"/kontakte/organisationen/{organisation.pk}.vcf",
        "person_vcard": f"/kontakte/personen/{person.pk}.vcf",
        "open_data_json": "/offene-daten/adressverzeichnis.json",
        "open_data_csv": "/offene-daten/adressverzeichnis.csv",
        "events": "/veranstaltungen/",
        "events_past": "/veranstaltungen/vergangene/",
        "events_calendar": "/veranstaltungen/kalender/",
        "event": "/veranstaltungen/forum/",
        "event_ics": "/veranstaltungen/forum/kalender/",
        "news": "/aktuelles/",
        "news_page": "/aktuelles/meldung/",
        "news_rss": "/aktuelles/feed/rss/",
        "news_atom": "/aktuelles/feed/atom/",
        "barrier_report": "/barrierefreiheit/barriere-melden/",
        "search": "/suche/",
        "api_index": "/api/v1/",
        "api_pages": "/api/v1/pages",
        "api_measures": "/api/v1/measures",
        "api_measure": f"/api/v1/measures/{measure.pk}",
        "api_organisations": "/api/v1/organisations",
        "api_events": "/api/v1/events",
        "api_documents": "/api/v1/documents",
        "document": f"/dokumente/{document.pk}/arbeitspapier.pdf",
        "sitemap": "/sitemap.xml",
        "robots": "/robots.txt",
    } | {"_event_pk": str(event.pk), "_info_pk": str(info.pk), "_checkup": checkup.url}


def public(site_urls) -> dict[str, str]:
    return {name: url for name, url in site_urls.items() if not name.startswith("_")}


def test_every_url_answers_normally_first(client, site_urls):
    """The battery below is only meaningful if the pages exist."""
    answers = {
        name: client.get(url).status_code for name, url in public(site_urls).items()
    }

    assert {name: status for name, status in answers.items() if status != 200} == {}


def test_bad_query_strings_never_yield_a_500(client, site_urls):
    failures = []
    for name, url in public(site_urls).items():
        for query in BAD_QUERIES:
            status = client.get(f"{url}?{query}").status_code
            if status >= 500:
                failures.append((name, query[:60], status))

    assert failures == []


def test_too_many_parameters_are_a_400(client, site_urls):
    query = "&".join(f"p{number}=x" for number in range(2000))

    assert client.get(f"/suche/?{query}").status_code == 400


def test_search_with_odd_page_numbers_shows_a_page(client, site_urls):
    for query in (f"q=Wohnung&seite={HUGE}", "q=Wohnung&seite=-1"):
        assert client.get(f"/suche/?{query}").status_code in (200, 404), query


def test_odd_paths_never_yield_a_500(client, site_urls):
    failures = []
    for name, url in public(site_urls).items():
        for suffix in ODD_PATH_SUFFIXES:
            status = client.get(url.rstrip("/") + "/" + suffix).status_code
            if status >= 500:
                failures.append((name, suffix, status))
        for prefix in ("/%00", "/%ff", "/ar%00"):
            status = client.get(prefix + url).status_code
            if status >= 500:
                failures.append((name, prefix, status))

    assert failures == []


# One fixture (a small site) serves each of these loops: building it is the
# slow part, the requests are cheap.
INVALID_ID_PATHS = [
    f"/check-up-integration/massnahmen/{HUGE}/",
    f"/check-up-integration/massnahmen/{HUGE}/handzettel/",
    f"/check-up-integration/massnahmen/{HUGE}/rueckmeldung/",
    f"/check-up-integration/massnahmen/{HUGE}/feed/",
    f"/barrierefreiheit/barriere-melden/danke/{HUGE}/",
    f"/kontakte/personen/{HUGE}.vcf",
    f"/kontakte/organisationen/{HUGE}.vcf",
    f"/dokumente/{HUGE}/arbeitspapier.pdf",
    f"/api/v1/measures/{HUGE}",
    f"/api/v1/pages/{HUGE}",
    f"/api/v1/organisations/{HUGE}",
    f"/api/v1/events/{HUGE}",
    f"/api/v1/documents/{HUGE}",
    "/api/v1/measures/abc",
    "/api/v1/measures/-1",
    "/api/v1/measures/%00",
]


def test_out_of_range_or_invalid_ids_are_client_errors(client, site_urls):
    for path in INVALID_ID_PATHS:
        # The API validates its path parameters (400); the site's pages say 404.
        expected = (400, 404) if path.startswith("/api/") else (404,)
        assert client.get(path).status_code in expected, path


def test_foreign_host_header_is_a_400(client, site_urls):
    answers = {
        name: client.get(url, headers={"host": "evil.example"}).status_code
        for name, url in public(site_urls).items()
    }

    assert set(answers.values()) == {400}
    assert client.get("/", headers={"host": "127.0.0.1:8000\x00"}).status_code == 400
    assert client.get("/", headers={"host": "[::1"}).status_code == 400


def test_odd_accept_language_never_yields_a_500(client, site_urls):
    failures = []
    for name in ("home", "measure", "directory", "search", "api_measures", "event_ics"):
        for language in ODD_LANGUAGES:
            status = client.get(
                site_urls[name], headers={"accept-language": language}
            ).status_code
            if status >= 500:
                failures.append((name, language[:40], status))

    assert failures == []


def test_odd_range_headers_on_a_download(client, site_urls):
    for range_header in RANGES:
        response = client.get(site_urls["document"], headers={"range": range_header})
        status = response.status_code

        assert status in (200, 206, 416), range_header
        if range_header in ("bytes=99999999-", f"bytes={HUGE}-{HUGE * 2}", "bytes=-0"):
            assert status == 416, range_header
        if range_header in ("bytes=abc", "bytes=5-2", "bytes=0-1,3-4,6-", "items=0-1"):
            assert status == 200, range_header


# (body, whether the form must refuse it). Invalid UTF-8 arrives as U+FFFD
# replacement characters: readable text, which the moderated form may keep.
FORM_BODIES = [
    (b"text=%00%00%00&description=%00&email=%27&consent=on", True),
    (b"text=%ff%fe%c3%28&description=%c3%28&email=a%40b.de&consent=on", False),
    (
        b"text=" + b"a" * 200_000 + b"&description=" + b"a" * 200_000 + b"&consent=on",
        True,
    ),
    (b"%ff=1&consent=%00", True),
]


def test_forms_with_bad_input_never_yield_a_500(client, site_urls):
    for body, refused in FORM_BODIES:
        for name in ("measure_feedback", "barrier_report"):
            response = client.post(
                site_urls[name], body, content_type="application/x-www-form-urlencoded"
            )

            expected = (400,) if refused else (302, 400)
            assert response.status_code in expected, (name, body[:40])
