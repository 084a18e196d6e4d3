"""The example translations of the demo content: complete for the plan in
``demo.translations``, never orphaned, loaded once, and German-free
where a page is translated."""

import io
import re
from html import unescape

from django.core.management import call_command

from wagtail.models import Locale, Page, Site

import pytest
from wagtail_localize.models import StringTranslation

from core.bootstrap import content_locales
from demo import content as demo_content
from demo import translations as demo_translations
from demo.checkup import checkup_demo_load
from demo.contacts import contacts_demo_load
from demo.figures import figures_demo_load
from demo.tree import page_tree_load
from pages.models import SiteSettings
from pages.translation_status import EXAMPLE_TOOL
from responsibility.models import ResponsibilityFinderPage

pytestmark = pytest.mark.django_db


def planned_objects(home):
    """(label, German instance, languages) for everything the plan translates."""
    objects = [
        (path or "Startseite", demo_translations.page_at(home, path), languages)
        for path, languages in demo_translations.PAGES
    ]
    objects.append(
        (
            "Website-Einstellungen",
            SiteSettings.objects.get(locale=Locale.get_default()),
            demo_translations.SETTINGS_LANGUAGES,
        )
    )
    objects.extend(
        (
            f"Handlungsfeld {field.name}",
            field,
            demo_translations.FIELDS_OF_ACTION_LANGUAGES,
        )
        for field in demo_translations.fields_of_action()
    )
    objects.extend(
        (
            f"Kennzahl {indicator.title}",
            indicator,
            demo_translations.INDICATOR_LANGUAGES,
        )
        for indicator in demo_translations.indicators()
    )
    return objects


@pytest.fixture
def german_demo():
    """The German demo content, without translations; returns the start page."""
    content_locales()
    contacts_demo_load()
    checkup_demo_load()
    figures_demo_load()
    page_tree_load(tree=demo_content.HOME, settings_values=demo_content.SITE_SETTINGS)
    return Site.objects.get(is_default_site=True).root_page


def test_every_german_string_of_the_plan_has_a_translation(german_demo):
    missing = []
    for label, instance, languages in planned_objects(german_demo):
        assert instance is not None, f"{label}: not in the demo tree"
        for language in languages:
            missing.extend(
                f"{language} {label}: {text!r}"
                for text in demo_translations.missing_translations(instance, language)
            )

    assert not missing, "untranslated demo strings:\n" + "\n".join(missing)


def test_no_translation_is_left_over_from_changed_german_text(german_demo):
    texts = {language: set() for language in demo_translations.ALL}
    for _label, instance, languages in planned_objects(german_demo):
        found = demo_translations.source_texts(instance)
        for language in languages:
            texts[language] |= found

    orphans = [
        f"{language}: {source!r}"
        for language in demo_translations.ALL
        for source in demo_translations.catalogue(language)
        if source not in texts[language]
    ]
    assert not orphans, "entries no German demo text uses:\n" + "\n".join(orphans)


def test_translations_keep_markup_names_and_numbers():
    for language in demo_translations.ALL:
        for source, text in demo_translations.catalogue(language).items():
            assert re.findall(r"<[^>]+>", source) == re.findall(r"<[^>]+>", text), (
                language,
                source,
            )
            for kept in ("0461 85-1653", "juengling.katja@flensburg.de"):
                assert (kept in source) == (kept in text), (language, source)
            if language == "fa":
                # Persian letters, not the Arabic yeh and kaf.
                assert not re.search("[يك]", text), text


def plain(html: str) -> str:
    """Text without tags, entities and extra white space."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def step_pages(client, page) -> list[str]:
    """The HTML of the further steps of a page whose texts are spread over
    its routes ("Wer ist zuständig?": one question or result per address)."""
    page = page.specific
    if not isinstance(page, ResponsibilityFinderPage):
        return []
    return [
        client.get(page.url + path.lstrip("/")).content.decode()
        for path in page.get_cached_paths()
        if path != "/"
    ]


def test_load_translates_the_plan_once_and_leaves_no_german(
    client, django_capture_on_commit_callbacks
):
    def load():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_initial_data", stdout=io.StringIO())

    load()
    home = Site.objects.get(is_default_site=True).root_page
    counts = (Page.objects.count(), StringTranslation.objects.count())
    load()
    assert (Page.objects.count(), StringTranslation.objects.count()) == counts

    assert not StringTranslation.objects.exclude(tool_name=EXAMPLE_TOOL).exists()
    for label, source, languages in planned_objects(home):
        for language in languages:
            translated = source.get_translation(
                Locale.objects.get(language_code=language)
            )
            if not isinstance(translated, Page):
                continue
            assert translated.live, (label, language)
            html = client.get(translated.url).content.decode()
            assert f'<html lang="{language}"' in html, (label, language)
            pages = [html, *step_pages(client, translated)]
            page_text = " ".join(plain(page) for page in pages)
            main_text = " ".join(
                plain(re.search(r"<main\b.*?</main>", page, re.S).group(0))
                for page in pages
            )
            strings = demo_translations.catalogue(language)
            for german in demo_translations.source_strings(source):
                shown = plain(strings[german])
                assert shown in page_text, (label, language, shown)
                # Whole sentences only: a single word such as "Deutsch" may come
                # from an untranslated contact card. Leichte Sprache pages show
                # the German interface.
                if (
                    language != demo_translations.EASY
                    and shown != plain(german)
                    and len(german.split()) > 3
                ):
                    assert plain(german) not in main_text, (label, language, german)


def test_menu_is_translated_in_every_language(german_demo):
    """Each page of the main menu is in the plan for all languages, with its
    menu title translated."""
    planned = dict(demo_translations.PAGES)
    for page in german_demo.get_children().live().in_menu().specific():
        assert planned.get(page.slug) == demo_translations.ALL, page.slug
        for language in demo_translations.ALL:
            assert page.nav_title in demo_translations.catalogue(language), (
                language,
                page.nav_title,
            )
