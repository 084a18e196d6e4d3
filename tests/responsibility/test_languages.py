"""Every language: the German original's structure, the translation's texts,
German text marked as such, links that stay in the reader's language."""

import re

import pytest

from core.bootstrap import content_locales
from demo.translations import object_translate

BASE = "/wer-ist-zustaendig/"


@pytest.fixture
def arabic(home, finder_page, django_capture_on_commit_callbacks):
    content_locales()
    strings = {
        "Welchen Aufenthaltsstatus haben Sie?": {"ar": "ما هو وضع إقامتك؟"},
        "Asylbewerberin oder Asylbewerber": {"ar": "طالب لجوء"},
        "Wohnen während des Asylverfahrens": {"ar": "السكن أثناء إجراءات اللجوء"},
        "Wer ist zuständig?": {"ar": "من المسؤول؟"},
    }
    with django_capture_on_commit_callbacks(execute=True):
        for page in (home, finder_page):
            object_translate(instance=page, language="ar", strings=strings)
    return finder_page


def html_of(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_translated_texts_in_arabic_untranslated_ones_marked_german(client, arabic):
    html = html_of(client, f"/ar{BASE}")

    assert re.search(r'<html[^>]* lang="ar"[^>]* dir="rtl"', html)
    assert "<span>ما هو وضع إقامتك؟</span>" in html
    assert "<span>طالب لجوء</span>" in html
    # Not translated yet: German, said so.
    assert '<span lang="de" dir="ltr">Anerkannt</span>' in html
    assert re.findall(r'class="finder-answers__link" href="([^"]+)"', html) == [
        f"/ar{BASE}asylbewerber/",
        f"/ar{BASE}anerkannt/",
        f"/ar{BASE}weiss-nicht/",
    ]


@pytest.mark.django_db
def test_arabic_result_keeps_the_german_structure_and_contacts(client, arabic):
    html = html_of(client, f"/ar{BASE}asylbewerber/wohnen/")

    assert "السكن أثناء إجراءات اللجوء" in html
    assert "Wohnungsamt Beispiel" in html
    assert 'href="tel:' in html
    assert f'href="/ar{BASE}asylbewerber/"' in html
    assert f'href="/ar{BASE}">' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "uk", "tr", "fa", "de-x-ls"])
def test_without_translation_the_german_page_in_the_readers_address(
    client, finder_page, language
):
    content_locales()
    html = html_of(client, f"/{language}{BASE}asylbewerber/")

    assert re.search(rf'<html[^>]* lang="{language}"', html)
    assert 'class="finder" lang="de" dir="ltr"' in html
    assert f'href="/{language}{BASE}asylbewerber/wohnen/"' in html
    assert "Worum geht es?" in html


@pytest.mark.django_db
def test_unknown_key_in_arabic_is_a_404(client, arabic):
    assert client.get(f"/ar{BASE}wohnen/").status_code == 404
