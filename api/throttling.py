"""Rate limit of the API per client, counted in the Django cache.

A fixed window (e.g. 120 requests per minute, ``API_RATE_LIMIT``) keyed by the
client address of ``core.ratelimit`` (which honours TRUST_X_FORWARDED_FOR).
Addresses are hashed with the secret key, so no IP address is stored. With
Redis (REDIS_URL) all workers and app servers share the count; ``cache.incr``
is atomic there.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from ninja.throttling import BaseThrottle

from core.ratelimit import client_address

RATE = re.compile(
    r"^\s*(?P<count>\d+)\s*/\s*(?P<multiple>\d*)\s*"
    r"(?P<unit>s|sec|second|m|min|minute|h|hour|d|day)\s*$",
    re.IGNORECASE,
)
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@functools.lru_cache(maxsize=8)
def parse_rate(rate: str) -> tuple[int, int]:
    """ "120/min" -> (120, 60); "1000/2h" -> (1000, 7200)."""
    match = RATE.match(rate or "")
    if match is None or int(match["count"]) < 1:
        raise ImproperlyConfigured(
            f"API_RATE_LIMIT must look like '120/min' (requests/period with "
            f"s, min, hour or day), not {rate!r}."
        )
    multiple = int(match["multiple"] or 1)
    if multiple < 1:
        raise ImproperlyConfigured(f"API_RATE_LIMIT has an empty period: {rate!r}.")
    return int(match["count"]), multiple * SECONDS[match["unit"][0].lower()]


class ClientRateThrottle(BaseThrottle):
    """At most ``settings.API_RATE_LIMIT`` requests per client and window.

    ninja keeps one throttle object for all requests, so the per-request
    state (the seconds until the window ends) lives in a thread-local.
    """

    def __init__(self) -> None:
        self._state = threading.local()

    def allow_request(self, request) -> bool:
        limit, window = parse_rate(settings.API_RATE_LIMIT)
        now = time.time()
        window_start = int(now // window) * window
        self._state.wait = window_start + window - now
        key = f"api-rate:{window}:{window_start}:{self._client_key(request)}"
        if cache.add(key, 1, timeout=window + 1):
            return True
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 1)
            return True
        # None: the cache is unreachable (django-redis ignores the outage).
        return count is None or count <= limit

    def wait(self) -> float | None:
        return getattr(self._state, "wait", None)

    @staticmethod
    def _client_key(request) -> str:
        digest = hashlib.sha256(
            f"{settings.SECRET_KEY}:api:{client_address(request)}".encode()
        ).hexdigest()
        return digest[:32]
