"""/healthz (process alive) and /readyz (database and cache reachable)."""

from django.db import OperationalError

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_cookie_or_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_readyz_checks_database_and_cache(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
    }


def test_readyz_is_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("operations.health.connection.cursor", broken_cursor)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "error", "cache": "ok"}


def test_readyz_is_503_when_the_cache_is_down(client, monkeypatch):
    def broken_set(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr("operations.health.cache.set", broken_set)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "error"}


def test_health_endpoints_only_answer_reads(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
