"""Downloads handed to nginx (DOCUMENT_SERVE_METHOD=x-accel, core.document_sendfile).

After its checks the serve view answers with an empty response naming the
file in X-Accel-Redirect and the download headers; nginx sends the bytes
(tests/flensburg_site/test_proxy_documents.py runs that part). Without the
setting the file is streamed by Django as before.
"""

from django.core.files.storage import default_storage

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from core.views import DOCUMENT_CSP
from tests.core.document_files import MINIMAL_PDF

pytestmark = pytest.mark.django_db

CONTENT = MINIMAL_PDF + bytes(range(256)) * 4
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


@pytest.fixture
def on_disk(settings, tmp_path, media_storage):
    """Documents as files in MEDIA_ROOT, as in production."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


@pytest.fixture
def x_accel(settings):
    """What DOCUMENT_SERVE_METHOD=x-accel sets (tests/flensburg_site/test_settings.py)."""
    settings.SENDFILE_BACKEND = "core.document_sendfile"


def test_document_is_handed_to_nginx_with_the_download_headers(
    client, make_document, on_disk, x_accel
):
    document = make_document("arbeitspapier.pdf", CONTENT)
    assert default_storage.path(document.file.name).startswith(str(on_disk))

    response = client.get(document.url)

    assert response.status_code == 200
    assert not response.streaming
    assert response.content == b""
    assert response["X-Accel-Redirect"] == "/internal/documents/arbeitspapier.pdf"
    assert response["Content-Length"] == "0"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="arbeitspapier.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == DOCUMENT_CSP
    assert response["ETag"] == f'"{document.file_hash}"'
    # nginx adds these itself; from the app they would come twice.
    assert "Accept-Ranges" not in response
    assert "Content-Encoding" not in response


@pytest.mark.parametrize("range_header", ["bytes=10-19", f"bytes={len(CONTENT)}-"])
def test_ranges_are_left_to_nginx(
    client, make_document, on_disk, x_accel, range_header
):
    document = make_document("arbeitspapier.pdf", CONTENT)

    response = client.get(document.url, headers={"Range": range_header})

    assert response.status_code == 200
    assert response.content == b""
    assert response["X-Accel-Redirect"] == "/internal/documents/arbeitspapier.pdf"
    assert "Content-Range" not in response


def test_head_is_handed_over_too(client, make_document, on_disk, x_accel):
    document = make_document("arbeitspapier.pdf", CONTENT)

    response = client.head(document.url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/internal/documents/arbeitspapier.pdf"


def test_svg_document_is_handed_over_as_opaque_sandboxed_bytes(
    client, make_document, on_disk, x_accel
):
    document = make_document("angriff.svg", SVG)

    response = client.get(document.url)

    assert response["X-Accel-Redirect"] == "/internal/documents/angriff.svg"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == DOCUMENT_CSP
    assert response["X-Content-Type-Options"] == "nosniff"


def test_file_name_is_percent_encoded(client, make_document, on_disk, x_accel):
    document = make_document("maßnahme-ü.pdf", CONTENT)
    assert document.file.name == "documents/maßnahme-ü.pdf"

    response = client.get(document.url)

    assert response["X-Accel-Redirect"] == (
        "/internal/documents/ma%C3%9Fnahme-%C3%BC.pdf"
    )
    assert (
        "filename*=UTF-8''ma%C3%9Fnahme-%C3%BC.pdf" in (response["Content-Disposition"])
    )


def test_private_document_asks_for_the_password_and_names_no_file(
    client, make_document, on_disk, x_accel
):
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim-genug",
    )
    document = make_document("intern.pdf", CONTENT, collection=internal)

    response = client.get(document.url)

    assert response.status_code == 200
    assert "X-Accel-Redirect" not in response
    assert b"passwor" in response.content.lower()


def test_unchanged_document_gets_304_from_the_app(
    client, make_document, on_disk, x_accel
):
    document = make_document("arbeitspapier.pdf", CONTENT)

    response = client.get(
        document.url, headers={"If-None-Match": f'"{document.file_hash}"'}
    )

    assert response.status_code == 304
    assert "X-Accel-Redirect" not in response


def test_file_outside_the_documents_folder_is_streamed(
    client, make_document, on_disk, x_accel
):
    document = make_document("arbeitspapier.pdf", CONTENT)
    (on_disk / "anderswo").mkdir()
    (on_disk / "documents" / "arbeitspapier.pdf").rename(
        on_disk / "anderswo" / "arbeitspapier.pdf"
    )
    document.file.name = "anderswo/arbeitspapier.pdf"
    document.save()

    response = client.get(document.url)

    assert "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content) == CONTENT


def test_without_the_setting_django_streams_the_file_with_ranges(
    client, make_document, on_disk
):
    document = make_document("arbeitspapier.pdf", CONTENT)

    full = client.get(document.url)
    part = client.get(document.url, headers={"Range": "bytes=10-19"})

    assert "X-Accel-Redirect" not in full
    assert (full.status_code, b"".join(full.streaming_content)) == (200, CONTENT)
    assert full["Accept-Ranges"] == "bytes"
    assert (part.status_code, b"".join(part.streaming_content)) == (206, CONTENT[10:20])
    assert part["Content-Range"] == f"bytes 10-19/{len(CONTENT)}"


def test_storage_without_files_on_disk_is_streamed_with_the_setting(
    client, make_document, x_accel
):
    # The test settings' in-memory storage, like object storage (S3).
    document = make_document("arbeitspapier.pdf", CONTENT)

    response = client.get(document.url, headers={"Range": "bytes=10-19"})

    assert "X-Accel-Redirect" not in response
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == CONTENT[10:20]
