"""Example translations of the demo site, made with wagtail-localize.

The texts sit in one gettext catalogue per language beside this module
(``en.po``, ``ar.po``, ...): each entry's ``msgid`` is a German source string
exactly as wagtail-localize extracts it from the demo content
(``demo.content`` and the page modules it assembles), its ``msgstr`` the
translation. Translators can edit them with any PO editor;
``tests/demo/test_translations.py`` fails when a
German demo string has no translation in a language of the plan below, or when
an entry no longer belongs to any German demo text.

The translations are recorded in wagtail-localize like any other (editors can
sync and change them), with the tool name "Beispielübersetzung", which makes the
pages say that they are examples. ``de-x-ls`` is Leichte Sprache: its entries
are rewrites in easy German, not copies of the source.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from django.db import transaction

from wagtail.models import Locale, Page

import polib
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from pages.models import SiteSettings
from pages.translation_status import EXAMPLE_TOOL

CATALOGUES = Path(__file__).resolve().parent

EASY = "de-x-ls"
FOREIGN = ("en", "ar", "uk", "fa", "tr")
ALL = (EASY, *FOREIGN)

# The pages to translate, as slug paths below the start page ("" is the start
# page), and into which languages. A parent comes before its children. Every
# page of the main menu is here in all languages, so the menu is translated.
PAGES: list[tuple[str, tuple[str, ...]]] = [
    ("", ALL),
    ("koordinierungsstelle", ALL),
    ("check-up-integration", ALL),
    ("fluechtlinge-in-flensburg", ALL),
    ("fluechtlinge-in-flensburg/lage-und-fakten", FOREIGN),
    ("fluechtlinge-in-flensburg/zustaendigkeiten", FOREIGN),
    ("fluechtlinge-in-flensburg/leistungen", FOREIGN),
    ("fluechtlinge-in-flensburg/rechte", FOREIGN),
    ("fluechtlinge-in-flensburg/adressen-und-kontakte", FOREIGN),
    ("wer-ist-zustaendig", ALL),
    ("informationsangebote-des-landes", ALL),
    ("wie-kann-geholfen-werden", ALL),
    ("veranstaltungen", ALL),
    ("aktuelles", ALL),
    ("leichte-sprache", (EASY,)),
    ("barrierefreiheit", (EASY,)),
]
# Header, footer and contact labels.
SETTINGS_LANGUAGES = ALL
# The seven fields of action of the Check Up Integration (snippets).
FIELDS_OF_ACTION_LANGUAGES = FOREIGN
# The example indicators of "Lage in Zahlen" (snippets of the figures app).
INDICATOR_LANGUAGES = FOREIGN

# Fields whose German text every translation keeps: the slug (the address
# stays the same in every language), the phone number, and the start page's
# summary in Leichte Sprache (a pointer to the German easy-language page,
# marked lang="de" by its template).
KEPT_FIELDS = frozenset({"slug", "phone", "easy_language_summary"})


@functools.cache
def catalogue(language: str) -> dict[str, str]:
    """{German source string: translation} of ``language``, from its PO file."""
    entries = polib.pofile(str(CATALOGUES / f"{language}.po"))
    return {
        entry.msgid: entry.msgstr
        for entry in entries
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def strings_for(languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """{German source string: {language: translation}} for ``object_translate``."""
    strings: dict[str, dict[str, str]] = {}
    for language in languages:
        for source, text in catalogue(language).items():
            strings.setdefault(source, {})[language] = text
    return strings


def kept(path: str) -> bool:
    """Whether the segment at ``path`` keeps its German text (``KEPT_FIELDS``)."""
    return path.split(".", 1)[0] in KEPT_FIELDS


def source_strings(instance) -> list[str]:
    """The German strings wagtail-localize translates in ``instance``, without
    the kept fields, in order."""
    return [
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue) and not kept(segment.path)
    ]


def missing_translations(instance, language: str) -> list[str]:
    """The source strings of ``instance`` that ``language``'s catalogue lacks."""
    found = catalogue(language)
    return [text for text in source_strings(instance) if text not in found]


def source_texts(instance) -> set[str]:
    """Every German text of ``instance`` a catalogue entry may translate: its
    source strings, and the texts of stream data wagtail-localize does not
    extract (list items stored without block ids), paragraph by paragraph."""
    texts = set(source_strings(instance))
    for field in instance._meta.concrete_fields:
        raw = getattr(getattr(instance, field.name, None), "raw_data", None)
        if raw is not None:
            texts.update(_text_leaves(list(raw)))
    return texts


def _text_leaves(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _text_leaves(item)]
    if isinstance(value, list):
        return [text for item in value for text in _text_leaves(item)]
    if isinstance(value, str):
        pieces = re.split(r"</?(?:p|li|ul|ol|h[1-6])>", value)
        return [value, *(piece for piece in pieces if piece.strip())]
    return []


def object_translate(
    *, instance, language: str, strings: dict[str, dict[str, str]]
) -> bool:
    """Translate a page or snippet into ``language`` with wagtail-localize;
    False if the translation exists already. Strings without an entry in
    ``strings`` stay German; translations editors made are kept."""
    locale = Locale.objects.get(language_code=language)
    if instance.get_translation_or_none(locale) is not None:
        return False
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    )
    for segment in segments:
        if kept(segment.context.path):
            continue
        text = strings.get(segment.string.data, {}).get(language)
        if text:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": EXAMPLE_TOOL,
                },
            )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    translation.save_target(publish=True)
    return True


def page_at(home: Page, path: str) -> Page | None:
    """The German page at the slug ``path`` below ``home`` (None if an editor
    removed or renamed it)."""
    page = home
    for slug in filter(None, path.split("/")):
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page.specific


def fields_of_action():
    """The German fields of action (the Check Up Integration's snippets)."""
    from integration_checkup.models import FieldOfAction

    return FieldOfAction.objects.filter(locale=Locale.get_default())


def indicators():
    """The German indicators of "Lage in Zahlen" (the figures app's snippets)."""
    from figures.models import Indicator

    return Indicator.objects.filter(locale=Locale.get_default())


@transaction.atomic
def demo_translations_load(*, home: Page) -> list[str]:
    """Create the example translations that are missing; never change existing ones."""
    created = []
    for path, languages in PAGES:
        page = page_at(home, path)
        if page is None:
            continue
        strings = strings_for(languages)
        for language in languages:
            if object_translate(instance=page, language=language, strings=strings):
                created.append(f"{page.url_path} ({language})")
    settings = SiteSettings.objects.filter(locale=Locale.get_default()).first()
    if settings is not None:
        strings = strings_for(SETTINGS_LANGUAGES)
        for language in SETTINGS_LANGUAGES:
            if object_translate(instance=settings, language=language, strings=strings):
                created.append(f"Website-Einstellungen ({language})")
    strings = strings_for(FIELDS_OF_ACTION_LANGUAGES)
    for field in fields_of_action():
        for language in FIELDS_OF_ACTION_LANGUAGES:
            if object_translate(instance=field, language=language, strings=strings):
                created.append(f"Handlungsfeld {field.name} ({language})")
    strings = strings_for(INDICATOR_LANGUAGES)
    for indicator in indicators():
        for language in INDICATOR_LANGUAGES:
            if object_translate(instance=indicator, language=language, strings=strings):
                created.append(f"Kennzahl {indicator.title} ({language})")
    return created
