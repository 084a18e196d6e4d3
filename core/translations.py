"""Show translated snippets where they exist, German where they do not.

Lists are built from the German originals (so that nothing appears twice and
filters work on one set); this swaps in each object's translation in the
visitor's language with one query per list.
"""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Locale


def localize_objects(objects: Iterable, *, queryset=None) -> list:
    """``objects`` with each one replaced by its translation in the active
    locale, if there is one (and it is live, for models with drafts).

    ``queryset`` is the model's queryset with the same ``select_related`` /
    ``prefetch_related`` as the list, so the translations cost no extra queries.
    """
    objects = list(objects)
    if not objects:
        return objects
    locale = Locale.get_active()
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
    return queryset.filter(locale=Locale.get_default())
