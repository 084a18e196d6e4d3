"""Show translated snippets where they exist, German where they do not.

Lists are built from the German originals (so that nothing appears twice and
filters work on one set); this swaps in each object's translation in the
visitor's language with one query per list.

A snippet without drafts is created by wagtail-localize's "Übersetzen" at
once, holding the German texts until its strings are translated and
published. Such a translation is not one yet: readers get the German
original instead, which the templates mark ``lang="de"`` (language of parts,
``content_language_tags``), never German text under the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.db import models
from django.utils import translation

from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Locale

from wagtail_localize.fields import get_translatable_fields

from caching.page_cache import cached_fragment
from caching.request_memo import request_memo


def active_locale() -> Locale:
    """``Locale.get_active()``, kept for the request and in the cache until
    the next purge (saving a locale purges)."""
    by_code = request_memo("locales")
    if by_code is None:  # outside a request: nothing to keep it for
        return Locale.get_active()
    code = translation.get_language() or settings.LANGUAGE_CODE
    if code not in by_code:
        by_code[code] = cached_fragment("active-locale", (code,), Locale.get_active)
    return by_code[code]


def default_locale() -> Locale:
    """``Locale.get_default()``, shared with ``active_locale`` on German pages."""
    by_code = request_memo("locales")
    if by_code is None:
        return Locale.get_default()
    if settings.LANGUAGE_CODE not in by_code:
        by_code[settings.LANGUAGE_CODE] = cached_fragment(
            "active-locale", (settings.LANGUAGE_CODE,), Locale.get_default
        )
    return by_code[settings.LANGUAGE_CODE]


_TEXT_FIELDS = (models.CharField, models.TextField, RichTextField, StreamField)


@cache
def translated_text_fields(model) -> list[str]:
    """The names of ``model``'s text fields that wagtail-localize translates
    (its own list of translatable fields, so an override on the model counts)."""
    names = []
    for translatable in get_translatable_fields(model):
        if not translatable.is_translated(model):
            continue
        field = model._meta.get_field(translatable.field_name)
        if isinstance(field, _TEXT_FIELDS) and not field.choices:
            names.append(field.attname)
    return names


def is_untranslated(translation, source) -> bool:
    """True when ``translation`` holds nothing but ``source``'s texts: every
    translated text field equal (compared in Python, no query). What
    wagtail-localize's "Übersetzen" leaves until the strings are translated
    and published. Models with drafts are kept from readers by ``live``."""
    if translation is source or isinstance(translation, DraftStateMixin):
        return False
    return all(
        getattr(translation, name) == getattr(source, name)
        for name in translated_text_fields(type(translation))
    )


def german_original(obj, queryset=None):
    """``obj``'s German original (``obj`` itself if it is German or has
    none), read from ``queryset`` (default: the model's manager), so a
    caller can select or prefetch what it shows of the original."""
    german = default_locale()
    if obj.locale_id == german.pk:
        return obj
    queryset = type(obj)._default_manager if queryset is None else queryset
    return (
        queryset.filter(translation_key=obj.translation_key, locale=german).first()
        or obj
    )


def _german_original(obj):
    """``obj``'s German original: the model's own ``original`` where it has
    one (kept on the object, so templates reuse it), else one query."""
    if hasattr(type(obj), "original"):
        return obj.original
    return german_original(obj)


def localized(obj):
    """What Wagtail's ``obj.localized`` gives (the live translation in the
    active language, else ``obj``), without a query when ``obj`` is in the
    visitor's language already: links and contacts on a German page cost
    nothing per item. A translation not translated yet gives way to its
    German original (``is_untranslated``)."""
    if obj is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return obj
    locale = active_locale()
    if obj.locale_id == locale.pk:
        if obj.locale_id == default_locale().pk or isinstance(obj, DraftStateMixin):
            return obj
        # A translated page's snippet chooser points at the translation.
        original = _german_original(obj)
        return original if is_untranslated(obj, original) else obj
    found = obj.get_translation_or_none(locale)
    if found is None or (isinstance(found, DraftStateMixin) and not found.live):
        return obj
    return obj if is_untranslated(found, obj) else found


def localize_objects(objects: Iterable, *, queryset=None) -> list:
    """``objects`` with each one replaced by its translation in the active
    locale, if there is one (and it is live, for models with drafts).

    ``queryset`` is the model's queryset with the same ``select_related`` /
    ``prefetch_related`` as the list, so the translations cost no extra queries.
    """
    objects = list(objects)
    if not objects:
        return objects
    locale = active_locale()
    by_source = {
        obj.translation_key: obj for obj in objects if obj.locale_id != locale.pk
    }
    keys = list(by_source)
    if not keys:
        return objects
    model = type(objects[0])
    translations = (queryset if queryset is not None else model.objects.all()).filter(
        translation_key__in=keys, locale=locale
    )
    if hasattr(model, "live"):
        translations = translations.filter(live=True)
    by_key = {
        translation.translation_key: translation
        for translation in translations
        if not is_untranslated(translation, by_source[translation.translation_key])
    }
    return [by_key.get(obj.translation_key, obj) for obj in objects]


def default_locale_only(queryset):
    """The German originals of a translatable model."""
    return queryset.filter(locale=default_locale())
