"""``{% static_sri %}``: a static file's URL with its Subresource Integrity.

    {% load sri_tags %}
    <link rel="stylesheet" {% static_sri 'css/site.css' %}>
    <script {% static_sri 'js/site.js' 'src' %} defer></script>

renders ``integrity="sha384-…" href="/static/css/site.1a2b3c4d5e6f.css"``.
The digest is that of the file the URL serves, found the way whitenoise finds
it: through the staticfiles finders where whitenoise uses them (development,
tests), else in STATIC_ROOT (production: the hashed copy collectstatic wrote,
with its ``url()`` references rewritten). Browsers check the decoded body, so
whitenoise's gzip and brotli variants match the same digest. Same-origin
scripts and stylesheets need no ``crossorigin`` attribute for it.

Font preloads (components/fonts.html) carry no integrity: the font is used by
an ``@font-face`` rule, whose fetch cannot carry integrity metadata, and
Chromium ignores ``integrity`` on ``as="font"`` preloads (crbug.com/981419).

A digest is computed once per file, modification time and size: in
production the files do not change while the process runs; in development an
edited stylesheet gets a fresh digest instead of being blocked by the browser.
"""

import base64
import functools
import hashlib
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

URL_ATTRIBUTES = {"href", "src"}


@register.simple_tag
def static_sri(path: str, attribute: str = "href") -> str:
    """``integrity`` and ``href`` (or ``src``) attributes for a static file.
    The URL comes last, so that attributes written after the tag follow it
    (``href="…" media="print"``) as they did with ``{% static %}``."""
    if attribute not in URL_ATTRIBUTES:
        raise template.TemplateSyntaxError(
            f"static_sri: attribute must be one of {sorted(URL_ATTRIBUTES)}"
        )
    url = static(path)
    return format_html('integrity="{}" {}="{}"', static_integrity(url), attribute, url)


def static_integrity(url: str) -> str:
    """``sha384-…`` of the static file served at ``url``."""
    name = _static_name(url)
    location = _served_location(name)
    if location is None:
        return _storage_digest(name)
    stat = os.stat(location)
    return _file_digest(location, stat.st_mtime_ns, stat.st_size)


def _static_name(url: str) -> str:
    prefix = urlsplit(settings.STATIC_URL).path
    path = unquote(urlsplit(url).path)
    if not path.startswith(prefix):
        raise ValueError(f"{url} is not below STATIC_URL")
    return path.removeprefix(prefix)


def _served_location(name: str) -> str | None:
    """The file on disk whitenoise answers with, or None for a storage
    without local paths."""
    if getattr(settings, "WHITENOISE_USE_FINDERS", settings.DEBUG):
        found = finders.find(name)
        if found:
            return found
    try:
        location = staticfiles_storage.path(name)
    except NotImplementedError:
        return None
    if not os.path.isfile(location):
        raise ValueError(f"No static file {name!r} to compute its integrity")
    return location


@functools.lru_cache(maxsize=256)
def _file_digest(location: str, mtime_ns: int, size: int) -> str:
    return _sri(Path(location).read_bytes())


@functools.cache
def _storage_digest(name: str) -> str:
    with staticfiles_storage.open(name) as file:
        return _sri(file.read())


def _sri(content: bytes) -> str:
    digest = hashlib.sha384(content).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")
