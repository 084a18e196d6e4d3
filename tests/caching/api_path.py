"""The API mounted at another ``settings.API_PATH`` for one test: the URLconf
(flensburg_site.urls) is built again with it, and again after the test."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.urls import clear_url_caches

import flensburg_site.urls


@contextmanager
def api_mounted_at(settings, api_path: str) -> Iterator[str]:
    """Mount the API at ``api_path`` ("schnittstelle/"); yields its URL prefix."""
    original = settings.API_PATH
    settings.API_PATH = api_path
    rebuild_urls()
    try:
        yield f"/{api_path}"
    finally:
        settings.API_PATH = original
        rebuild_urls()


def rebuild_urls() -> None:
    importlib.reload(flensburg_site.urls)
    clear_url_caches()
