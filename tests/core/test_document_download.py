"""Downloads at /dokumente/<id>/<name>: headers and HTTP range requests (core.views)."""

import os

from django.core.files.storage import default_storage
from django.utils.http import http_date

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from core.views import CHUNK_SIZE
from tests.core.document_files import MINIMAL_PDF, VALID_FILES

pytestmark = pytest.mark.django_db

# Every byte value, so that a wrong offset cannot go unnoticed.
CONTENT = MINIMAL_PDF + bytes(range(256)) * 4
SIZE = len(CONTENT)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@pytest.fixture
def document(make_document):
    return make_document("arbeitspapier.pdf", CONTENT)


def download(client, document, range_header=None, **headers):
    if range_header is not None:
        headers["Range"] = range_header
    response = client.get(document.url, headers=headers)
    body = b"".join(response.streaming_content) if response.streaming else None
    return response, body


def test_document_url_is_under_dokumente(document):
    assert document.url == f"/dokumente/{document.pk}/arbeitspapier.pdf"


def test_full_download_is_an_attachment_with_safe_headers(client, document):
    response, body = download(client, document)

    assert response.status_code == 200
    assert body == CONTENT
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        "attachment; filename=arbeitspapier.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(SIZE)


@pytest.mark.parametrize(("name", "content"), VALID_FILES.items())
def test_each_type_gets_its_content_type_and_is_an_attachment(
    client, make_document, name, content
):
    document = make_document(name, content)

    response, body = download(client, document)

    assert body == content
    assert response["Content-Type"] == CONTENT_TYPES[name.rsplit(".", 1)[1]]
    assert response["Content-Disposition"].startswith(f"attachment; filename={name}")


@pytest.mark.parametrize(
    ("range_header", "first", "last"),
    [
        ("bytes=10-19", 10, 19),
        ("bytes=-5", SIZE - 5, SIZE - 1),
        ("bytes=5-", 5, SIZE - 1),
        ("bytes=0-0", 0, 0),
        ("bytes=100-999999", 100, SIZE - 1),
        ("bytes=-999999", 0, SIZE - 1),
        ("BYTES=10-19", 10, 19),
    ],
)
def test_single_range_gets_exactly_those_bytes(
    client, document, range_header, first, last
):
    response, body = download(client, document, range_header)

    assert response.status_code == 206
    assert body == CONTENT[first : last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{SIZE}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Accept-Ranges"] == "bytes"


def test_range_of_ten_bytes(client, document):
    response, body = download(client, document, "bytes=10-19")

    assert response.status_code == 206
    assert len(body) == 10
    assert body == CONTENT[10:20]
    assert response["Content-Range"] == f"bytes 10-19/{SIZE}"


@pytest.mark.parametrize(
    "range_header", [f"bytes={SIZE}-", f"bytes={SIZE + 10}-{SIZE + 20}", "bytes=-0"]
)
def test_unsatisfiable_range_gets_416(client, document, range_header):
    response, _ = download(client, document, range_header)

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"


@pytest.mark.parametrize(
    "range_header",
    [
        "bytes=abc",
        "bytes=20-10",
        "bytes=-",
        "bytes=0-1,5-6",
        "items=0-5",
        "bytes 0-5",
        "bytes=" + "9" * 5000 + "-",
    ],
)
def test_malformed_or_multiple_ranges_are_ignored(client, document, range_header):
    response, body = download(client, document, range_header)

    assert response.status_code == 200
    assert body == CONTENT
    assert "Content-Range" not in response


def test_if_range_with_another_version_gets_the_whole_file(client, document):
    response, body = download(client, document, "bytes=0-9", If_Range='"veraltet"')

    assert response.status_code == 200
    assert body == CONTENT


def test_if_range_with_the_current_etag_gets_the_range(client, document):
    etag = download(client, document)[0]["ETag"]
    assert etag == f'"{document.file_hash}"'

    response, body = download(client, document, "bytes=0-9", If_Range=etag)

    assert response.status_code == 206
    assert body == CONTENT[:10]


def test_range_is_read_in_chunks(client, make_document):
    content = MINIMAL_PDF + bytes(range(256)) * 1024  # about 256 KB
    document = make_document("gross.pdf", content)

    response = client.get(document.url, headers={"Range": "bytes=1000-"})
    chunks = list(response.streaming_content)

    assert b"".join(chunks) == content[1000:]
    assert len(chunks) > 1
    assert max(len(chunk) for chunk in chunks) <= CHUNK_SIZE


def test_wrong_file_name_leads_to_the_current_file(client, document):
    """The old address of a document whose file was replaced (it names the
    old file) leads to the current one instead of a 404."""
    response = client.get(
        f"/dokumente/{document.pk}/anderer-name.pdf", headers={"Range": "bytes=0-9"}
    )

    assert response.status_code == 302
    assert response["Location"] == document.url


def test_unknown_document_is_not_found(client, document):
    response = client.get(f"/dokumente/{document.pk + 1}/{document.filename}")

    assert response.status_code == 404


def test_document_whose_file_is_gone_is_not_found(client, document):
    default_storage.delete(document.file.name)

    response = client.get(document.url)

    assert response.status_code == 404


def test_private_collection_still_asks_for_the_password(client, make_document):
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim-genug",
    )
    document = make_document("intern.pdf", CONTENT, collection=internal)

    response = client.get(document.url, headers={"Range": "bytes=0-9"})

    assert response.status_code == 200
    assert not response.streaming
    assert (
        b"password" in response.content.lower()
        or b"passwort" in response.content.lower()
    )
    assert CONTENT[:10] not in response.content


def test_files_on_local_disk_are_served_with_ranges_too(
    client, make_document, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    document = make_document("arbeitspapier.pdf", CONTENT)
    assert default_storage.path(document.file.name).startswith(str(tmp_path))

    full, full_body = download(client, document)
    part, part_body = download(client, document, "bytes=10-19")

    assert (full.status_code, full_body) == (200, CONTENT)
    assert full["Content-Disposition"].startswith("attachment;")
    assert full["Accept-Ranges"] == "bytes"
    assert "Content-Encoding" not in full
    assert (part.status_code, part_body) == (206, CONTENT[10:20])
    assert part["Content-Range"] == f"bytes 10-19/{SIZE}"
    assert part["Content-Type"] == "application/pdf"


# A fixed modification time, so that the dates below are known.
MODIFIED = 1_767_225_600  # 2026-01-01 00:00 UTC


@pytest.fixture
def document_on_disk(make_document, settings, tmp_path):
    """A document in FileSystemStorage: only files on disk get a Last-Modified
    (Wagtail's streaming sendfile takes it from the file's mtime)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    document = make_document("arbeitspapier.pdf", CONTENT)
    os.utime(default_storage.path(document.file.name), (MODIFIED, MODIFIED))
    return document


def test_if_range_with_the_current_last_modified_date_gets_the_range(
    client, document_on_disk
):
    last_modified = download(client, document_on_disk)[0]["Last-Modified"]
    assert last_modified == http_date(MODIFIED)

    response, body = download(
        client, document_on_disk, "bytes=10-19", If_Range=last_modified
    )

    assert response.status_code == 206
    assert body == CONTENT[10:20]
    assert response["Content-Range"] == f"bytes 10-19/{SIZE}"


def test_if_range_with_an_older_date_gets_the_whole_file(client, document_on_disk):
    older = http_date(MODIFIED - 86400)

    response, body = download(client, document_on_disk, "bytes=10-19", If_Range=older)

    assert response.status_code == 200
    assert body == CONTENT
    assert "Content-Range" not in response
