"""Reading without a connection: the service worker (``/sw.js``), the offline
page of each language (``/offline/``, ``/ar/offline/``, ...) and the web app
manifest of each language (``/manifest.webmanifest``, ``/ar/...``).

A feature app: it reads ``pages`` (the home, office and help pages of each
language, the site settings) and ``caching`` (the service worker's list of
addresses is kept until the next purge)."""
