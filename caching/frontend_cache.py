"""``WAGTAILFRONTENDCACHE`` from environment variables (read by the settings).

Pure configuration: no Django imports beyond the exception, so that the
settings module can use it before Django is set up.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

BACKENDS = "wagtail.contrib.frontend_cache.backends"
REQUIRED = {
    "http": ["FRONTEND_CACHE_LOCATION"],
    "cloudflare": ["FRONTEND_CACHE_CLOUDFLARE_TOKEN", "FRONTEND_CACHE_CLOUDFLARE_ZONE"],
    "cloudfront": ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
}


def frontend_cache_backends(backend: str, env: Mapping[str, str]) -> dict:
    """The ``WAGTAILFRONTENDCACHE`` setting; empty (nothing is ever purged)
    unless ``backend`` names one of ``REQUIRED``."""
    if not backend:
        return {}
    if backend not in REQUIRED:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND={backend!r} is unknown; use one of "
            f"{', '.join(sorted(REQUIRED))} or leave it empty."
        )
    missing = [name for name in REQUIRED[backend] if not env.get(name, "").strip()]
    if missing:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND={backend} needs {', '.join(missing)}."
        )
    if backend == "http":
        config = {
            "BACKEND": f"{BACKENDS}.HTTPBackend",
            "LOCATION": env["FRONTEND_CACHE_LOCATION"].strip(),
        }
    elif backend == "cloudflare":
        config = {
            "BACKEND": f"{BACKENDS}.CloudflareBackend",
            "BEARER_TOKEN": env["FRONTEND_CACHE_CLOUDFLARE_TOKEN"].strip(),
            "ZONEID": env["FRONTEND_CACHE_CLOUDFLARE_ZONE"].strip(),
        }
    else:
        # AWS credentials come from the usual AWS_* variables (boto3).
        config = {
            "BACKEND": f"{BACKENDS}.CloudfrontBackend",
            "DISTRIBUTION_ID": env["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"].strip(),
        }
    return {"default": config}
