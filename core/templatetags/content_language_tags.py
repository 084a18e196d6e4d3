"""Mark content that is shown in another language than the interface.

Snippets without a translation appear in German inside a translated page;
screen readers must read them with a German voice (WCAG 3.1.2).
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from wagtail.models import Locale

from caching.page_cache import cached_fragment
from core import translations

register = template.Library()


def text_direction(code: str) -> str:
    """ "rtl" for Arabic, Farsi and other right-to-left languages, else "ltr"."""
    return "rtl" if code.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"


def _locale_code(request, obj) -> str:
    """The object's language code, with the locale table read once per request
    (or not at all: it is kept in the cache until the next purge)."""
    return locale_language(request, getattr(obj, "locale_id", None))


def locale_language(request, locale_id) -> str:
    """The language code of a locale id (German for None)."""
    if locale_id is None:
        return settings.LANGUAGE_CODE  # not translatable: always German
    if request is None:  # rendered outside a request, e.g. a block on its own
        return (
            Locale.objects.filter(pk=locale_id)
            .values_list("language_code", flat=True)
            .first()
            or settings.LANGUAGE_CODE
        )
    if not hasattr(request, "_locale_codes"):
        request._locale_codes = cached_fragment(
            "locale-codes",
            (),
            lambda: dict(Locale.objects.values_list("pk", "language_code")),
        )
    return request._locale_codes.get(locale_id, settings.LANGUAGE_CODE)


def other_language(request, obj) -> str:
    """``obj``'s language code where it differs from the reader's, else ""."""
    code = _locale_code(request, obj)
    return "" if code == get_language() else code


def _attrs(code: str) -> str:
    return format_html(' lang="{}" dir="{}"', code, text_direction(code))


@register.simple_tag(takes_context=True)
def lang_attrs(context, obj):
    """` lang=".." dir=".."` when ``obj`` is in another language than the page."""
    code = other_language(context.get("request"), obj)
    return _attrs(code) if code else ""


@register.simple_tag(takes_context=True)
def in_own_language(context, text, obj):
    """``text`` (of ``obj``) in a ``<span lang>`` where ``obj``'s language is
    not the reader's, for a title inside a translated sentence:
    ``{% in_own_language measure.title measure as title %}`` then
    ``{% blocktranslate with title=title %}``."""
    attrs = lang_attrs(context, obj)
    if not attrs:
        return text
    return format_html("<span{}>{}</span>", attrs, text)


@register.simple_tag(takes_context=True)
def ui_lang_attrs(context, obj=None):
    """` lang=".." dir=".."` of the interface, for interface text (labels,
    "Mehr", file details, dates) inside content of another language: on a
    German page shown as a fallback, the page's text is marked German, the
    words of the site around it stay in the reader's language. ``obj`` is
    the content around the text, the page by default."""
    content = obj if obj is not None else context.get("page")
    if getattr(content, "locale_id", None) is None:
        return ""
    if not other_language(context.get("request"), content):
        return ""
    return _attrs(get_language())


@register.simple_tag(takes_context=True)
def is_untranslated(context, obj) -> bool:
    return bool(other_language(context.get("request"), obj))


@register.filter
def localized(obj):
    """``obj`` in the visitor's language where it is translated
    (``core.translations.localized``: no query per object on German pages)."""
    return translations.localized(obj)
