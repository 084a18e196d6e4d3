"""Requests are limited per client; the count lives in the Django cache
(core.ratelimit, tested with the forms in tests/core/test_ratelimit.py)."""

from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def rate(settings):
    settings.API_RATE_LIMIT = "3/min"


def test_exceeding_the_rate_gives_429_with_retry_after(client, home, rate):
    statuses = [client.get("/api/v1/pages").status_code for _ in range(3)]
    response = client.get("/api/v1/pages")

    assert statuses == [200, 200, 200]
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Too many requests: at most 3 per 60")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Expose-Headers"] == "Retry-After"
    assert response["Cache-Control"] == "no-store"


def test_retry_after_is_the_rest_of_the_window_then_the_client_may_again(
    client, home, rate, monkeypatch
):
    now = [1_800_000_000.0 + 15]  # 15 s into a minute
    monkeypatch.setattr("core.ratelimit.time", SimpleNamespace(time=lambda: now[0]))
    for _ in range(3):
        client.get("/api/v1/pages")

    blocked = client.get("/api/v1/pages")
    now[0] += 45
    again = client.get("/api/v1/pages")

    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "45"
    assert again.status_code == 200


def test_another_client_is_not_affected(client, home, rate):
    for _ in range(4):
        client.get("/api/v1/pages", REMOTE_ADDR="192.0.2.1")

    assert client.get("/api/v1/pages", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/pages", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_all_endpoints_share_one_budget(client, home, rate):
    for path in ("pages", "documents", "organisations"):
        assert client.get(f"/api/v1/{path}").status_code == 200

    assert client.get("/api/v1/measures").status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(
    client, home, rate, settings
):
    settings.TRUST_X_FORWARDED_FOR = True
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(3):
        client.get(
            "/api/v1/pages", headers={"X-Forwarded-For": "198.51.100.7"}, **proxy
        )

    blocked = client.get(
        "/api/v1/pages", headers={"X-Forwarded-For": "198.51.100.7"}, **proxy
    )
    other = client.get(
        "/api/v1/pages", headers={"X-Forwarded-For": "198.51.100.8"}, **proxy
    )

    assert blocked.status_code == 429
    assert other.status_code == 200


def test_no_address_is_stored_in_the_cache(client, home, rate):
    from django.core.cache import cache

    client.get("/api/v1/pages", REMOTE_ADDR="203.0.113.9")

    keys = list(cache._cache)  # local-memory cache of the tests
    assert keys
    assert not any("203.0.113.9" in key for key in keys)
