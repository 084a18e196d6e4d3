from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap as sitemap_view

from caching import routing
from core.media import serve_image
from figures.sitemaps import IndicatorSitemap
from offline.views import service_worker
from operations.health import healthz, readyz
from pages.sitemaps import SiteSitemap
from pages.views import robots_txt

# Database errors anywhere (a middleware too) become the 503 page of
# operations.db_unavailable instead of a 500.
handler500 = "operations.db_unavailable.server_error"
handler404 = "pages.views.page_not_found"

urlpatterns = [
    path(settings.ADMIN_URL_PATH, include(wagtailadmin_urls)),
    # Wagtail's document URLs with our serve view (range requests).
    path("dokumente/", include("core.urls")),
    path("", include("contacts.urls")),
    path(settings.API_PATH, include("api.urls")),
    path(
        "sitemap.xml",
        sitemap_view,
        {"sitemaps": {"pages": SiteSitemap, "figures": IndicatorSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    # At the root: a service worker's scope is its own folder and below.
    path("sw.js", service_worker, name="service_worker"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

if settings.SERVE_MEDIA_FILES:
    # Uploaded images from local storage. A reverse proxy or S3 takes this
    # over in larger set-ups (SERVE_MEDIA_FILES=false). Documents are not
    # served from here: /dokumente/ checks their collection's privacy. Only
    # raster images: an SVG or HTML file in these folders is refused.
    urlpatterns.append(
        re_path(
            r"^{}(?P<path>(?:images|original_images)/.*)$".format(
                settings.MEDIA_URL.lstrip("/")
            ),
            serve_image,
        )
    )

urlpatterns += i18n_patterns(
    path("suche/", include("site_search.urls")),
    path("zahlen/", include("figures.urls")),
    path("benachrichtigungen/", include("alerts.urls")),
    path("", include("offline.urls")),
    # Wagtail's front-end URLs; its page serving (same pattern, same name)
    # with the site and the page for a path kept in the fragment cache.
    *(url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
