"""Uploaded images straight from MEDIA_ROOT, and nothing else.

The media route (flensburg_site.urls) covers ``images/`` (renditions) and
``original_images/``. Only raster images are served from there: a file of any
other kind that finds its way into those folders (an SVG or HTML page, which
a browser would run as a page of this site) is answered with 404. Documents
never come from here; they go through Wagtail's serve view under /dokumente/.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# The formats Wagtail accepts for images and writes for renditions.
RASTER_IMAGE_SUFFIXES = frozenset({".avif", ".gif", ".jpg", ".jpeg", ".png", ".webp"})
# An image opened on its own is no page: no scripts, no plugins, no forms.
IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def serve_image(request, path: str):
    if PurePosixPath(path).suffix.lower() not in RASTER_IMAGE_SUFFIXES:
        raise Http404("Only images are served from here.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = IMAGE_CSP
    return response
