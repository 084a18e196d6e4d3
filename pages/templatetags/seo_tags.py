"""What search engines and link previews read: description, canonical URL,
OpenGraph data and schema.org breadcrumbs."""

import json

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.listing import PAGE_PARAMETER
from pages.templatetags.i18n_tags import language_links

register = template.Library()

DESCRIPTION_LENGTH = 160
SOCIAL_IMAGE_SPEC = "fill-1200x630"
# OpenGraph wants language_TERRITORY; Leichte Sprache is German to a crawler.
OG_LOCALES = {
    "de": "de_DE",
    "de-x-ls": "de_DE",
    "en": "en_GB",
    "ar": "ar_AR",
    "uk": "uk_UA",
    "fa": "fa_IR",
    "tr": "tr_TR",
}
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data) -> str:
    """A ``<script type="application/ld+json">`` data block. It is not
    executed, so the Content-Security-Policy does not apply to it."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def canonical_url(context) -> str:
    """The one address of what this response shows.

    A German page shown under another language's prefix (not translated yet)
    names its German address; list pages keep their page number, never their
    filters.
    """
    request = context["request"]
    page = context.get("page")
    path = request.path
    if page is not None and hasattr(page, "locale_id"):
        own_code = page.locale.language_code
        if own_code != get_language():
            for link in language_links(context):
                if link["code"] == own_code:
                    path = link["url"]
                    break
    url = request.build_absolute_uri(path)
    number = request.GET.get(PAGE_PARAMETER, "")
    if number.isdigit() and int(number) > 1:
        url += f"?{PAGE_PARAMETER}={int(number)}"
    return url


def _description(context, description) -> str:
    page = context.get("page")
    text = description or getattr(page, "meta_description", "") or ""
    if not text:
        site_settings = context.get("site_settings")
        text = _("Informationen der %(office)s der %(city)s") % {
            "office": getattr(site_settings, "office_name", ""),
            "city": getattr(site_settings, "city_name", ""),
        }
    return Truncator(" ".join(str(text).split())).chars(DESCRIPTION_LENGTH)


def _social_image(context, image):
    page = context.get("page")
    site_settings = context.get("site_settings")
    image = (
        image
        or getattr(page, "social_image", None)
        or getattr(site_settings, "default_social_image", None)
    )
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    return {
        "url": context["request"].build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(image, "default_alt_text", "") or image.title,
    }


@register.inclusion_tag("components/seo_meta.html", takes_context=True)
def seo_meta(context, title="", description="", image=None, og_type="website"):
    """Meta description, canonical link and OpenGraph/Twitter card data,
    with fallbacks: the page's search description, its intro, a site-wide
    sentence; the page's social image, the site's default image."""
    page = context.get("page")
    site_settings = context.get("site_settings")
    current = get_language()
    alternates = [
        OG_LOCALES[link["code"]]
        for link in language_links(context)
        if link["is_translated"]
        and link["code"] != current
        and link["code"] in OG_LOCALES
        and OG_LOCALES[link["code"]] != OG_LOCALES.get(current)
    ]
    return {
        "title": title or getattr(page, "seo_title", "") or getattr(page, "title", ""),
        "description": _description(context, description),
        "canonical": canonical_url(context),
        "og_type": og_type,
        "og_locale": OG_LOCALES.get(current, OG_LOCALES[settings.LANGUAGE_CODE]),
        "og_locale_alternates": sorted(set(alternates)),
        "site_name": " – ".join(
            filter(
                None,
                [
                    getattr(site_settings, "office_name", ""),
                    getattr(site_settings, "city_name", ""),
                ],
            )
        ),
        "image": _social_image(context, image),
    }


@register.simple_tag(takes_context=True)
def breadcrumbs_jsonld(context, links, current):
    """schema.org BreadcrumbList for the trail the breadcrumbs show."""
    request = context["request"]
    items = [(title, request.build_absolute_uri(url)) for title, url in links]
    items.append((current, canonical_url(context)))
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": str(title),
                    "item": url,
                }
                for position, (title, url) in enumerate(items, start=1)
            ],
        }
    )
