"""Document downloads handed to the proxy (DOCUMENT_SERVE_METHOD=x-accel), for real.

The app's answer to a download (serve view with core.document_sendfile, in
this test's database) is recorded and replayed by a small upstream server
behind the deployment's nginx (scripts/local_nginx.py, as in
test_proxy_config): nginx follows its X-Accel-Redirect into the media folder
and sends the file, with Range and the app's headers.
"""

import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from scripts.local_nginx import NGINX, OPENSSL, local_nginx
from tests.core.document_files import MINIMAL_PDF
from tests.flensburg_site.test_proxy_config import https_get

pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed"),
    pytest.mark.django_db,
]

CONTENT = MINIMAL_PDF + bytes(range(256)) * 8
SIZE = len(CONTENT)
# Headers of the app's answer that describe the empty answer to nginx, or
# make no sense for a file (the language of the page around it).
NOT_PASSED_ON = {"content-length", "x-accel-redirect", "vary", "content-language"}


class ReplayHandler(BaseHTTPRequestHandler):
    """Answers a path with the app's answer recorded for it."""

    def do_GET(self):
        status, headers, body = self.server.answers[self.path]
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    if OPENSSL is None:
        pytest.skip("openssl is not installed (needed for a test certificate)")
    base = tmp_path_factory.mktemp("nginx")
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), ReplayHandler)
    upstream.answers = {}
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        with local_nginx(
            upstream=f"127.0.0.1:{upstream.server_address[1]}",
            base=base,
            media_root=base / "media",
        ) as nginx:
            yield {
                "https": nginx.https_port,
                "context": ssl.create_default_context(cafile=str(nginx.certificate)),
                "answers": upstream.answers,
                "media": base / "media",
            }
    finally:
        upstream.shutdown()
        upstream.server_close()


@pytest.fixture
def app(client, settings, proxy):
    """Stores a document in the proxy's media folder; returns a function that
    records the app's answer to its download for the upstream and gives the
    document and that answer."""
    settings.MEDIA_ROOT = proxy["media"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.SENDFILE_BACKEND = "core.document_sendfile"
    settings.SECURE_HSTS_SECONDS = 31536000  # as in production

    def download(filename="arbeitspapier.pdf", content=CONTENT):
        document = get_document_model().objects.create(
            title="Arbeitspapier", file=ContentFile(content, name=filename)
        )
        document.get_file_hash()  # computes and saves it, as an upload does
        answer = client.get(document.url, secure=True)
        assert answer.has_header("X-Accel-Redirect")
        proxy["answers"][document.url] = (
            answer.status_code,
            list(answer.headers.items()),
            answer.content,
        )
        return document, answer

    return download


def passes_on_the_apps_headers(answer, response, *, but=()) -> None:
    """Every header the app set on the download reaches the client once, unchanged."""
    received = [(name.lower(), value) for name, value in response.getheaders()]
    for name, value in answer.headers.items():
        if name.lower() in NOT_PASSED_ON | set(but):
            continue
        assert [v for n, v in received if n == name.lower()] == [value], name
    assert "x-accel-redirect" not in dict(received)


def test_download_comes_from_the_media_folder_with_the_apps_headers(proxy, app):
    document, answer = app()
    assert answer.content == b""

    response, body = https_get(proxy, document.url)

    assert response.status == 200
    assert body == CONTENT
    assert response.getheader("Content-Length") == str(SIZE)
    assert response.getheader("Content-Type") == "application/pdf"
    assert response.getheader("Content-Disposition").startswith("attachment;")
    assert response.getheader("Content-Security-Policy") == (
        "default-src 'none'; sandbox"
    )
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Strict-Transport-Security") == "max-age=31536000"
    assert response.getheader("ETag") == f'"{document.file_hash}"'
    assert response.getheader("Last-Modified")
    assert [v for n, v in response.getheaders() if n == "Accept-Ranges"] == ["bytes"]
    passes_on_the_apps_headers(answer, response)


@pytest.mark.parametrize(
    ("range_header", "first", "last"),
    [
        ("bytes=10-19", 10, 19),
        ("bytes=-5", SIZE - 5, SIZE - 1),
        ("bytes=1000-", 1000, SIZE - 1),
    ],
)
def test_range_is_answered_by_nginx(proxy, app, range_header, first, last):
    document, answer = app()

    response, body = https_get(proxy, document.url, headers={"Range": range_header})

    assert response.status == 206
    assert body == CONTENT[first : last + 1]
    assert response.getheader("Content-Range") == f"bytes {first}-{last}/{SIZE}"
    assert response.getheader("Content-Length") == str(last - first + 1)
    passes_on_the_apps_headers(answer, response)


def test_if_range_is_compared_with_the_apps_etag(proxy, app):
    document, _answer = app()
    etag = f'"{document.file_hash}"'

    current, current_body = https_get(
        proxy, document.url, headers={"Range": "bytes=0-9", "If-Range": etag}
    )
    stale, stale_body = https_get(
        proxy, document.url, headers={"Range": "bytes=0-9", "If-Range": '"alt"'}
    )

    assert (current.status, current_body) == (206, CONTENT[:10])
    assert (stale.status, stale_body) == (200, CONTENT)


def test_several_ranges_get_the_whole_file_as_from_the_app(proxy, app):
    document, _answer = app()

    response, body = https_get(proxy, document.url, headers={"Range": "bytes=0-1,5-6"})

    assert (response.status, body) == (200, CONTENT)


def test_unsatisfiable_range_gets_416_with_the_apps_headers_once(proxy, app):
    document, answer = app()

    response, body = https_get(proxy, document.url, headers={"Range": f"bytes={SIZE}-"})

    assert response.status == 416
    assert response.getheader("Content-Range") == f"bytes */{SIZE}"
    assert CONTENT[:20] not in body
    # nginx's short error page (text/html, sandboxed), not the file.
    passes_on_the_apps_headers(answer, response, but=("content-type", "etag"))


def test_non_ascii_file_name_is_found(proxy, app):
    document, answer = app("maßnahme-ü.pdf", CONTENT[:100])
    assert "%C3%9F" in answer["X-Accel-Redirect"]

    response, body = https_get(proxy, document.url)

    assert (response.status, body) == (200, CONTENT[:100])


def test_head_sends_no_body(proxy, app):
    document, _answer = app()

    response, body = https_get(proxy, document.url, method="HEAD")

    assert response.status == 200
    assert response.getheader("Content-Length") == str(SIZE)
    assert body == b""


def test_internal_path_is_not_reachable_from_outside(proxy, app):
    document, answer = app()
    internal = answer["X-Accel-Redirect"]
    assert internal.startswith("/internal/documents/")

    for path in (
        internal,
        f"/media/{document.file.name}",
        "/internal/documents/",
        "/internal/documents/../documents/" + internal.rsplit("/", 1)[1],
    ):
        response, body = https_get(proxy, path)
        assert response.status == 404, path
        assert CONTENT[:20] not in body
