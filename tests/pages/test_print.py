"""Handouts: a measure sheet or an info page on one printed page with a QR code."""

import re

from wagtail.models import Locale

import pytest

from core.bootstrap import content_locales
from tests.factories import CheckUpPageFactory, InfoIndexPageFactory, InfoPageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


@pytest.fixture
def info_page(home):
    index = InfoIndexPageFactory(parent=home, slug="fluechtlinge-in-flensburg")
    return InfoPageFactory(
        parent=index,
        slug="rechte",
        title="Rechte",
        intro="Welche Rechte Geflüchtete haben.",
        body=[paragraph("Jeder Mensch hat Rechte. " * 10)],
    )


def _qr_title(html: str) -> str:
    (svg,) = re.findall(
        r'<svg role="img"[^>]*class="qr-code"><title>([^<]*)</title>', html
    )
    return svg


def test_info_page_links_to_its_handout(client, info_page):
    html = client.get(info_page.url).content.decode()

    assert f'href="{info_page.url}handzettel/"' in html


def test_info_page_handout_has_a_qr_code_to_the_page(client, info_page):
    response = client.get(f"{info_page.url}handzettel/")

    assert response.status_code == 200
    html = response.content.decode()
    url = f"http://testserver{info_page.url}"
    assert _qr_title(html).endswith(url)
    assert f'<a class="kern-link handout__url" href="{url}" dir="ltr">' in html
    assert "Jeder Mensch hat Rechte." in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Der vollständige Text steht auf der Internetseite" not in html


def test_long_info_page_is_shortened_and_says_so(client, info_page):
    info_page.body = [paragraph(f"Absatz {n}. " + "Wort " * 80) for n in range(20)]
    info_page.save_revision().publish()

    html = client.get(f"{info_page.url}handzettel/").content.decode()

    assert "Absatz 0." in html
    assert "Absatz 19." not in html
    assert "Der vollständige Text steht auf der Internetseite" in html


def test_measure_handout(client, home):
    content_locales()
    checkup = CheckUpPageFactory(parent=home, slug="check-up-integration")
    MeasureSheetFactory(
        number=5, title="Sprachcafé", summary="Treffpunkt zum Deutschüben."
    )

    detail = client.get(f"{checkup.url}massnahmen/5/").content.decode()
    response = client.get(f"{checkup.url}massnahmen/5/handzettel/")

    assert f'href="{checkup.url}massnahmen/5/handzettel/"' in detail
    assert response.status_code == 200
    html = response.content.decode()
    assert _qr_title(html).endswith(f"http://testserver{checkup.url}massnahmen/5/")
    assert "Maßnahmensteckbrief Nr. 5" in html
    assert "Treffpunkt zum Deutschüben." in html
    assert client.get(f"{checkup.url}massnahmen/99/handzettel/").status_code == 404


def test_untranslated_measure_handout_in_arabic_keeps_german_marked(client, home):
    content_locales()
    checkup = CheckUpPageFactory(parent=home, slug="check-up-integration")
    MeasureSheetFactory(number=5, title="Sprachcafé")
    assert Locale.objects.filter(language_code="ar").exists()

    html = client.get(f"/ar{checkup.url}massnahmen/5/handzettel/").content.decode()

    assert '<span lang="de" dir="ltr">Sprachcafé</span>' in html
    assert _qr_title(html).endswith("/ar/check-up-integration/massnahmen/5/")
