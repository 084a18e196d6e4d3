"""A circuit breaker in front of the Redis cache (django-redis).

A Redis that accepts connections but never answers (hung, swapping, a network
path that drops replies) makes every cache call wait for the socket timeout
(1 s). A page makes 16 to 29 cache calls, so it would take 16 to 29 seconds.

``BreakerRedisCache`` is django-redis's ``RedisCache`` with a breaker per
process and Redis location:

- *closed*: calls go to Redis as usual.
- *open*: after the first timeout or connection error, every call of Django's
  cache API returns at once what django-redis returns for an ignored error
  (a miss: ``get`` gives the default, ``get_many`` ``{}``, the others
  ``None``), for ``CACHE_BREAKER_SECONDS`` (30). Pages come from the database
  in normal time.
- *half-open*: then the next call goes to Redis as a trial. An answer closes
  the breaker, a timeout opens it again for the same time.

The log gets one warning when the breaker opens and one info line when it
closes; failed trials in between are logged at debug level (the outage goes
on). ``/readyz`` reports an open breaker (``breaker_status``).

Errors with which Redis *answers* (out of memory, wrong type) do not open the
breaker. With ``IGNORE_EXCEPTIONS`` they are logged and ignored as before;
without it, every error is raised, and an open breaker raises
``CacheUnavailable`` at once instead of waiting.

Only Django's cache API goes through the breaker. django-redis's extras
(``keys``, ``ttl``, ``lock``, sets, ...) are not used by the site and are not
guarded.
"""

from __future__ import annotations

import datetime
import functools
import logging
import threading
import time
import urllib.parse

from django.conf import settings

from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

DEFAULT_SECONDS = 30

# Redis did not answer (as opposed to answering with an error).
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, TimeoutError)


class CacheUnavailable(RedisConnectionError):
    """Raised instead of waiting while the breaker is open, if the cache does
    not ignore errors."""


class CircuitBreaker:
    """Open after a failure, half-open after ``seconds``, closed on an answer.

    Shared by the threads of a process, hence the lock.
    """

    def __init__(self, name: str, seconds: float) -> None:
        self.name = name
        self.seconds = seconds
        self.opened_at: float | None = None  # wall clock, for /readyz
        self.reason = ""
        self._retry_at: float | None = None  # monotonic; None: closed
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._retry_at is not None

    def allows_call(self) -> bool:
        """True when closed, and for one trial call per period when open."""
        if self._retry_at is None:
            return True
        with self._lock:
            now = time.monotonic()
            if self._retry_at is None:
                return True
            if now < self._retry_at:
                return False
            # This caller is the trial. Everybody else waits for the next
            # period, also if the trial never reports back (worker killed).
            self._retry_at = now + self.seconds
            return True

    def record_failure(self, error: BaseException) -> None:
        with self._lock:
            opening = self._retry_at is None
            self._retry_at = time.monotonic() + self.seconds
            if opening:
                self.opened_at = time.time()
                self.reason = f"{type(error).__name__}: {error}"
        if opening:
            logger.warning(
                "Cache %s did not answer (%s); circuit breaker open, the cache "
                "is skipped and tried again every %s s",
                self.name,
                self.reason,
                self.seconds,
            )
        else:
            logger.debug("Cache %s still does not answer (%s)", self.name, error)

    def record_answer(self) -> None:
        if self._retry_at is None:
            return
        with self._lock:
            if self._retry_at is None:
                return
            self._retry_at = None
            down_for = time.time() - (self.opened_at or time.time())
            self.opened_at, self.reason = None, ""
        logger.info(
            "Cache %s answers again; circuit breaker closed after %.0f s",
            self.name,
            down_for,
        )


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def _without_credentials(location) -> str:
    """``redis://:secret@host:6379/0?password=x`` -> ``redis://host:6379/0``."""
    urls = location if isinstance(location, list | tuple) else str(location).split(",")
    shown = []
    for url in urls:
        parts = urllib.parse.urlsplit(str(url).strip())
        host = parts.netloc.rpartition("@")[2]
        shown.append(urllib.parse.urlunsplit(parts._replace(netloc=host, query="")))
    return ",".join(shown)


def breaker_for(location, *, seconds: float) -> CircuitBreaker:
    """The process's breaker for a Redis location (one for all threads)."""
    name = _without_credentials(location)
    with _breakers_lock:
        breaker = _breakers.get(name)
        if breaker is None:
            breaker = _breakers[name] = CircuitBreaker(name, seconds)
        breaker.seconds = seconds
        return breaker


def breaker_status(cache) -> str | None:
    """Why a cache is skipped (its breaker is open), or None. No addresses or
    error texts: /readyz is public; the log has them."""
    breaker = getattr(cache, "breaker", None)
    if not isinstance(breaker, CircuitBreaker) or not breaker.is_open:
        return None
    since = datetime.datetime.fromtimestamp(breaker.opened_at or 0, datetime.UTC)
    return (
        f"circuit breaker open since {since:%Y-%m-%d %H:%M:%S} UTC: Redis did not "
        f"answer; the cache is skipped and tried again every {breaker.seconds} s"
    )


def _guarded(name: str):
    """``RedisCache.<name>`` through the breaker, ``None`` while it is open."""
    parent = getattr(RedisCache, name)

    @functools.wraps(parent)
    def method(self, *args, **kwargs):
        return self.call_guarded(None, parent, self, *args, **kwargs)

    return method


class BreakerRedisCache(RedisCache):
    """django-redis's cache backend behind a ``CircuitBreaker``."""

    def __init__(self, server, params) -> None:
        options = params.get("OPTIONS", {})
        self.ignore_exceptions = options.get(
            "IGNORE_EXCEPTIONS",
            getattr(settings, "DJANGO_REDIS_IGNORE_EXCEPTIONS", False),
        )
        # RedisCache raises every error; this class decides what to ignore.
        params = {**params, "OPTIONS": {**options, "IGNORE_EXCEPTIONS": False}}
        super().__init__(server, params)
        seconds = getattr(settings, "CACHE_BREAKER_SECONDS", DEFAULT_SECONDS)
        self.breaker = breaker_for(server, seconds=seconds)

    def call_guarded(self, fallback, method, *args, **kwargs):
        """``method(*args, **kwargs)`` unless the breaker is open."""
        if not self.breaker.allows_call():
            if self.ignore_exceptions:
                return fallback
            raise CacheUnavailable(breaker_status(self) or "cache unavailable")
        try:
            result = method(*args, **kwargs)
        except UNREACHABLE as error:
            self.breaker.record_failure(error)
            if not self.ignore_exceptions:
                raise
            return fallback
        except RedisError:  # Redis answered, with an error
            self.breaker.record_answer()
            if not self.ignore_exceptions:
                raise
            logger.warning("Cache error ignored", exc_info=True)
            return fallback
        except Exception:  # e.g. ValueError of incr: an answer, too
            self.breaker.record_answer()
            raise
        self.breaker.record_answer()
        return result

    def get(self, key, default=None, version=None, client=None):
        return self.call_guarded(default, super().get, key, default, version, client)

    def get_many(self, *args, **kwargs):
        return self.call_guarded({}, super().get_many, *args, **kwargs)

    set = _guarded("set")
    add = _guarded("add")
    set_many = _guarded("set_many")
    delete = _guarded("delete")
    delete_many = _guarded("delete_many")
    has_key = _guarded("has_key")
    incr = _guarded("incr")
    decr = _guarded("decr")
    touch = _guarded("touch")
    clear = _guarded("clear")
    incr_version = _guarded("incr_version")
