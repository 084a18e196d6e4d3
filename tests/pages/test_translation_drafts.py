"""A translation that has not been translated yet does not pretend to be one.

"Übersetzen" in the admin makes a draft holding the German text; readers keep
seeing the German page, marked German and with the "not yet in your
language" note, until an editor has translated the strings and publishes.
"""

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

pytestmark = pytest.mark.django_db

NOT_TRANSLATED = (
    "Diese Seite gibt es noch nicht in Ihrer Sprache. Sie sehen die deutsche Fassung."
)
GERMAN_TITLE = '<h1 class="kern-heading-x-large page-title" lang="de" dir="ltr">'
GERMAN_HOME_TITLE = (
    '<h1 class="kern-heading-display home-hero__title" lang="de" dir="ltr">'
)
OWN_TITLE = '<h1 class="kern-heading-x-large page-title">'


@pytest.fixture
def uk():
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """wagtail-localize saves and publishes when the transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def note_in_ukrainian() -> str:
    with translation.override("uk"):
        return translation.gettext(NOT_TRANSLATED)


def submit(editor_client, page, locale, on_commit):
    with on_commit():
        response = editor_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk]},
        )
    assert response.status_code == 302


def translate_string(editor_client, page, locale, german, text):
    source = TranslationSource.objects.get_for_instance(page)
    work = Translation.objects.get(source=source, target_locale=locale)
    segment = StringSegment.objects.get(source=source, string__data=german)
    response = editor_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[work.pk, segment.pk]),
        f"value={text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)


def test_translate_keeps_the_german_page_with_its_note_until_published(
    client, editor_client, office, uk, on_commit
):
    submit(editor_client, office, uk, on_commit)

    draft = office.get_translation(uk)
    assert not draft.live
    # The editor opens the translation in wagtail-localize's editor.
    assert (
        editor_client.get(
            reverse("wagtailadmin_pages:edit", args=[draft.pk])
        ).status_code
        == 200
    )

    response = client.get("/uk/koordinierungsstelle/")
    assert response.status_code == 200
    html = response.content.decode()
    assert note_in_ukrainian() in html
    assert GERMAN_TITLE in html
    assert '<p class="page-intro" lang="de" dir="ltr">Wir helfen.</p>' in html
    assert '<html lang="uk"' in html  # the site around it is Ukrainian

    translate_string(
        editor_client, office, uk, "Koordinierungsstelle", "Координаційний офіс"
    )
    translate_string(editor_client, office, uk, "Wir helfen.", "Ми допомагаємо.")
    # Translated but not published yet: readers still see the German page.
    assert GERMAN_TITLE in client.get("/uk/koordinierungsstelle/").content.decode()

    with on_commit():
        response = editor_client.post(
            reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"}
        )
    assert response.status_code == 302

    html = client.get("/uk/koordinierungsstelle/").content.decode()
    assert f"{OWN_TITLE}Координаційний офіс</h1>" in html
    assert '<html lang="uk"' in html
    assert "Ми допомагаємо." in html
    assert note_in_ukrainian() not in html
    assert GERMAN_TITLE not in html


def test_an_alias_made_for_a_translated_child_shows_the_german_page_marked(
    client, editor_client, home, office, uk, on_commit
):
    """Translating the office makes an alias of the untranslated home page
    in Ukrainian (wagtail-localize); it holds German text and says so."""
    submit(editor_client, office, uk, on_commit)
    alias = home.get_translation(uk)
    assert alias.alias_of_id == home.pk and alias.live

    html = client.get("/uk/").content.decode()

    assert note_in_ukrainian() in html
    assert GERMAN_HOME_TITLE in html
