"""Machine translation in the translation editor: off by default, DeepL or the
city's own LibreTranslate from the environment, tried against stand-ins on
127.0.0.1 (tests/core/translation_standins.py), and marked for readers."""

import html
import json
import re

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest
from wagtail_localize.models import StringTranslation, Translation

from flensburg_site.settings.base import machine_translator_from_env
from tests.core.translation_standins import (
    DeepLHandler,
    LibreTranslateHandler,
    RefusingDeepLHandler,
    serve,
)

pytestmark = pytest.mark.django_db

MACHINE_NOTE = (
    "Diese Seite wurde maschinell übersetzt. Verbindlich ist die deutsche Fassung."
)
ENV_VARS = (
    "DEEPL_API_KEY",
    "DEEPL_API_URL",
    "LIBRETRANSLATE_URL",
    "LIBRETRANSLATE_API_KEY",
)


@pytest.fixture
def environment(monkeypatch):
    """The shell's machine translation variables removed; ``set`` sets some."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)

    def set_env(**values):
        for name, value in values.items():
            monkeypatch.setenv(name, value)
        return machine_translator_from_env()

    return set_env


def start_translation(editor_client, page, language) -> Translation:
    """As the editor does: "Übersetzen" on the page, one language."""
    locale = Locale.objects.get(language_code=language)
    response = editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )


def editor_props(editor_client, translation_item) -> dict:
    """The translation editor's data (the React app reads it from the page)."""
    page = translation_item.get_target_instance()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    props = re.search(r'data-props="([^"]*)"', response.content.decode()).group(1)
    return json.loads(html.unescape(props))


@pytest.fixture
def machine_translate_and_publish(editor_client, django_capture_on_commit_callbacks):
    """As the editor does in the translation editor: "Maschinell übersetzen",
    then "Veröffentlichen" (wagtail-localize publishes on commit)."""

    def run(translation_item):
        with django_capture_on_commit_callbacks(execute=True):
            return _machine_translate_and_publish(editor_client, translation_item)

    return run


def _machine_translate_and_publish(editor_client, translation_item):
    page = translation_item.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    props = editor_props(editor_client, translation_item)
    response = editor_client.post(
        props["machineTranslator"]["url"] + f"?next={edit_url}"
    )
    assert response.status_code == 302
    editor_client.post(edit_url, {"action": "publish"})
    return props["machineTranslator"]["name"]


def machine_note(language):
    with translation.override(language):
        return translation.gettext(MACHINE_NOTE)


def test_off_without_configuration(environment, settings, editor_client, office):
    assert environment() is None
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    item = start_translation(editor_client, office, "uk")

    assert editor_props(editor_client, item)["machineTranslator"] is None
    refused = editor_client.post(
        reverse("wagtail_localize:machine_translate", args=[item.pk])
    )
    assert refused.status_code == 404


def test_deepl_translates_the_page_and_readers_see_the_mark(
    environment, settings, editor_client, client, office, machine_translate_and_publish
):
    with serve(DeepLHandler) as deepl:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = environment(
            DEEPL_API_KEY="schluessel-123:fx",
            DEEPL_API_URL=f"{deepl.url}/v2/translate",
        )
        item = start_translation(editor_client, office, "uk")

        name = machine_translate_and_publish(item)

    assert name == "DeepL"
    (sent,) = deepl.requests
    assert sent["headers"]["Authorization"] == "DeepL-Auth-Key schluessel-123:fx"
    assert sent["body"]["source_lang"] == ["DE"]
    assert sent["body"]["target_lang"] == ["UK"]
    assert "Wir helfen." in sent["body"]["text"]
    made = StringTranslation.objects.get(
        locale=item.target_locale, data="Ми допомагаємо."
    )
    assert made.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    page = client.get(item.get_target_instance().url).content.decode()
    assert "Ми допомагаємо." in page
    assert machine_note("uk") in page


def test_deepl_translates_english_as_british_english(
    environment, settings, editor_client, office, machine_translate_and_publish
):
    with serve(DeepLHandler) as deepl:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = environment(
            DEEPL_API_KEY="schluessel-123",
            DEEPL_API_URL=f"{deepl.url}/v2/translate",
        )
        machine_translate_and_publish(start_translation(editor_client, office, "en"))

    assert deepl.requests[0]["body"]["target_lang"] == ["EN-GB"]


def test_libretranslate_translates_the_page_and_readers_see_the_mark(
    environment, settings, editor_client, client, office, machine_translate_and_publish
):
    with serve(LibreTranslateHandler) as libre:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = environment(
            LIBRETRANSLATE_URL=f"{libre.url}/",
            LIBRETRANSLATE_API_KEY="stadt-flensburg",
        )
        item = start_translation(editor_client, office, "en")

        name = machine_translate_and_publish(item)

    assert name == "LibreTranslate"
    (sent,) = libre.requests
    assert sent["path"] == "/translate"
    assert sent["body"]["api_key"] == "stadt-flensburg"
    assert (sent["body"]["source"], sent["body"]["target"]) == ("de", "en")
    page = client.get(item.get_target_instance().url).content.decode()
    assert "We help." in page
    assert machine_note("en") in page


def test_the_citys_own_libretranslate_comes_before_deepl(environment):
    config = environment(
        DEEPL_API_KEY="schluessel-123", LIBRETRANSLATE_URL="http://127.0.0.1:5000"
    )

    assert config["CLASS"].endswith("LibreTranslator")
    assert config["OPTIONS"] == {
        "LIBRETRANSLATE_URL": "http://127.0.0.1:5000",
        "API_KEY": "",
    }


def test_no_machine_translation_into_leichte_sprache(
    environment, settings, editor_client, office
):
    """Leichte Sprache is German: written by people, never by DeepL."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = environment(DEEPL_API_KEY="k")
    item = start_translation(editor_client, office, "de-x-ls")

    assert editor_props(editor_client, item)["machineTranslator"] is None


def failed_machine_translation(editor_client, item):
    page = item.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = editor_client.post(
        reverse("wagtail_localize:machine_translate", args=[item.pk])
        + f"?next={edit_url}",
        follow=True,
    )
    assert response.redirect_chain == [(edit_url, 302)]
    return response.content.decode()


def test_a_refusing_service_gives_a_german_message_and_loses_nothing(
    environment, settings, editor_client, office
):
    with serve(RefusingDeepLHandler) as deepl:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = environment(
            DEEPL_API_KEY="falsch", DEEPL_API_URL=f"{deepl.url}/v2/translate"
        )
        item = start_translation(editor_client, office, "uk")
        StringTranslation.objects.create(
            translation_of=item.source.stringsegment_set.get(
                context__path="intro"
            ).string,
            context=item.source.stringsegment_set.get(context__path="intro").context,
            locale=item.target_locale,
            data="Ми допомагаємо вам.",
        )

        page = failed_machine_translation(editor_client, item)

    assert len(deepl.requests) == 1
    assert "DeepL hat nicht übersetzt" in html.unescape(page)
    assert list(
        StringTranslation.objects.filter(locale=item.target_locale).values_list(
            "data", flat=True
        )
    ) == ["Ми допомагаємо вам."]


def test_an_unreachable_libretranslate_gives_a_german_message(
    environment, settings, editor_client, office
):
    with serve(LibreTranslateHandler) as libre:
        gone = libre.url  # the server stops at the end of the block
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = environment(LIBRETRANSLATE_URL=gone)
    item = start_translation(editor_client, office, "en")

    page = failed_machine_translation(editor_client, item)

    assert "LibreTranslate hat nicht übersetzt" in html.unescape(page)
    assert not StringTranslation.objects.filter(locale=item.target_locale).exists()
