"""Configuration comes from the environment; production fails fast without it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-real-secret-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "fluechtlinge.flensburg.de",
    "DATABASE_URL": "postgres://site:pw@db.internal:5432/flensburg",
}


SUMMARY = (
    "settings.DEBUG, settings.DATABASES['default']['ENGINE'], "
    "settings.ALLOWED_HOSTS, settings.TIME_ZONE, settings.LANGUAGE_CODE"
)


def load_settings(
    module: str,
    show: str = SUMMARY,
    *,
    script: str = "",
    drop_prefixes: tuple[str, ...] = (),
    **env: str,
) -> subprocess.CompletedProcess:
    """Import a settings module in a fresh interpreter with exactly this environment.

    It prints ``show`` (an expression over ``settings``) or runs ``script``;
    variables of this process named in PRODUCTION_ENV, DEBUG or starting with
    one of ``drop_prefixes`` are left out.
    """
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {*PRODUCTION_ENV, "DEBUG"} and not k.startswith(drop_prefixes)
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    code = "import json, django; from django.conf import settings; django.setup()\n"
    code += script or f"print({show})"
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_required_setting(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = load_settings("flensburg_site.settings.production", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} is not set" in result.stderr


def test_production_starts_with_configuration_and_debug_off():
    result = load_settings("flensburg_site.settings.production", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0:2] == ["False", "django.db.backends.postgresql"]
    assert "fluechtlinge.flensburg.de" in result.stdout


def test_dev_defaults_to_sqlite_german_and_berlin_time():
    result = load_settings("flensburg_site.settings.dev")

    assert result.returncode == 0, result.stderr
    debug, engine, *_rest, tz, language = result.stdout.split()
    assert (debug, engine) == ("True", "django.db.backends.sqlite3")
    assert (tz, language) == ("Europe/Berlin", "de")


def test_dev_runs_tasks_at_once_unless_the_worker_is_asked_for():
    show = "settings.TASKS['default']['BACKEND']"
    default = load_settings(
        "flensburg_site.settings.dev", show, drop_prefixes=("TASKS_",)
    )
    worker = load_settings(
        "flensburg_site.settings.dev", show, TASKS_BACKEND="database"
    )

    assert default.stdout.strip() == "django.tasks.backends.immediate.ImmediateBackend"
    assert worker.stdout.strip() == "django_tasks_db.DatabaseBackend"


def test_debug_comes_from_the_environment():
    result = load_settings("flensburg_site.settings.dev", DEBUG="false")

    assert result.stdout.split()[0] == "False"


def test_static_files_are_compressed_and_hashed_in_production():
    from flensburg_site.settings import base

    backend = base.STORAGES["staticfiles"]["BACKEND"]
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in base.MIDDLEWARE


def test_production_sends_mail_over_smtp():
    result = load_settings(
        "flensburg_site.settings.production",
        show="settings.MAILERS['default']",
        **PRODUCTION_ENV,
        EMAIL_HOST="smtp.flensburg.de",
    )

    assert result.returncode == 0, result.stderr
    assert "smtp.EmailBackend" in result.stdout
    assert "'host': 'smtp.flensburg.de'" in result.stdout


def test_cache_is_local_memory_unless_redis_is_configured():
    local = load_settings("flensburg_site.settings.dev", show="settings.CACHES")
    redis = load_settings(
        "flensburg_site.settings.dev",
        show="settings.CACHES",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )

    assert "LocMemCache" in local.stdout
    # django-redis behind a circuit breaker (caching.cache_breaker).
    assert "caching.cache_breaker.BreakerRedisCache" in redis.stdout
    assert "redis://127.0.0.1:6379/3" in redis.stdout
    # A Redis outage is ignored (the cache misses), and noticed quickly.
    assert "'IGNORE_EXCEPTIONS': True" in redis.stdout
    assert "'SOCKET_CONNECT_TIMEOUT': 1" in redis.stdout


def test_form_rates_come_from_the_environment_also_under_their_old_names():
    show = "settings.FEEDBACK_RATE, settings.BARRIER_REPORT_RATE"
    rates = ("FEEDBACK_RATE", "BARRIER_REPORT_RATE")

    default = load_settings("flensburg_site.settings.dev", show, drop_prefixes=rates)
    new = load_settings(
        "flensburg_site.settings.dev",
        show,
        drop_prefixes=rates,
        FEEDBACK_RATE="10/day",
        BARRIER_REPORT_RATE="3/h",
    )
    old = load_settings(
        "flensburg_site.settings.dev",
        show,
        drop_prefixes=rates,
        FEEDBACK_RATE_LIMIT="8",
        FEEDBACK_RATE_WINDOW_SECONDS="600",
    )
    typo = load_settings(
        "flensburg_site.settings.dev", show, drop_prefixes=rates, FEEDBACK_RATE="5/Std"
    )

    assert default.stdout.strip() == "5/h 5/h"
    assert new.stdout.strip() == "10/day 3/h"
    assert old.stdout.strip() == "8/600s 8/600s"  # both forms, as before
    assert typo.returncode != 0
    assert "FEEDBACK_RATE: A rate must look like '120/min'" in typo.stderr


@pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"),
    reason="set TEST_REDIS_URL to test against a running Redis",
)
def test_redis_cache_round_trip():
    result = load_settings(
        "flensburg_site.settings.dev",
        show=(
            "[__import__('django.core.cache').core.cache.cache.set('probe', 'ok', 5), "
            "__import__('django.core.cache').core.cache.cache.get('probe')][1]"
        ),
        REDIS_URL=os.environ["TEST_REDIS_URL"],
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_media_route_serves_images_but_never_documents():
    from django.urls import Resolver404, resolve

    from core.media import serve_image

    assert resolve("/media/images/rathaus.width-800.jpg").func is serve_image
    assert resolve("/media/original_images/rathaus.jpg").func is serve_image
    # Documents only through /dokumente/, which checks collection privacy.
    with pytest.raises(Resolver404):
        resolve("/media/documents/intern.pdf")


def test_documents_are_handed_to_nginx_only_when_configured():
    show = "getattr(settings, 'SENDFILE_BACKEND', None), settings.DOCUMENT_SERVE_METHOD"
    default = load_settings(
        "flensburg_site.settings.dev", show=show, drop_prefixes=("DOCUMENT_SERVE",)
    )
    proxy = load_settings(
        "flensburg_site.settings.dev", show=show, DOCUMENT_SERVE_METHOD="x-accel"
    )
    typo = load_settings(
        "flensburg_site.settings.dev", show=show, DOCUMENT_SERVE_METHOD="nginx"
    )

    assert default.stdout.strip() == "None django"
    assert proxy.stdout.strip() == "core.document_sendfile x-accel"
    assert typo.returncode != 0
    assert "DOCUMENT_SERVE_METHOD must be django or x-accel" in typo.stderr
