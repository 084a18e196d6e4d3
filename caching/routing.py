"""Wagtail's page serving, with the site and the page for a path kept in the
fragment cache.

Wagtail's own view (``wagtail.views.serve``) finds the page for a path on
every request: it looks up the site for the host (a query), loads the site's
root page in the visitor's language and then each page along the path, with
their specific rows. ``serve`` here is mounted as ``wagtail_serve`` instead
(flensburg_site.urls) and does what Wagtail's view does through Wagtail's
public API (``Site.find_for_request``, ``Page.route``, the ``on_serve_page``
and ``before_serve_page`` hooks, ``Page.serve``), with three fragments
(caching.page_cache, dropped by every purge):

- ``wagtail-site``: the site for host and port. Saving or deleting a site
  purges (caching.cache_purge).
- ``wagtail-root``: the site's root page in the visitor's language, with its
  specific row, where routing afresh starts (a new path, a 404).
- ``wagtail-route``: after a page answered a GET or HEAD with 200, which page it
  was for host, language and path, with its URL path and the path components
  it left to its own routes (the Check Up page's measure sheets). The next
  request for the path loads that page by its primary key (one query) and
  asks it to route the rest, as Wagtail would have. Publishing, moving or
  deleting a page purges; a kept page that is gone, has another URL path
  (moved or renamed, seen by a process whose local cache missed the purge) or
  no longer routes (unpublished: 404) is routed afresh from the site's root.

The hooks run on every request, for a kept route too: view restrictions and
the page's allowed request methods always apply.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.utils import translation

from wagtail import hooks
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from caching.page_cache import MISSING, cached_fragment, fragment_lookup, fragment_store

# Requests whose route is kept (and used): the others route afresh.
KEPT_METHODS = ("GET", "HEAD")


def serve(request, path: str):
    """Wagtail's ``serve`` view with the route from the fragment cache."""
    key = None
    route = None
    rest = None
    if request.method in KEPT_METHODS:
        key, kept = fragment_lookup(
            "wagtail-route",
            (request.get_host(), translation.get_language() or "", path),
        )
        if kept is not MISSING:
            route = kept_route(request, kept)
    if route is None:
        route, rest = fresh_route(request, path)
    else:
        key = None  # kept already
    page, args, kwargs = route
    response = serve_route(request, page, args, kwargs)
    if key is not None and rest is not None and response.status_code == 200:
        fragment_store(key, (page.content_type_id, page.pk, page.url_path, rest))
    return response


def site_for_request(request) -> Site | None:
    """Wagtail's site for the request's host and port, kept until a purge.

    ``Site.find_for_request`` (and ``page.get_url(request)``, which calls it)
    costs a query per request: code that needs the site or a page's URL
    outside the kept fragments saves it with this site, e.g.
    ``page.relative_url(site_for_request(request), request)``.
    """
    hostname = split_domain_port(request.get_host())[0]
    return cached_fragment(
        "wagtail-site",
        (hostname, request.get_port()),
        lambda: Site.find_for_request(request),
    )


def root_page(site: Site):
    """The site's root page in the visitor's language, specific, kept until a
    purge (publishing, moving, a new child)."""
    language = translation.get_language() or ""
    return cached_fragment(
        "wagtail-root",
        (site.pk, site.root_page_id, language),
        lambda: site.root_page.localized.specific,
    )


def fresh_route(request, path: str) -> tuple[RouteResult, tuple[str, ...] | None]:
    """Wagtail's route from the site's root page in the visitor's language
    (as ``Page.route_for_request``), and the path components the page left to
    its own routes (None: nothing to keep). Raises Http404."""
    site = site_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    root = root_page(site)
    route = root.route(request, components)
    # Each page on the way from the root took one component; the rest are
    # the page's own routes. A page of another depth (a project's route()
    # jumping elsewhere) is served, not kept.
    taken = route[0].depth - root.depth
    rest = tuple(components[taken:]) if 0 <= taken <= len(components) else None
    return route, rest


def kept_route(request, kept) -> RouteResult | None:
    """The kept page, loaded by its key, routing the rest of the path; None
    if it is gone, moved or renamed, or no longer routes the path."""
    content_type_id, page_id, url_path, rest = kept
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
        if content_type.model_class() is None:
            return None
        # A database error goes up at once (the 503 page): routing afresh
        # would wait for the database a second time.
        page = content_type.get_object_for_this_type(pk=page_id)
        if page.url_path != url_path:
            return None
        return page.route(request, list(rest))
    except (ObjectDoesNotExist, Http404):
        return None


def serve_chain(page, request, args, kwargs):
    return page.serve(request, *args, **kwargs)


def serve_route(request, page, args, kwargs) -> HttpResponse:
    """What ``wagtail.views.serve`` does once the route is known: the
    ``on_serve_page`` hooks wrap ``page.serve``, a ``before_serve_page`` hook
    may answer first (view restrictions, request methods)."""
    chain = serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def url_for_request(page, request) -> str | None:
    """The page's URL for this request (relative on the request's own site),
    with the site kept until a purge instead of a query per request."""
    return page.relative_url(site_for_request(request), request)
