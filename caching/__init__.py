"""Caching: whole pages for anonymous visitors and fragments (``page_cache``),
the purge when editors change what pages show (``cache_purge``; each app
registers what purges in its ``AppConfig.ready``), the front-end cache (CDN,
``frontend_cache``), what one request keeps (``request_memo``), Wagtail's
site and route lookups kept (``middleware``) and the Redis circuit breaker
(``cache_breaker``). Imports no app of the site."""
