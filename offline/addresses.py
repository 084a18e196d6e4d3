"""What the service worker keeps and never keeps, per language.

Each language of the site gets: its home page, the office page
(Koordinierungsstelle), the help page with the directory (Hilfeverzeichnis),
its offline page, and the stylesheets, scripts and fonts its pages load
(hashed static URLs in production). The service worker fetches them when a
reader first opens a page in that language; every other page the reader opens
is kept too (``templates/offline/sw.js``), unless it is below one of the
never-kept paths (forms, search with a query, admin, API, downloads).
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import override

from caching.page_cache import cached_fragment
from caching.routing import site_for_request
from core.templatetags.content_language_tags import text_direction
from core.translations import localized
from pages.models import HelpPage, OfficePage

# How long a page may take before the kept copy is shown (milliseconds).
NETWORK_TIMEOUT_MS = 3000
# Static files every page of a language loads (templates/base.html,
# templates/components/fonts.html); the files a page actually loaded are
# added by site.js when it asks the worker to keep the language.
COMMON_ASSETS = ["css/site.css", "js/site.js", "js/offline.js", "img/favicon.svg"]
LTR_ASSETS = ["kern/kern.min.css", "fonts/fira-sans.css"]
FONT_ASSETS = {
    "ar": ["rtl/kern.rtl.min.css", "fonts/fira-sans-noto-sans-arabic.css"],
    "fa": ["rtl/kern.rtl.min.css", "fonts/fira-sans-vazirmatn.css"],
}
# Paths the worker leaves alone (the browser asks the network as always).
BYPASS_PATHS = ["/django-admin/", "/sw.js", "/healthz", "/readyz", "/dokumente/"]
# Below these names (in every language): forms and their result pages.
FORM_URL_NAMES = ["alerts:subscribe"]
# Never kept with a query string: results of what the reader typed.
QUERY_URL_NAMES = ["site_search:search"]
# Parts of a path that mark a form's result page (the form pages themselves
# carry a CSRF token, which the worker never keeps, wherever they are).
FORM_PATH_PARTS = ["/barriere-melden/danke/", "/rueckmeldung/danke/"]


def language_prefix(code: str) -> str:
    with override(code):
        return reverse("wagtail_serve", args=[""])


def _static_urls(names) -> list[str]:
    urls = []
    for name in names:
        try:
            urls.append(static(name))
        except ValueError:  # not in the manifest (renamed): not precached
            continue
    return urls


def assets_for(code: str) -> list[str]:
    return _static_urls(COMMON_ASSETS + FONT_ASSETS.get(code, LTR_ASSETS))


def key_pages(request, code: str) -> list[dict]:
    """Home, office and help page in language ``code``: ``{"url", "title"}``,
    the translation where it is live, else the German page under the
    language's prefix (as the site links it)."""
    site = site_for_request(request)
    home = site.root_page.specific if site else None
    found = []
    with override(code):
        if home is not None:
            found.append({"url": language_prefix(code), "title": localized(home).title})
        for model in (OfficePage, HelpPage):
            original = (
                model.objects.live()
                .filter(locale__language_code=settings.LANGUAGE_CODE)
                .first()
            )
            if original is None:
                continue
            page = localized(original)
            url = page.specific.relative_url(site, request)
            if url:
                found.append({"url": url, "title": page.title})
    return found


def never_cached() -> dict:
    prefixes = [f"/{settings.ADMIN_URL_PATH}", f"/{settings.API_PATH}"]
    prefixes += [settings.MEDIA_URL] + BYPASS_PATHS
    forms, queries = [], []
    for code, _name in settings.LANGUAGES:
        with override(code):
            forms += [reverse(name) for name in FORM_URL_NAMES]
            queries += [reverse(name) for name in QUERY_URL_NAMES]
    return {
        "bypass": prefixes,
        "forms": forms,
        "formParts": FORM_PATH_PARTS,
        "withQuery": queries,
    }


def worker_config(request) -> dict:
    """Everything ``templates/offline/sw.js`` needs, kept until the next
    purge (publishing, moving a page)."""
    # The deploy's static manifest is part of the key: a new deploy never
    # gets the hashed file names of the one before.
    manifest = getattr(staticfiles_storage, "manifest_hash", "")
    return cached_fragment(
        "offline-worker",
        (request.get_host(), manifest),
        lambda: _build_config(request),
    )


def _build_config(request) -> dict:
    languages = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            offline = reverse("offline:page")
        languages[code] = {
            "prefix": language_prefix(code),
            "pages": [page["url"] for page in key_pages(request, code)],
            "offline": offline,
            "assets": assets_for(code),
            "dir": text_direction(code),
        }
    config = {
        "defaultLanguage": settings.LANGUAGE_CODE,
        "languages": languages,
        "staticUrl": settings.STATIC_URL,
        # Hashed names change with their content: the kept copy is the file.
        "hashedStatic": bool(getattr(staticfiles_storage, "manifest_hash", "")),
        "timeout": NETWORK_TIMEOUT_MS,
        "neverCache": never_cached(),
    }
    config["version"] = deploy_version(config)
    return config


def deploy_version(config: dict) -> str:
    """Names the worker's caches: the static manifest's hash (a new deploy
    with changed static files starts afresh), else a hash of the addresses."""
    manifest = getattr(staticfiles_storage, "manifest_hash", "")
    if manifest:
        return manifest[:16]
    text = json.dumps(config["languages"], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
