"""A small fixed-window rate limit for public forms, per client address.

Addresses are hashed with the secret key before they touch the cache, so no
IP address is stored. With Redis (REDIS_URL) the count is shared by all
workers; with the local-memory cache it is per process.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The visitor's address; behind a trusted proxy, the one it appended."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, *, scope: str) -> bool:
    """Count a submission from this client; True once it is over the limit."""
    limit = settings.FEEDBACK_RATE_LIMIT
    window = settings.FEEDBACK_RATE_WINDOW_SECONDS
    digest = hashlib.sha256(
        f"{settings.SECRET_KEY}:{scope}:{client_address(request)}".encode()
    ).hexdigest()
    key = f"rate:{scope}:{digest[:32]}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False
    # None: the cache is unreachable (django-redis ignores the outage); let
    # the visitor through rather than fail.
    return count is not None and count > limit
