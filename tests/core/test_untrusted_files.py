"""Uploaded files never run as pages of the site: SVG and HTML are not served inline.

Images come from the media route (core.media), documents only from Wagtail's
serve view under /dokumente/ (core.views).
"""

import pytest

from tests.core.document_files import MINIMAL_PDF

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"/>'
HTML = b"<!doctype html><script>alert(document.cookie)</script>"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)

# The 404 page reads the site settings.
pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for name, content in {
        "original_images/rathaus.png": PNG,
        "images/rathaus.width-800.png": PNG,
        "original_images/angriff.svg": SVG,
        "original_images/ANGRIFF.SVG": SVG,
        "images/angriff.html": HTML,
        "original_images/angriff.htm": HTML,
        "original_images/ohne-endung": HTML,
        "documents/intern.pdf": MINIMAL_PDF,
    }.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return tmp_path


@pytest.mark.parametrize(
    "url", ["/media/original_images/rathaus.png", "/media/images/rathaus.width-800.png"]
)
def test_media_route_serves_raster_images_with_nosniff_and_sandbox(
    client, media_root, url
):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "Set-Cookie" not in response


@pytest.mark.parametrize(
    "url",
    [
        "/media/original_images/angriff.svg",
        "/media/original_images/ANGRIFF.SVG",
        "/media/images/angriff.html",
        "/media/original_images/angriff.htm",
        "/media/original_images/ohne-endung",
        # Documents exist on disk but are never served from /media/.
        "/media/documents/intern.pdf",
        "/media/images/../documents/intern.pdf",
        "/media/images/",
    ],
)
def test_media_route_refuses_everything_else(client, media_root, url):
    response = client.get(url)

    assert response.status_code == 404
    assert b"alert(" not in response.content
    assert b"%PDF" not in response.content


def test_media_route_refuses_traversal_disguised_as_an_image(client, media_root):
    (media_root.parent / "geheim.png").write_bytes(PNG)

    response = client.get("/media/images/..%2F..%2Fgeheim.png")

    # Django answers a path outside MEDIA_ROOT with 400 Bad Request.
    assert response.status_code == 400
    assert PNG not in response.content


@pytest.mark.parametrize(
    ("filename", "content"), [("angriff.svg", SVG), ("angriff.html", HTML)]
)
def test_svg_or_html_document_is_an_opaque_sandboxed_download(
    client, make_document, filename, content
):
    # Uploads of these types are refused (core.validators); this one got in
    # some other way.
    document = make_document(filename, content)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert filename in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_partial_svg_document_keeps_the_download_headers(client, make_document):
    document = make_document("angriff.svg", SVG)

    response = client.get(document.url, HTTP_RANGE="bytes=0-9")

    assert response.status_code == 206
    assert b"".join(response.streaming_content) == SVG[:10]
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]


def test_pdf_stays_an_attachment_even_if_inline_types_are_configured(
    client, make_document, settings
):
    settings.WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
    document = make_document("arbeitspapier.pdf", MINIMAL_PDF)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert "arbeitspapier.pdf" in response["Content-Disposition"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
