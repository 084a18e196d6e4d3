"""Health endpoints for the process manager and the load balancer.

``/healthz``: the process answers (no database, no cache), for restarts.
``/readyz``: the database and the cache answer, for taking the instance into
or out of the load balancer; if not, 503 with ``reasons`` per failing check
(e.g. the open circuit breaker of the Redis cache). Neither is cached,
neither sets a cookie.
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from caching.cache_breaker import breaker_status

logger = logging.getLogger(__name__)

READY_KEY = "readyz-probe"


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("readyz: database unreachable", exc_info=True)
        return False


def _cache_ok() -> tuple[bool, str]:
    """(answers, why not). While the circuit breaker of the Redis cache is
    open the probe returns at once as a miss; when a retry is due the probe
    is the trial that closes it (caching.cache_breaker)."""
    try:
        cache.set(READY_KEY, "ok", timeout=10)
        if cache.get(READY_KEY) == "ok":
            return True, ""
    except Exception:  # any backend error (Redis down, timeout) means "not ready"
        logger.warning("readyz: cache unreachable", exc_info=True)
    return False, breaker_status(cache) or "the cache did not answer"


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    database_ok = _database_ok()
    cache_ok, cache_problem = _cache_ok()
    checks = {
        "database": "ok" if database_ok else "error",
        "cache": "ok" if cache_ok else "error",
    }
    reasons = {}
    if not database_ok:
        reasons["database"] = "the database did not answer"
    if not cache_ok:
        reasons["cache"] = cache_problem
    body = {"status": "error" if reasons else "ok", "checks": checks}
    if reasons:
        body["reasons"] = reasons
    return JsonResponse(body, status=503 if reasons else 200)
