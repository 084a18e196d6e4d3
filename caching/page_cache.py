"""Whole-page cache for anonymous visitors, on Django's cache framework.

``PageCacheMiddleware`` keeps the complete response of an anonymous GET of a
public page in the default cache (Redis with ``REDIS_URL``, local memory
otherwise) for ``settings.PAGE_CACHE_SECONDS`` and answers the next such
request from there without touching the database (``X-Cache: HIT``).

What is never cached:

- requests: other methods than GET/HEAD; the admin (``settings.ADMIN_URL_PATH``,
  previews included), the API (``settings.API_PATH``: its own Cache-Control),
  ``/healthz``, ``/readyz``, documents and media; query strings longer than
  ``MAX_QUERY_STRING_LENGTH``; anyone with a session cookie (logged-in staff:
  nothing served to them from the cache, nothing they see stored) or a
  messages cookie (a message waits to be shown).
- responses: anything but 200 (redirects and 404s are cheap, and caching 404s
  would let anyone fill the cache with made-up URLs), streaming responses
  (downloads), responses that set a cookie (a page with a form renders a CSRF
  token, so Django sets the CSRF cookie: such pages are always rendered afresh
  and nobody gets another visitor's token), ``Cache-Control`` private /
  no-cache / no-store, a used CSP nonce, ``Vary`` on anything but language,
  Save-Data and cookie, previews.

The key is scheme, host, path with query string, language and Save-Data
(``caching.save_data``). A page may shorten its own lifetime with
``limit_page_cache`` ("jetzt geöffnet" does, until the status changes).

Purging (``purge_page_cache``; wired to publishing and model signals in
``caching.cache_purge``) does not look for keys: every entry carries the
*generation* that was current when its request began, and a purge increments
the generation with one ``cache.incr``. Entries of older generations are never
served again and expire by themselves. This works the same with Redis and
local memory, needs no KEYS/SCAN/FLUSHDB, and a page rendered while an editor
saved cannot outlive the purge (it is stored under the generation read before
it was rendered). With the local-memory cache every process has its own
generation: a purge reaches only the process that handled the save, the others
catch up within ``PAGE_CACHE_SECONDS`` -- use Redis with several workers.

Fragments (``cached_fragment`` for data, ``cached_render`` and the
``{% fragment_cache %}`` tag for HTML) are what a page *not* served whole
from the cache reuses: site settings, header menu, footer, a page's body and
head meta. Their keys contain the generation, so the same purge drops them;
they live at most ``FRAGMENT_CACHE_SECONDS`` (default 300, 0: off), which
bounds how long a local-memory process shows them after another purged.
"""

from __future__ import annotations

import hashlib
import logging
import math
import secrets
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    set_response_etag,
)

from caching.request_memo import request_memo
from caching.save_data import saves_data, vary_on_save_data

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
PAGE_KEY_PREFIX = "page-cache:page:"
FRAGMENT_KEY_PREFIX = "page-cache:fragment:"
# The hidden field of a form's CSRF token: such HTML is one visitor's.
CSRF_FIELD = 'name="csrfmiddlewaretoken"'
MISSING = object()
# Longer query strings are answered, but never cached: nobody shares such a
# link, and they would only fill the cache.
MAX_QUERY_STRING_LENGTH = 512
# Paths outside the page cache besides the admin and the API (see docstring).
EXCLUDED_PATH_PREFIXES = ("/healthz", "/readyz", "/dokumente/")
# Vary headers the key covers (language, Save-Data), and cookie: a session or
# messages cookie bypasses the cache, a page setting the CSRF cookie is not kept.
HARMLESS_VARY = ("accept-language", "cookie", "save-data")
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
# Headers that belong to one response, not to the stored page.
NOT_STORED_HEADERS = {"set-cookie", "x-cache", "cache-control", "date", "expires"}


def purge_page_cache() -> None:
    """Invalidate every cached page at once (one increment of the generation)."""
    try:
        if cache.incr(GENERATION_KEY) is None:  # django-redis, Redis down
            logger.warning("Page cache purge failed: cache unreachable")
    except ValueError:  # no generation yet, or evicted: start a new one
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)


def fragment_generation() -> int | None:
    """The current generation, read once per request (None: cache down)."""
    memo = request_memo("page_cache")
    if memo is not None and "generation" in memo:
        return memo["generation"]
    entries = cache.get_many([GENERATION_KEY]) or {}
    generation = _current_generation(entries)
    if memo is not None:
        memo["generation"] = generation
    return generation


def _fragment_key(name: str, parts) -> str | None:
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return None
    generation = fragment_generation()
    if generation is None:
        return None
    raw = "\n".join(str(part) for part in parts)
    digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
    return f"{FRAGMENT_KEY_PREFIX}{name}:{generation}:{digest}"


def cached_fragment(name: str, parts, build):
    """``build()``'s result, kept in the default cache until the next purge.

    For plain data every request would compute alike (the header menu, the
    site of a host, ...): the key holds ``name``, ``parts`` (e.g. site and
    language) and the current page-cache generation, so every
    ``purge_page_cache`` (publishing, moving, ...) drops it. Kept at most
    ``FRAGMENT_CACHE_SECONDS`` (0: never kept); independent of
    ``PAGE_CACHE_SECONDS``, which only switches the whole-page cache. With the
    cache unreachable, ``build()`` runs anyway.
    """
    key, value = fragment_lookup(name, parts)
    if value is MISSING:
        value = build()
        fragment_store(key, value)
    return value


def cached_fragments(name: str, parts: dict, build) -> dict:
    """Many ``cached_fragment`` values in one cache round trip.

    ``parts`` maps each wanted item to its key parts; ``build(missing)``
    returns a dict of values for the items not kept (it may leave out items
    it cannot build). Returns a dict of the values found or built.
    """
    keys = {item: _fragment_key(name, item_parts) for item, item_parts in parts.items()}
    wanted = [key for key in keys.values() if key is not None]
    kept = cache.get_many(wanted) if wanted else {}
    values = {item: kept[key] for item, key in keys.items() if key in kept}
    missing = [item for item in parts if item not in values]
    if missing:
        built = build(missing)
        values.update(built)
        new = {keys[item]: value for item, value in built.items() if keys[item]}
        if new:
            cache.set_many(new, timeout=settings.FRAGMENT_CACHE_SECONDS)
    return values


def fragment_lookup(name: str, parts) -> tuple[str | None, object]:
    """(key, kept value or ``MISSING``) of a fragment; key None: keep nothing."""
    key = _fragment_key(name, parts)
    if key is None:
        return None, MISSING
    return key, cache.get(key, MISSING)


def fragment_store(key: str | None, value) -> None:
    if key is not None:
        cache.set(key, value, timeout=settings.FRAGMENT_CACHE_SECONDS)


def cached_render(request, name: str, parts, render) -> str:
    """HTML of ``render()`` (a template fragment), kept like ``cached_fragment``.

    Not kept for previews, for other methods than GET/HEAD and for HTML with a
    CSRF token (it belongs to one visitor). A fragment that limited the page's
    lifetime while it rendered (``limit_page_cache``: "jetzt geöffnet") is kept
    only that long; each time it is used, it limits the page to its own
    remaining lifetime.
    """
    if (
        request is None
        or getattr(request, "is_preview", False)
        or request.method not in ("GET", "HEAD")
    ):
        return render()
    key = _fragment_key(name, parts)
    if key is None:
        return render()
    entry = cache.get(key)
    if entry is not None:
        html, until = entry
        # A page built from a kept fragment is kept no longer than the
        # fragment: what was true when it was rendered (an opening state, the
        # next events) is never older than either lifetime allows.
        limit_page_cache(request, until - time.time())
        return html
    outer = getattr(request, "page_cache_max_age", math.inf)
    request.page_cache_max_age = math.inf
    try:
        html = render()
        own = request.page_cache_max_age
    finally:
        request.page_cache_max_age = min(outer, request.page_cache_max_age)
    if CSRF_FIELD in html:
        return html
    seconds = math.floor(min(settings.FRAGMENT_CACHE_SECONDS, own))
    if seconds >= 1:
        cache.set(key, (html, time.time() + seconds), timeout=seconds)
    return html


def limit_page_cache(request, seconds: float) -> None:
    """Keep the page rendered for ``request`` at most ``seconds`` in any cache."""
    if request is None:
        return
    current = getattr(request, "page_cache_max_age", math.inf)
    request.page_cache_max_age = min(current, seconds)


def _new_generation() -> int:
    # Random, not 1: after an eviction of the counter, entries of an earlier
    # "generation 1" must not come back to life.
    return secrets.randbits(48)


def _current_generation(entries: dict) -> int | None:
    generation = entries.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _excluded_path(path: str) -> bool:
    prefixes = (
        f"/{settings.ADMIN_URL_PATH}",
        f"/{settings.API_PATH}",
        settings.STATIC_URL,
        settings.MEDIA_URL,
        *EXCLUDED_PATH_PREFIXES,
    )
    return path.startswith(prefixes)


def _has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _request_is_cacheable(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not _excluded_path(request.path_info)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING_LENGTH
        and not _has_session(request)
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def page_cache_key(request) -> str:
    """Scheme, host, path, query string and language, hashed; Save-Data apart."""
    parts = (
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return PAGE_KEY_PREFIX + digest + (":save-data" if saves_data(request) else "")


def _cache_control_allows_storing(response) -> bool:
    value = response.get("Cache-Control", "").lower()
    return not any(directive in value for directive in UNCACHEABLE_DIRECTIVES)


def _vary_allows_storing(response) -> bool:
    if not response.has_header("Vary"):
        return True
    headers = [h.strip().lower() for h in response["Vary"].split(",") if h.strip()]
    return all(header in HARMLESS_VARY for header in headers)


def _response_is_cacheable(request, response) -> bool:
    session = getattr(request, "session", None)
    # Django's lazy nonce is true once a template used it.
    nonce = get_nonce(request)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and _cache_control_allows_storing(response)
        and _vary_allows_storing(response)
        and not has_vary_header(response, "*")
        # A CSP nonce must be new for every response; a page that used one
        # is rendered afresh each time.
        and not nonce
        and not (session is not None and session.modified)
        and not getattr(request, "is_preview", False)
    )


def _public_cache_control(response, seconds: int) -> None:
    """Shared caches (a CDN) may keep the page; browsers ask again each time
    (cheaply: an ETag answers with 304)."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)


class PageCacheMiddleware:
    """Serve and store whole anonymous pages (see the module docstring).

    Listed after LocaleMiddleware (the language is part of the key) and before
    CsrfViewMiddleware, so that it sees the CSRF cookie a form page sets.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return vary_on_save_data(self._respond(request))

    def _respond(self, request):
        if not _request_is_cacheable(request):
            response = self.get_response(request)
            if _has_session(request) and not response.has_header("Cache-Control"):
                # What staff see (the Wagtail user bar) is for them alone.
                patch_cache_control(response, private=True)
            return response
        try:
            key = page_cache_key(request)
        except DisallowedHost:
            return self.get_response(request)  # CommonMiddleware answers 400

        entries = cache.get_many([GENERATION_KEY, key]) or {}
        generation = _current_generation(entries)
        if generation is None:  # django-redis ignoring an outage: go on uncached
            return self.get_response(request)
        memo = request_memo("page_cache")
        if memo is not None:  # the fragments of this request use it too
            memo["generation"] = generation
        entry = entries.get(key)
        if entry and entry["generation"] == generation:
            return self._from_entry(request, entry)

        response = self.get_response(request)
        response.headers["X-Cache"] = "MISS"
        if _response_is_cacheable(request, response):
            self._store(request, response, key, generation)
        return response

    @staticmethod
    def _store(request, response, key: str, generation: int) -> None:
        max_age = getattr(request, "page_cache_max_age", math.inf)
        seconds = math.ceil(min(settings.PAGE_CACHE_SECONDS, max_age))
        if seconds <= 0:
            return
        if not response.has_header("Cache-Control"):
            _public_cache_control(response, seconds)
        if not response.has_header("ETag"):
            set_response_etag(response)
        entry = {
            "generation": generation,
            "expires": time.time() + seconds,
            "status": response.status_code,
            "content": response.content,
            "cache_control": response["Cache-Control"],
            "headers": [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in NOT_STORED_HEADERS
            ],
        }
        cache.set(key, entry, timeout=seconds)

    @staticmethod
    def _from_entry(request, entry: dict) -> HttpResponse:
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response.headers[name] = value
        remaining = max(0, math.ceil(entry["expires"] - time.time()))
        if "s-maxage" in entry["cache_control"]:
            _public_cache_control(response, remaining)
        else:
            response.headers["Cache-Control"] = entry["cache_control"]
        response.headers["X-Cache"] = "HIT"
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )
        if conditional is not response:
            conditional.headers["X-Cache"] = "HIT"
        return conditional
