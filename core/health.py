"""Health endpoints for the process manager and the load balancer.

``/healthz``: the process answers (no database, no cache), for restarts.
``/readyz``: the database and the cache answer, for taking the instance into
or out of the load balancer. Neither is cached, neither sets a cookie.
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

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


def _cache_ok() -> bool:
    try:
        cache.set(READY_KEY, "ok", timeout=10)
        return cache.get(READY_KEY) == "ok"
    except Exception:  # any backend error (Redis down, timeout) means "not ready"
        logger.warning("readyz: cache unreachable", exc_info=True)
        return False


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    checks = {
        "database": "ok" if _database_ok() else "error",
        "cache": "ok" if _cache_ok() else "error",
    }
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "error", "checks": checks},
        status=200 if ready else 503,
    )
