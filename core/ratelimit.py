"""One fixed-window rate limit per client address, for the public forms and
the JSON API.

Rates are strings, "5/h", "120/min", "1000/2h" (``parse_rate``): the feedback
form ``FEEDBACK_RATE``, the barrier report ``BARRIER_REPORT_RATE``, the API
``API_RATE_LIMIT``. ``count_request`` counts one request in the current window
(windows start at multiples of the period), and says whether it is allowed
and how many seconds are left of the window (the API's ``Retry-After``).

Addresses are hashed with the secret key before they touch the cache, so no
IP address is stored. With Redis (REDIS_URL) the count is shared by all
workers and hosts (``cache.incr`` is atomic there); with the local-memory
cache it is per process.

Cache down (Redis unreachable, its circuit breaker open, a backend raising):
the request is *allowed*. Citizens must not be locked out of the forms by our
outage; the honeypot and the form's validation still apply. It is not silent:
the first request counted without a cache logs a warning, the first one
counted again after the outage an info line (once per outage and process),
and ``/readyz`` reports the cache as failing.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

RATE = re.compile(
    r"^\s*(?P<count>\d+)\s*/\s*(?P<multiple>\d*)\s*"
    r"(?P<unit>s|sec|second|m|min|minute|h|hour|d|day)\s*$",
    re.IGNORECASE,
)
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@functools.lru_cache(maxsize=16)
def parse_rate(rate: str) -> tuple[int, int]:
    """ "120/min" -> (120, 60); "1000/2h" -> (1000, 7200).

    Not ninja's ``SimpleRateThrottle.parse_rate``: that is a method of a
    throttle class and takes "0/min", "10/0min" and "10" (per second).
    """
    match = RATE.match(rate or "")
    if match is None or int(match["count"]) < 1:
        raise ImproperlyConfigured(
            f"A rate must look like '120/min' (requests/period with s, min, "
            f"hour or day, e.g. '5/h', '1000/2h'), not {rate!r}."
        )
    multiple = int(match["multiple"] or 1)
    if multiple < 1:
        raise ImproperlyConfigured(f"A rate has an empty period: {rate!r}.")
    return int(match["count"]), multiple * SECONDS[match["unit"][0].lower()]


def check_rate_settings(*names: str) -> None:
    """Stop the start on a malformed rate setting, naming the setting."""
    for name in names:
        try:
            parse_rate(getattr(settings, name))
        except ImproperlyConfigured as error:
            raise ImproperlyConfigured(f"{name}: {error}") from None


def client_address(request) -> str:
    """The visitor's address; behind a trusted proxy, the one it appended."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: float  # seconds until the window ends


def count_request(request, *, scope: str, rate: str) -> Verdict:
    """Count one request of this client in ``scope``'s current window."""
    return count_subject(client_address(request), scope=scope, rate=rate)


def count_subject(subject: str, *, scope: str, rate: str) -> Verdict:
    """Count one request about ``subject`` (a client address, an e-mail
    address: hashed like the client's) in ``scope``'s current window."""
    limit, period = parse_rate(rate)
    now = time.time()
    window = int(now // period) * period
    digest = hashlib.sha256(
        f"{settings.SECRET_KEY}:{scope}:{subject}".encode()
    ).hexdigest()[:32]
    count = _increment(f"rate:{scope}:{period}:{window}:{digest}", period, scope)
    return Verdict(
        allowed=count is None or count <= limit, retry_after=window + period - now
    )


def rate_limited(request, *, scope: str, rate_setting: str) -> bool:
    """For forms: count a submission; True once it is over the limit of the
    setting named ``rate_setting`` (read now, so tests can override it)."""
    rate = getattr(settings, rate_setting)
    return not count_request(request, scope=scope, rate=rate).allowed


class _OutageLog:
    """Logs the start and the end of a cache outage once each, per process."""

    def __init__(self) -> None:
        self.active = False
        self._lock = threading.Lock()

    def begin(self, scope: str, error: BaseException | None = None) -> None:
        with self._lock:
            if self.active:
                return
            self.active = True
        logger.warning(
            "Rate limit (%s and all others): the cache does not answer; requests "
            "are allowed without counting until it does",
            scope,
            exc_info=error,
        )

    def end(self) -> None:
        if not self.active:
            return
        with self._lock:
            if not self.active:
                return
            self.active = False
        logger.info("Rate limit: the cache answers again; requests are counted")


_outage = _OutageLog()


def _increment(key: str, period: int, scope: str) -> int | None:
    """This client's count including this request; None when the cache fails."""
    try:
        # add: True when the window's first request. django-redis gives None
        # for both when Redis does not answer (error ignored, breaker open).
        count = 1 if cache.add(key, 1, timeout=period + 1) else cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period + 1)
        count = 1
    except Exception as error:  # noqa: BLE001 (any backend error: allow, say so)
        _outage.begin(scope, error)
        return None
    if count is None:
        _outage.begin(scope)
        return None
    _outage.end()
    return count
