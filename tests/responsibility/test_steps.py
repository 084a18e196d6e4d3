"""Each step of "Wer ist zuständig?" is a GET page: questions as plain links,
the result with the directory's contact cards; nothing stored, no cookie."""

import json
import logging
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from gunicorn.glogging import SafeAtoms

from operations.request_log import LOG_PATH_HEADER, JsonFormatter
from responsibility.models import ResponsibilityFinderPage
from tests.contacts.factories import OrganisationFactory
from tests.responsibility.conftest import finder_stream

BASE = "/wer-ist-zustaendig/"


def links(html: str) -> list[str]:
    return re.findall(r'class="finder-answers__link" href="([^"]+)"', html)


@pytest.mark.django_db
def test_first_step_asks_the_first_question_with_one_link_per_answer(
    client, finder_page
):
    response = client.get(BASE)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Welchen Aufenthaltsstatus haben Sie?" in html
    assert links(html) == [
        f"{BASE}asylbewerber/",
        f"{BASE}anerkannt/",
        f"{BASE}weiss-nicht/",
    ]
    assert "<form" not in html.split('class="finder"')[1].split("</nav>")[0]
    assert "Neu beginnen" not in html


@pytest.mark.django_db
def test_second_step_shows_the_answer_with_a_link_to_change_it(client, finder_page):
    html = client.get(f"{BASE}asylbewerber/").content.decode()

    assert "Worum geht es?" in html
    assert "Asylbewerberin oder Asylbewerber" in html
    assert f'class="kern-link finder-summary__change" href="{BASE}"' in html
    assert links(html)[0] == f"{BASE}asylbewerber/wohnen/"
    assert f'href="{BASE}">Neu beginnen' in html
    assert "Frage 2 von 2" in html


@pytest.mark.django_db
def test_result_shows_the_contact_card_with_phone_and_the_info_page(
    client, finder_page
):
    html = client.get(f"{BASE}asylbewerber/wohnen/").content.decode()

    assert "Wohnen während des Asylverfahrens" in html
    assert "Wohnungsamt Beispiel" in html
    assert 'href="tel:' in html
    assert "openstreetmap.org" in html
    assert 'href="/fluechtlinge-in-flensburg/leistungen/"' in html
    assert "Die Stadt weist eine Unterkunft zu." in html
    assert 'href="/wer-ist-zustaendig/asylbewerber/">Zurück' in html.replace(
        '<span class="kern-icon kern-icon--arrow-back finder-nav__icon" '
        'aria-hidden="true"></span>',
        "",
    )


@pytest.mark.django_db
def test_a_path_without_its_own_result_gets_the_general_one(client, finder_page):
    html = client.get(f"{BASE}anerkannt/arbeit/").content.decode()

    assert "Die Koordinierungsstelle hilft weiter" in html
    assert "Wohnungsamt Beispiel" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "unbekannt/",
        "wohnen/",  # an answer, but to the second question
        "asylbewerber/anerkannt/",
        "asylbewerber/wohnen/mehr/",
        "Asylbewerber/",
        "asylbewerber/wohnen/a/b/c/d/",
        "asyl%20bewerber/",
    ],
)
def test_unknown_keys_are_a_404_never_a_500(client, finder_page, path):
    assert client.get(BASE + path).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["", "asylbewerber/", "asylbewerber/wohnen/"])
def test_no_cookie_no_session_no_write(client, finder_page, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(BASE + path)

    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


@pytest.fixture
def request_lines():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(JsonFormatter().format(record))

    handler = Keep()
    loggers = [logging.getLogger(name) for name in ("core.requests", "django.request")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in records]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.mark.django_db
def test_the_request_log_names_the_page_not_the_answers(
    client, finder_page, request_lines
):
    response = client.get(f"{BASE}asylbewerber/wohnen/?x=1")

    assert response[LOG_PATH_HEADER] == BASE
    (line,) = request_lines()
    assert line["path"] == BASE
    assert "asylbewerber" not in json.dumps(line)
    assert "wohnen" not in json.dumps(line)


def test_gunicorns_access_line_keeps_the_base_path_only():
    atoms = SafeAtoms(
        {
            "h": "203.0.113.7",
            "m": "GET",
            "U": "/wer-ist-zustaendig/asylbewerber/wohnen/",
            "q": "x=1",
            "s": "200",
            "B": 5120,
            "D": 12345,
            "a": "Mozilla/5.0",
            "r": "GET /wer-ist-zustaendig/asylbewerber/wohnen/?x=1 HTTP/1.1",
            "{x-log-path}o": "/wer-ist-zustaendig/",
        }
    )
    record = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        __file__,
        1,
        '%(h)s "%(r)s" %(s)s',
        (atoms,),
        None,
    )

    line = json.loads(JsonFormatter().format(record))

    assert line["path"] == "/wer-ist-zustaendig/"
    assert "query" not in line
    assert line["message"] == "GET /wer-ist-zustaendig/ 200"
    assert "asylbewerber" not in json.dumps(line)


@pytest.mark.django_db
def test_the_page_cache_serves_a_step_again(client, finder_page, settings):
    first = client.get(f"{BASE}asylbewerber/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get(f"{BASE}asylbewerber/")

    assert second.content == first.content
    assert second[LOG_PATH_HEADER] == BASE
    assert len(queries.captured_queries) <= 3


def _build(home, organisations: int, extra_results: int):
    page = ResponsibilityFinderPage(
        title="Wer ist zuständig?",
        slug="wer-ist-zustaendig",
        finder=finder_stream(
            housing=[OrganisationFactory() for _ in range(organisations)],
            general=[OrganisationFactory()],
            extra_results=extra_results,
        ),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _queries(client, path) -> int:
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["", "asylbewerber/", "asylbewerber/wohnen/"])
def test_queries_do_not_grow_with_the_finder(client, home, path):
    page = _build(home, organisations=1, extra_results=0)
    small = _queries(client, BASE + path)
    page.finder = finder_stream(
        housing=[OrganisationFactory() for _ in range(6)],
        general=[OrganisationFactory()],
        extra_results=5,
    )
    page.save_revision().publish()
    large = _queries(client, BASE + path)

    assert large == small


@pytest.mark.django_db
def test_the_site_search_finds_the_finder_by_its_answers(client, finder_page):
    html = client.get("/suche/", {"q": "Asylbewerber"}).content.decode()

    assert f'href="{BASE}"' in html
