"""Rate limit of the API per client: ``core.ratelimit`` with ``API_RATE_LIMIT``.

A fixed window (e.g. 120 requests per minute) per client address (hashed,
``TRUST_X_FORWARDED_FOR`` honoured), counted in the Django cache, so shared
by all workers with Redis. Over the limit: HTTP 429 with ``Retry-After``, the
seconds left of the window.
"""

from __future__ import annotations

import threading

from django.conf import settings

from ninja.throttling import BaseThrottle

from core.ratelimit import count_request


class ClientRateThrottle(BaseThrottle):
    """At most ``settings.API_RATE_LIMIT`` requests per client and window.

    ninja keeps one throttle object for all requests, so the per-request
    state (the seconds until the window ends) lives in a thread-local.
    """

    def __init__(self) -> None:
        self._state = threading.local()

    def allow_request(self, request) -> bool:
        verdict = count_request(request, scope="api", rate=settings.API_RATE_LIMIT)
        self._state.wait = verdict.retry_after
        return verdict.allowed

    def wait(self) -> float | None:
        return getattr(self._state, "wait", None)
