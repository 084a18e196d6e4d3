"""Rows Wagtail's migrations create and an emptied database lacks.

The demo-content commands call these so that they also work on a database
whose tables were flushed (e.g. between browser tests).
"""

from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale


def ensure_default_locale() -> Locale:
    """German, the source language (created if the database lacks it; the
    locale of a request is ``core.translations.active_locale``)."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _created = Locale.objects.get_or_create(language_code=language)
    return locale


def root_collection() -> Collection:
    """The root of the image and document collections."""
    return Collection.get_first_root_node() or Collection.add_root(name="Allgemein")


def content_locales() -> list[Locale]:
    """A Locale for every content language, so that editors can translate into it."""
    return [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
