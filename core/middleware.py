"""Security headers that Django's own middleware does not set.

``AdminContentSecurityPolicyMiddleware``: the public site gets the strict
policy of ``settings.SECURE_CSP``. Wagtail's admin still needs inline scripts
and styles, and shows page previews in a same-origin iframe, so responses under
the admin path get ``settings.SECURE_CSP_ADMIN`` instead. Listed after Django's
CSP middleware so that its ``process_response`` runs first and the override is
seen.

``PermissionsPolicyMiddleware``: the browser features the site never uses
(camera, microphone, geolocation, …) are switched off for it and for anything
it might embed.

``CachedSiteMiddleware``: which Wagtail site answers a host is looked up once
per cache generation (core.page_cache), not with a query on every request.
"""

from django.conf import settings
from django.http.request import split_domain_port
from django.utils.deprecation import MiddlewareMixin

from core.page_cache import MISSING, fragment_lookup, fragment_store


class AdminContentSecurityPolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if request.path_info.startswith(f"/{settings.ADMIN_URL_PATH}"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response


class PermissionsPolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault(
                "Permissions-Policy",
                ", ".join(
                    f"{feature}=({' '.join(allowed)})"
                    for feature, allowed in settings.PERMISSIONS_POLICY.items()
                ),
            )
        return response


class CachedSiteMiddleware(MiddlewareMixin):
    """Wagtail's ``request._wagtail_site`` from the fragment cache.

    ``Site.find_for_request`` queries the sites on every request. Before the
    view, a site kept for this host is handed to Wagtail; after it, the site
    Wagtail looked up (in the view, where a database outage becomes the 503
    page) is kept. Saving or deleting a site purges (core.cache_purge). Listed
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
