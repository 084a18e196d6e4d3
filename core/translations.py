"""Show translated snippets where they exist, German where they do not.

Lists are built from the German originals (so that nothing appears twice and
filters work on one set); this swaps in each object's translation in the
visitor's language with one query per list.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation

from wagtail.models import DraftStateMixin, Locale

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


def localized(obj):
    """What Wagtail's ``obj.localized`` gives (the live translation in the
    active language, else ``obj``), without a query when ``obj`` is in the
    visitor's language already: links and contacts on a German page cost
    nothing per item."""
    if obj is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return obj
    locale = active_locale()
    if obj.locale_id == locale.pk:
        return obj
    found = obj.get_translation_or_none(locale)
    if found is None or (isinstance(found, DraftStateMixin) and not found.live):
        return obj
    return found


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
    keys = [obj.translation_key for obj in objects if obj.locale_id != locale.pk]
    if not keys:
        return objects
    model = type(objects[0])
    translations = (queryset if queryset is not None else model.objects.all()).filter(
        translation_key__in=keys, locale=locale
    )
    if hasattr(model, "live"):
        translations = translations.filter(live=True)
    by_key = {translation.translation_key: translation for translation in translations}
    return [by_key.get(obj.translation_key, obj) for obj in objects]


def default_locale_only(queryset):
    """The German originals of a translatable model."""
    return queryset.filter(locale=default_locale())
