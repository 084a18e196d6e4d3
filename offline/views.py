"""The service worker, the offline page and the web app manifest."""

import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.templatetags.content_language_tags import text_direction
from offline.addresses import key_pages, language_prefix, worker_config

# The site's blue (static/img/favicon.svg, KERN's action colour).
THEME_COLOR = "#2044aa"
BACKGROUND_COLOR = "#ffffff"
JS_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@require_safe
def service_worker(request):
    """``/sw.js`` at the site's root, so that its scope is the whole site.
    Browsers ask for it again on every visit (``no-cache``; the page cache
    does not keep such responses) and install a new worker when a byte
    changed: new static files (hashed names), new addresses of the key pages.
    """
    config = json.dumps(worker_config(request), sort_keys=True).translate(JS_ESCAPES)
    body = render_to_string("offline/sw.js", {"config": mark_safe(config)})  # noqa: S308
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def offline_page(request):
    """What the service worker shows for a page it has not kept while the
    reader is offline: in the language of the requested address."""
    code = get_language()
    other_prefixes = [
        language_prefix(other)
        for other, _name in settings.LANGUAGES
        if other != settings.LANGUAGE_CODE and other != code
    ]
    start = (_("Startseite"), language_prefix(code))
    context = {
        "title": _("Sie sind offline"),
        "key_pages": key_pages(request, code),
        "prefix": language_prefix(code),
        "other_prefixes": " ".join(other_prefixes),
        "breadcrumb_links": [start],
        "breadcrumb_items": [{"title": start[0], "url": start[1], "lang": ""}],
    }
    response = TemplateResponse(request, "offline/offline.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def manifest(request):
    """The web app manifest of the request's language (home screen)."""
    code = get_language()
    start_url = language_prefix(code)
    icons = [
        {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("img/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    data = {
        "id": start_url,
        "name": _("Koordinierungsstelle für Flüchtlinge – Stadt Flensburg"),
        "short_name": _("Flüchtlinge FL"),
        "description": _(
            "Informationen und Kontakte für Geflüchtete in Flensburg, auch offline."
        ),
        "lang": code,
        "dir": text_direction(code),
        "start_url": start_url,
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    }
    return JsonResponse(
        data,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
