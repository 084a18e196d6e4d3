"""The Erklärung zur Barrierefreiheit and its feedback route; Leichte Sprache
and Gebärdensprache from the start page."""

import re
from types import SimpleNamespace

from django.test import Client

import pytest

from pages.models import BarrierReport
from tests.factories import AccessibilityStatementPageFactory, ContentPageFactory

pytestmark = pytest.mark.django_db

VALID = {
    "description": "Das PDF zur Maßnahme 7 kann mein Bildschirmleser nicht lesen.",
    "page_url": "/check-up-integration/massnahmen/7/",
    "name": "",
    "email": "leser@example.org",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def statement(home):
    return AccessibilityStatementPageFactory(
        parent=home,
        conformance_status="partial",
        barriers=[
            {
                "type": "barrier",
                "value": {
                    "title": "Arbeitspapiere (PDF)",
                    "description": "Nicht alle PDF sind getaggt.",
                    "reason": "disproportionate_burden",
                    "alternative": "Auf Anfrage als Text.",
                    "planned_fix": "bis 2027",
                },
            }
        ],
    )


def test_statement_shows_status_barriers_review_date_and_complaints_office(
    client, statement
):
    html = client.get(statement.url).content.decode()

    assert "<strong>teilweise vereinbar</strong>" in html
    assert "Arbeitspapiere (PDF)" in html
    assert "Unverhältnismäßige Belastung" in html
    assert "Auf Anfrage als Text." in html
    assert '<time datetime="2026-11-20">20. November 2026</time>' in html
    assert "Beschwerdestelle für barrierefreie Informationstechnik" in html
    assert 'href="/barrierefreiheit/barriere-melden/"' in html


def test_report_is_stored_and_confirmed_with_its_number(client, statement):
    response = client.post("/barrierefreiheit/barriere-melden/", VALID)

    report = BarrierReport.objects.get()
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"/barrierefreiheit/barriere-melden/danke/{report.public_token}/"
    )
    assert report.description == VALID["description"]
    assert report.status == "new"
    thanks = client.get(response["Location"]).content.decode()
    assert f"unter der Nummer {report.pk} gespeichert" in thanks


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"description": " "}, "Bitte beschreiben Sie die Barriere."),
        ({"email": "leser@"}, "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"consent": ""}, "Bitte stimmen Sie den Datenschutzhinweisen zu."),
        ({"website": "http://spam.example"}, "automatische Eingabe"),
    ],
)
def test_bad_report_gets_german_errors_keeps_the_text_and_stores_nothing(
    client, statement, changes, message
):
    response = client.post("/barrierefreiheit/barriere-melden/", {**VALID, **changes})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "leser@" in html
    assert not BarrierReport.objects.exists()


def test_report_form_is_csrf_protected(statement):
    assert (
        Client(enforce_csrf_checks=True)
        .post("/barrierefreiheit/barriere-melden/", VALID)
        .status_code
        == 403
    )
    assert not BarrierReport.objects.exists()


def test_reports_are_rate_limited_per_address_and_keep_the_text(
    client, statement, settings
):
    settings.BARRIER_REPORT_RATE = "2/h"
    url = "/barrierefreiheit/barriere-melden/"
    for _ in range(2):
        assert client.post(url, VALID, REMOTE_ADDR="203.0.113.5").status_code == 302

    blocked = client.post(url, VALID, REMOTE_ADDR="203.0.113.5")
    other = client.post(url, VALID, REMOTE_ADDR="198.51.100.7")

    assert blocked.status_code == 429
    assert "sehr viele Meldungen" in blocked.content.decode()
    assert VALID["description"] in blocked.content.decode()
    assert other.status_code == 302
    assert BarrierReport.objects.count() == 3


def test_after_the_window_the_address_may_report_again(
    client, statement, settings, monkeypatch
):
    settings.BARRIER_REPORT_RATE = "1/h"
    now = [1_800_000_000.0]  # the start of an hour
    monkeypatch.setattr("core.ratelimit.time", SimpleNamespace(time=lambda: now[0]))
    url = "/barrierefreiheit/barriere-melden/"
    assert client.post(url, VALID).status_code == 302

    now[0] += 3599
    late_in_the_window = client.post(url, VALID)
    now[0] += 1
    next_window = client.post(url, VALID)

    assert late_in_the_window.status_code == 429
    assert next_window.status_code == 302
    assert BarrierReport.objects.count() == 2


def test_staff_see_reports_but_cannot_invent_them(editor_client, statement, client):
    client.post("/barrierefreiheit/barriere-melden/", VALID)

    listing = editor_client.get("/admin/snippets/pages/barrierreport/").content.decode()

    assert "mein Bildschirmleser" in listing
    assert editor_client.get(
        "/admin/snippets/pages/barrierreport/add/"
    ).status_code in {302, 403}


def test_start_page_offers_leichte_sprache_and_gebaerdensprache(client, home):
    easy = ContentPageFactory(
        parent=home, slug="leichte-sprache", title="Leichte Sprache"
    )
    sign = ContentPageFactory(
        parent=home, slug="gebaerdensprache", title="Gebärdensprache"
    )
    home.easy_language_summary = "Hier finden Sie Hilfe. Die Stadt hilft Ihnen."
    home.easy_language_page = easy
    home.sign_language_page = sign
    home.save()

    html = client.get(home.url).content.decode()

    box = re.search(r'<ul class="access-links">.*?</ul>', html, re.S).group(0)
    assert "Hier finden Sie Hilfe. Die Stadt hilft Ihnen." in box
    assert f'href="{easy.url}"' in box
    assert f'href="{sign.url}"' in box
    assert "kern-icon--sign-language" in box
