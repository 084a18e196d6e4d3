"""Save-Data: a visitor's browser asks for less data (``Save-Data: on``).

Chromium-based browsers send the request header when the visitor has turned
on a data saver (Android's "Data Saver", Chrome's "Lite mode", or the
operating system's data limit). Pages answer such requests without web fonts:
no font preloads, no font stylesheet, text in the system font stack that the
CSS names after the web fonts (``templates/base.html``). The HTML differs, so
it is a separate entry of the whole-page cache (``page_cache_key``) and every
HTML response says ``Vary: Save-Data`` for the caches in between.

Decided on the server because nothing on the client can: CSS has no way to
read the setting (``prefers-reduced-data`` is not shipped in any browser), and
a script would run only after the preloads and stylesheets have been fetched.
"""

from django.utils.cache import patch_vary_headers

HEADER = "Save-Data"


def saves_data(request) -> bool:
    """Whether the request asks for less data (the header's token is "on")."""
    headers = getattr(request, "headers", None)
    if headers is None:
        return False
    token = headers.get(HEADER, "").split(";")[0]
    return token.strip().lower() == "on"


def vary_on_save_data(response):
    """HTML pages depend on the header (see the module docstring); returns the
    response. A 304 names the Vary of the page it confirms."""
    html = response.get("Content-Type", "").startswith("text/html")
    if html or response.status_code == 304:
        patch_vary_headers(response, (HEADER,))
    return response
