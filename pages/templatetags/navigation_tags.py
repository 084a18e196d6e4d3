"""Header and breadcrumb navigation, built from the page tree."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Page

from caching.page_cache import cached_fragment
from caching.routing import site_for_request, url_for_request
from core.templatetags.content_language_tags import locale_language, other_language
from core.translations import localized
from pages.models.base import fallback_url

register = template.Library()


def _site_root(request) -> Page | None:
    site = site_for_request(request) if request else None
    return site.root_page if site else None


def _menu_entries(request, root: Page) -> dict:
    """Plain data of the header menu: the start page's children that editors
    marked "In Menüs anzeigen" (title, URL, pk, tree path)."""
    # specific() for nav_title costs one query per page type; the menu needs
    # no page bodies (large JSON).
    children = (
        root.get_children().live().public().in_menu().defer_streamfields().specific()
    )
    # In the visitor's language where a translation is live, as every other
    # link of the site (pages.blocks.LinkValue.href).
    home = localized(root)
    entries = []
    for child in children:
        shown = localized(child)
        entries.append(
            {
                "pk": child.pk,
                "translation_pk": shown.pk,
                "paths": (child.path, shown.path),
                "title": shown.nav_title,
                "locale_id": shown.locale_id,
                "url": url_for_request(shown, request),
            }
        )
    return {
        "root": {"pk": home.pk, "url": url_for_request(home, request)},
        "entries": entries,
    }


@register.inclusion_tag("navigation/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The header menu, from the cache until the next purge (publishing, moving,
    ...); which entry is current is worked out per request."""
    request = context.get("request")
    current = context.get("page")
    site = site_for_request(request) if request else None
    menu = None
    if site is not None:
        menu = cached_fragment(
            "main-navigation",
            (site.pk, site.root_page_id, get_language()),
            lambda: _menu_entries(request, site.root_page),
        )
    items = []
    for entry in menu["entries"] if menu else ():
        # A translation sits in its own tree: the section is the German
        # page's or the translation's shown.
        here = (entry["pk"], entry["translation_pk"])
        in_section = current is not None and current.path.startswith(entry["paths"])
        language = locale_language(request, entry["locale_id"])
        items.append(
            {
                **entry,
                # A German title in a translated menu is read in German.
                "lang": "" if language == get_language() else language,
                "is_current": in_section and current.pk in here,
                "is_ancestor": in_section and current.pk not in here,
            }
        )
    return {
        "request": request,
        "root": menu["root"] if menu else None,
        "items": items,
        "page": current,
    }


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the start page to the current page (none on the start page).

    Views below a page (e.g. a measure sheet under "Check Up Integration") add
    ``breadcrumb_trail``, a list of (title, url) or (title, url, content
    object); its last entry is current.
    """
    page = context.get("page")
    root = _site_root(context.get("request"))
    trail = list(context.get("breadcrumb_trail") or [])
    request = context.get("request")
    links = []
    # The language of each title where it differs from the reader's: German
    # pages shown as fallbacks are read with a German voice (WCAG 3.1.2).
    languages = []
    current_language = ""
    if page is not None and root is not None and (page.depth > root.depth or trail):
        ancestors = Page.objects.ancestor_of(page, inclusive=bool(trail)).filter(
            depth__gte=root.depth
        )
        for ancestor in ancestors.only(
            "title", "url_path", "path", "depth", "locale_id"
        ):
            url = fallback_url(ancestor, url_for_request(ancestor, request) or "/")
            if ancestor.depth == root.depth:
                links.append((_("Startseite"), url))
                languages.append("")
            else:
                links.append((ancestor.title, url))
                languages.append(other_language(request, ancestor))
        # A trail entry may name its content as a third item (a field of
        # action shown in German): its title is marked in that language.
        trail = [
            (title, url, other_language(request, content[0]) if content else "")
            for title, url, *content in trail
        ]
        if trail:
            current, _url, current_language = trail.pop()
        else:
            current = page.title
            current_language = other_language(request, page)
        links.extend((title, url) for title, url, _lang in trail)
        languages.extend(lang for _title, _url, lang in trail)
    else:
        current = None
    return {
        "links": links,
        "items": [
            {"title": title, "url": url, "lang": lang}
            for (title, url), lang in zip(links, languages, strict=True)
        ],
        "current": current,
        "current_lang": current_language,
        "request": context.get("request"),
        "page": page,
    }
