"""Values read once per request.

Wagtail's ``Locale.get_active()`` queries the table on every call (e.g. once
per link on a page); the cache generation is read once per request too. What
is kept here lives only during a request: a change in the admin counts from
the next request on, in every process.
"""

from __future__ import annotations

from django.core.signals import request_finished, request_started

from asgiref.local import Local

_request = Local()


def _start_request(**kwargs) -> None:
    _request.memos = {}


def _finish_request(**kwargs) -> None:
    _request.memos = None


request_started.connect(_start_request, dispatch_uid="caching.request_memo.start")
request_finished.connect(_finish_request, dispatch_uid="caching.request_memo.finish")


def request_memo(name: str) -> dict | None:
    """A dict that lives as long as the current request (None outside one)."""
    memos = getattr(_request, "memos", None)
    if memos is None:
        return None
    return memos.setdefault(name, {})
