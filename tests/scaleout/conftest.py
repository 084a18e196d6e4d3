"""Fixtures of the scale-out tests: one cluster per session, visitors.

``cluster`` is scripts/local_cluster.py's ``LocalCluster``: two gunicorn
app servers (production settings, default rate limits and lockout) on a
PostgreSQL database, a Redis database and a moto S3 bucket of their own,
behind the deployment's nginx; started once per session (and pytest-xdist
worker), about three minutes with the demo content on this machine. Its
tests are marked ``database`` (they run in CI's PostgreSQL run) but use no
pytest-django test database. Skipped unless DATABASE_URL names PostgreSQL
and TEST_REDIS_URL a Redis server (CI's PostgreSQL run sets both), and
without nginx and openssl. The cluster's Redis database is
``SCALEOUT_REDIS_DB`` (default 13; one lower per further xdist worker) on
TEST_REDIS_URL's server, flushed at start and end.

``SCALEOUT_SERVER_B_ENV`` (JSON object) adds variables to the second
server only: how a test is shown to fail when the servers do not share
something, e.g. ``{"REDIS_URL": "redis://127.0.0.1:6379/11"}``.

``Visitor(cluster)`` sends requests through the balancer (``"lb"``) or to one
server directly (``0``, ``1``) and keeps its cookies across all of them, as
one browser behind the balancer would (sessions and CSRF are per site, not
per server).
"""

from __future__ import annotations

import json
import os
import re
from email.utils import parsedate_to_datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from scripts.local_nginx import NGINX, OPENSSL

ORIGIN = "https://localhost"
# The project's own media folder (MEDIA_ROOT's default): must not grow.
ROOT_MEDIA = Path(__file__).resolve().parents[2] / "media"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def skip_reason() -> str:
    """Why the cluster cannot run here ("" if it can)."""
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgis")):
        return "the scale-out cluster needs DATABASE_URL on PostgreSQL"
    if not os.environ.get("TEST_REDIS_URL"):
        return "the scale-out cluster needs a Redis server (TEST_REDIS_URL)"
    if NGINX is None or OPENSSL is None:
        return "the scale-out cluster needs nginx and openssl"
    return ""


def cluster_redis_url(worker_id: str) -> str:
    worker = int(worker_id.removeprefix("gw")) if worker_id.startswith("gw") else 0
    database = int(os.environ.get("SCALEOUT_REDIS_DB", "13")) - worker
    parts = urlsplit(os.environ["TEST_REDIS_URL"])
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.fixture(scope="session")
def cluster(tmp_path_factory, worker_id):
    if reason := skip_reason():
        pytest.skip(reason)
    from scripts.local_cluster import local_cluster

    server_b = json.loads(os.environ.get("SCALEOUT_SERVER_B_ENV") or "{}")
    with local_cluster(
        servers=2,
        redis_url=cluster_redis_url(worker_id),
        server_env=[{}, server_b],
        base=tmp_path_factory.mktemp("cluster"),
    ) as running:
        yield running


class Visitor:
    """One browser: cookies shared by the balancer and both servers; direct
    requests come from ``address`` (X-Forwarded-For, trusted by the
    servers), requests through the balancer from 127.0.0.1."""

    def __init__(self, cluster, address: str = "198.51.100.10"):
        self.cluster = cluster
        self.address = address
        self.cookies: dict[str, str] = {}

    def url(self, target, path: str) -> str:
        base = self.cluster.url if target == "lb" else self.cluster.server_urls[target]
        return base + path

    def request(self, target, method: str, path: str, **kwargs):
        import requests

        headers = {"Accept-Language": "de", **kwargs.pop("headers", {})}
        if target == "lb":
            kwargs.setdefault("verify", str(self.cluster.certificate))
        else:
            headers = {
                **self.cluster.direct_headers,
                "X-Forwarded-For": self.address,
                **headers,
            }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method,
            self.url(target, path),
            headers=headers,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        self._keep_cookies(response)
        return response

    def get(self, target, path: str, **kwargs):
        return self.request(target, "GET", path, **kwargs)

    def post(self, target, path: str, data=None, **kwargs):
        """A form's POST with this visitor's CSRF token, as a browser sends it."""
        headers = {"Origin": ORIGIN, "Referer": ORIGIN + path}
        headers.update(kwargs.pop("headers", {}))
        data = dict(data or {})
        if "csrftoken" in self.cookies:
            data.setdefault("csrfmiddlewaretoken", self.cookies["csrftoken"])
        return self.request(target, "POST", path, data=data, headers=headers, **kwargs)

    def _keep_cookies(self, response) -> None:
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                expired = morsel["max-age"] == "0" or (
                    morsel["expires"]
                    and parsedate_to_datetime(morsel["expires"]).year < 2000
                )
                if expired:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


def csrf_token(html: str) -> str:
    found = CSRF_FIELD.search(html)
    assert found, "no CSRF token in the form"
    return found.group(1)
