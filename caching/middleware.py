"""Wagtail's site and page lookups kept in the fragment cache.

``CachedSiteMiddleware``: which Wagtail site answers a host is looked up once
per cache generation (caching.page_cache), not with a query on every request.

``CachedRouteMiddleware``: which page answers a path, likewise: then the page
is loaded with one query instead of walking the tree from the site's root.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin

from wagtail.views import serve as wagtail_serve

from caching.page_cache import MISSING, fragment_lookup, fragment_store


class CachedSiteMiddleware(MiddlewareMixin):
    """Wagtail's ``request._wagtail_site`` from the fragment cache.

    ``Site.find_for_request`` queries the sites on every request. Before the
    view, a site kept for this host is handed to Wagtail; after it, the site
    Wagtail looked up (in the view, where a database outage becomes the 503
    page) is kept. Saving or deleting a site purges (caching.cache_purge). Listed
    after CommonMiddleware, which has refused hosts outside ALLOWED_HOSTS.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(f"/{settings.ADMIN_URL_PATH}"):
            return
        hostname = split_domain_port(request.get_host())[0]
        key, site = fragment_lookup("wagtail-site", (hostname, request.get_port()))
        if site is MISSING:
            request._wagtail_site_key = key
        else:
            request._wagtail_site = site

    def process_response(self, request, response):
        key = getattr(request, "_wagtail_site_key", None)
        if key is not None and hasattr(request, "_wagtail_site"):
            fragment_store(key, request._wagtail_site)
        return response


class CachedRouteMiddleware(MiddlewareMixin):
    """Wagtail's route for a path (``request._wagtail_route_for_request``),
    from the fragment cache.

    Wagtail finds the page for a path by loading the site's root page in the
    visitor's language and then each page along the path, with their specific
    rows. After a page was served (200), the page it found is kept for the
    host, language and path with the path components it left to its own
    routes (the Check Up page's measure sheets); before the next request for
    that path, that page is loaded by its primary key and asked to route the
    rest, as Wagtail would have. Publishing, moving or deleting a page purges
    (caching.cache_purge); a page that is gone is routed afresh.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or request.method not in ("GET", "HEAD"):
            return
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        key, route = fragment_lookup(
            "page-route",
            (request.get_host(), translation.get_language() or "", path),
        )
        request._wagtail_route_key = key
        request._wagtail_route_path = path
        if route is MISSING:
            return
        content_type_id, page_id, rest = route
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        # A database error goes up at once (the 503 page): Wagtail routing
        # afresh would wait for the database a second time.
        try:
            page = model._default_manager.get(pk=page_id)
            request._wagtail_route_for_request = page.route(request, list(rest))
        except (model.DoesNotExist, Http404):
            # Gone (moved, deleted, unpublished): Wagtail routes as usual.
            request.__dict__.pop("_wagtail_route_for_request", None)
        else:
            request._wagtail_route_key = None  # kept already

    def process_response(self, request, response):
        key = getattr(request, "_wagtail_route_key", None)
        route = getattr(request, "_wagtail_route_for_request", None)
        site = getattr(request, "_wagtail_site", None)
        if key is None or route is None or site is None or response.status_code != 200:
            return response
        page = route[0]
        # The components from the site's root to the page are the page's; the
        # rest are the page's own routes.
        consumed = page.depth - site.root_page.depth
        rest = [part for part in request._wagtail_route_path.split("/") if part]
        fragment_store(key, (page.content_type_id, page.pk, tuple(rest[consumed:])))
        return response
