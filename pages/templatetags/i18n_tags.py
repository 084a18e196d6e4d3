"""Languages: the switcher, hreflang alternates, notes on untranslated pages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, override

from wagtail.coreutils import get_supported_content_language_variant

from caching.routing import url_for_request
from core.templatetags.content_language_tags import text_direction
from pages.translation_status import translation_kind as compute_translation_kind

register = template.Library()


def _language_links(request, page) -> list[dict]:
    current = get_language()
    translations = {}
    remainder = ""
    if page is not None and hasattr(page, "get_translations"):
        for translation in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            translations[translation.locale.language_code] = translation
        # The page's own address in this language: a German page shown in
        # another language (untranslated fallback) sits under that prefix
        # (BasePage.get_url_parts).
        here = url_for_request(page, request) or "/"
        if request.path.startswith(here):
            remainder = request.path[len(here) :]
    # The switcher keeps a search or a filter; hreflang links do not.
    query = request.GET.urlencode()
    links = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is not None:
            # Each translation's own address, not its fallback address in the
            # language of this response.
            with override(code):
                url = (url_for_request(translation, request) or "/") + remainder
        else:
            url = translate_url(request.path, code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "switch_url": f"{url}?{query}" if query else url,
                "is_current": code == current,
                "is_translated": translation is not None,
                "dir": text_direction(code),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Every language with the URL of this page in it (once per request)."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_language_links"):
        request._language_links = _language_links(request, context.get("page"))
    return request._language_links


@register.simple_tag(takes_context=True)
def original_link(context) -> dict | None:
    """The switcher's link to this page in the site's default language: the
    binding text of an example or machine translation."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return next(
        (link for link in language_links(context) if link["code"] == default), None
    )


@register.simple_tag(takes_context=True)
def content_language(context) -> dict:
    """Language of the page's content, when it differs from the interface's:
    an untranslated page is shown in German inside a translated frame."""
    page = context.get("page")
    current = get_language()
    if page is None or not hasattr(page, "locale"):
        return {}
    code = page.locale.language_code
    if code == current:
        return {}
    return {
        "code": code,
        "dir": text_direction(code),
    }


@register.simple_tag
def translation_kind(page) -> str:
    """ "machine" or "example" for translations made that way, else ""."""
    if page is None or not hasattr(page, "translation_key"):
        return ""
    return compute_translation_kind(page)
