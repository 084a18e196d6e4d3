"""The nginx proxy of docker compose, run for real on free local ports.

The server configuration is deploy/nginx/templates/default.conf.template,
rendered the way the nginx image renders it (its ${NGINX_*} variables filled
in) by scripts/local_nginx.py, which also runs the benchmarks' proxy.
Upstream is a small HTTP server that echoes what it received.
"""

import contextlib
import gzip
import http.client
import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scripts.local_nginx import NGINX, OPENSSL, SERVER_NAME, free_port, local_nginx

pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")

IMAGE = bytes(range(256)) * 40
HTML = "<!doctype html><title>Seite</title>" + "<p>Flüchtlinge in Flensburg</p>" * 100


class EchoHandler(BaseHTTPRequestHandler):
    """Answers every request with what it received (JSON), or HTML for /seite/."""

    def do_GET(self):
        self.server.seen.append(self.path)
        if self.path.startswith("/seite/"):
            body, content_type = HTML.encode(), "text/html; charset=utf-8"
        else:
            body = json.dumps(
                {"path": self.path, "headers": dict(self.headers.items())}
            ).encode()
            content_type = "application/json"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    if OPENSSL is None:
        pytest.skip("openssl is not installed (needed for a test certificate)")
    base = tmp_path_factory.mktemp("nginx")
    media = base / "media"
    files = {
        "images/hafen.width-800.jpg": IMAGE,
        "original_images/hafen.jpg": IMAGE,
        "images/schaedlich.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        "documents/massnahme-07.pdf": b"%PDF-1.4 vertraulich",
        "anderes.txt": b"nicht oeffentlich",
    }
    for name, content in files.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(content)
    (base / "acme" / ".well-known" / "acme-challenge").mkdir(parents=True)
    (base / "acme" / ".well-known" / "acme-challenge" / "token123").write_text("ok")
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    upstream.seen = []
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        with local_nginx(
            upstream=f"127.0.0.1:{upstream.server_address[1]}",
            base=base,
            media_root=media,
        ) as nginx:
            yield {
                "http": nginx.http_port,
                "https": nginx.https_port,
                "context": ssl.create_default_context(cafile=str(nginx.certificate)),
                "upstream": upstream,
            }
    finally:
        upstream.shutdown()
        upstream.server_close()


def https_get(proxy, path, headers=None, method="GET"):
    connection = http.client.HTTPSConnection(
        SERVER_NAME, proxy["https"], context=proxy["context"], timeout=10
    )
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def http_get(proxy, path):
    connection = http.client.HTTPConnection("127.0.0.1", proxy["http"], timeout=10)
    try:
        connection.request("GET", path, headers={"Host": SERVER_NAME})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize(
    "path", ["/media/images/hafen.width-800.jpg", "/media/original_images/hafen.jpg"]
)
def test_images_come_from_the_media_volume_with_long_caching(proxy, path):
    seen_before = list(proxy["upstream"].seen)

    response, body = https_get(proxy, path)

    assert response.status == 200
    assert body == IMAGE
    assert response.getheader("Content-Type") == "image/jpeg"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    # As every answer of the app (core.middleware), once.
    assert response.headers.get_all("Cross-Origin-Resource-Policy") == ["same-origin"]
    assert "max-age=31536000" in response.getheader("Cache-Control")
    assert proxy["upstream"].seen == seen_before


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/massnahme-07.pdf",
        "/media/images/../documents/massnahme-07.pdf",
        "/media/images/%2e%2e/documents/massnahme-07.pdf",
        "/media/images/schaedlich.svg",
        "/media/anderes.txt",
        "/media/",
    ],
)
def test_documents_and_other_media_are_refused_although_on_disk(proxy, path):
    response, body = https_get(proxy, path)

    assert response.status == 404
    assert b"vertraulich" not in body
    assert b"svg" not in body
    assert not any(seen.startswith("/media/") for seen in proxy["upstream"].seen)


def test_other_paths_go_to_the_app_with_forwarded_headers(proxy):
    response, body = https_get(
        proxy, "/dokumente/7/papier.pdf?x=1", headers={"X-Forwarded-For": "203.0.113.9"}
    )

    assert response.status == 200
    echoed = json.loads(body)
    assert echoed["path"] == "/dokumente/7/papier.pdf?x=1"
    headers = {name.lower(): value for name, value in echoed["headers"].items()}
    assert headers["x-forwarded-proto"] == "https"
    # The client's address is appended last: the one the app trusts.
    assert headers["x-forwarded-for"] == "203.0.113.9, 127.0.0.1"
    assert headers["host"] == SERVER_NAME
    # Django sets the security headers; the proxy does not add its own.
    assert response.getheader("Strict-Transport-Security") is None


def test_html_is_compressed(proxy):
    response, body = https_get(proxy, "/seite/", headers={"Accept-Encoding": "gzip"})

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body).decode() == HTML


def test_uploads_over_the_document_limit_are_refused(proxy):
    def post_announcing(size):
        connection = http.client.HTTPSConnection(
            SERVER_NAME, proxy["https"], context=proxy["context"], timeout=10
        )
        try:
            connection.putrequest("POST", "/admin/documents/multiple/add/")
            connection.putheader("Content-Length", str(size))
            connection.endheaders()
            return connection.getresponse().status
        finally:
            connection.close()

    assert post_announcing(26 * 1024 * 1024) == 413


def test_http_redirects_to_https(proxy):
    response, _body = http_get(proxy, "/koordinierungsstelle/?sprache=de")

    assert response.status == 301
    assert response.getheader("Location") == (
        f"https://{SERVER_NAME}/koordinierungsstelle/?sprache=de"
    )


def test_http_serves_acme_challenges_and_a_health_check(proxy):
    challenge, body = http_get(proxy, "/.well-known/acme-challenge/token123")
    health, health_body = http_get(proxy, "/nginx-healthz")

    assert (challenge.status, body) == (200, b"ok")
    assert (health.status, health_body) == (200, b"ok\n")


# Several app servers (docker compose --scale web=N) -----------------------


class StatusHandler(BaseHTTPRequestHandler):
    """Answers every GET with the server's status and its own port."""

    def do_GET(self):
        body = f"{self.server.status} von {self.server.server_address[1]}".encode()
        self.send_response(self.server.status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def balanced(tmp_path):
    """nginx in front of several stub servers; ``start(statuses, dead=n)``
    starts one server per status and adds ``dead`` addresses where nothing
    listens (a killed container)."""
    if OPENSSL is None:
        pytest.skip("openssl is not installed (needed for a test certificate)")
    servers, stack = [], contextlib.ExitStack()

    def start(statuses, dead=0):
        upstreams = []
        for status in statuses:
            server = ThreadingHTTPServer(("127.0.0.1", 0), StatusHandler)
            server.status = status
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            upstreams.append(f"127.0.0.1:{server.server_address[1]}")
        upstreams += [f"127.0.0.1:{free_port()}" for _ in range(dead)]
        nginx = stack.enter_context(local_nginx(upstream=upstreams, base=tmp_path))
        return {
            "https": nginx.https_port,
            "context": ssl.create_default_context(cafile=str(nginx.certificate)),
        }

    try:
        yield start
    finally:
        stack.close()
        for server in servers:
            server.shutdown()
            server.server_close()


def test_a_dead_server_among_several_costs_no_request(balanced):
    """Round robin sends every other request to the dead address; nginx
    passes each such request on (proxy_next_upstream error) and then leaves
    the address out (max_fails), so every visitor gets the live server."""
    proxy = balanced([200], dead=1)

    statuses = [https_get(proxy, f"/seite-{n}")[0].status for n in range(12)]

    assert statuses == [200] * 12


def test_the_apps_503_is_passed_through_not_retried(balanced):
    """While the database is down every server answers the app's 503 page;
    visitors keep getting it (not nginx's bare 502, which they would get if
    the 503s left every server out of the balancer)."""
    proxy = balanced([503, 503])

    answers = [https_get(proxy, "/")[:2] for _ in range(6)]

    assert [response.status for response, _body in answers] == [503] * 6
    assert all(body.startswith(b"503 von ") for _response, body in answers)
