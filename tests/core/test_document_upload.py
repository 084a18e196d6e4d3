"""Uploads through the real Wagtail admin views use our validation (core.forms)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from tests.core.conftest import stored_files
from tests.core.document_files import MINIMAL_PDF, PNG_HEADER, VALID_FILES, zip_bytes

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/documents/add/"
MULTIPLE_ADD_URL = "/admin/documents/multiple/add/"

REJECTED = [
    (
        "setup.exe",
        b"MZ\x90\x00" + bytes(64),
        "Nur PDF-, ODT-, DOCX-, XLSX- und ODS-Dateien sind erlaubt.",
    ),
    (
        "notiz.pdf",
        b"Eine Textdatei mit falscher Endung.",
        "Die Datei ist keine gültige PDF-Datei.",
    ),
    ("foto.docx", PNG_HEADER, "Die Datei ist keine gültige DOCX-Datei."),
    (
        "archiv.docx",
        zip_bytes({"liesmich.txt": "Hallo"}),
        "Die Datei ist keine gültige DOCX-Datei.",
    ),
]


def add_form_data(name: str, content: bytes, **extra) -> dict:
    return {
        "title": "Arbeitspapier",
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        "file": SimpleUploadedFile(name, content),
        **extra,
    }


@pytest.mark.parametrize(("name", "content", "message"), REJECTED)
def test_add_view_rejects_with_german_message_and_stores_nothing(
    editor_client, media_storage, name, content, message
):
    response = editor_client.post(ADD_URL, add_form_data(name, content))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]
    assert message in response.content.decode()
    assert get_document_model().objects.count() == 0
    assert stored_files(media_storage) == []


def test_add_view_rejects_a_file_over_the_configured_size(
    editor_client, media_storage, settings
):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    content = MINIMAL_PDF.ljust(3 * 1024, b"\n")

    response = editor_client.post(ADD_URL, add_form_data("gross.pdf", content))

    assert response.context["form"].errors["file"] == [
        "Die Datei ist zu groß: 3 KB. Erlaubt sind höchstens 1 KB."
    ]
    assert get_document_model().objects.count() == 0
    assert stored_files(media_storage) == []


@pytest.mark.parametrize(("name", "content"), VALID_FILES.items())
def test_add_view_stores_each_allowed_type(editor_client, media_storage, name, content):
    response = editor_client.post(
        ADD_URL, add_form_data(name, content, accessible="on")
    )

    assert response.status_code == 302, response.context["form"].errors
    document = get_document_model().objects.get()
    assert document.filename == name
    assert document.accessible is True
    assert document.file_size == len(content)
    assert stored_files(media_storage) == [f"documents/{name}"]
    with media_storage.open(f"documents/{name}") as stored:
        assert stored.read() == content


def test_add_form_tells_editors_what_is_allowed(editor_client):
    page = editor_client.get(ADD_URL).content.decode()

    assert "Erlaubt sind PDF, ODT, DOCX, XLSX und ODS bis 20 MB." in page
    assert 'accept=".pdf,.odt,.docx,.xlsx,.ods"' in page


@pytest.mark.parametrize(("name", "content", "message"), REJECTED)
def test_multiple_upload_rejects_with_german_message(
    editor_client, media_storage, name, content, message
):
    response = editor_client.post(
        MULTIPLE_ADD_URL, {"files[]": SimpleUploadedFile(name, content)}
    )

    assert response.json() == {"success": False, "error_message": message}
    assert get_document_model().objects.count() == 0
    assert stored_files(media_storage) == []


def test_multiple_upload_accepts_an_allowed_type(editor_client, media_storage):
    response = editor_client.post(
        MULTIPLE_ADD_URL,
        {"files[]": SimpleUploadedFile("tabelle.ods", VALID_FILES["tabelle.ods"])},
    )

    assert response.json()["success"] is True
    assert get_document_model().objects.get().filename == "tabelle.ods"


def test_multiple_upload_page_checks_the_size_in_the_browser_too(
    editor_client, settings
):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 5 * 1024 * 1024

    page = editor_client.get(MULTIPLE_ADD_URL).content.decode()

    assert f'data-max-file-size="{5 * 1024 * 1024}"' in page
    assert "Die Datei ist zu groß. Erlaubt sind höchstens 5 MB." in page


def edit_form_data(document, **extra) -> dict:
    return {
        "title": document.title,
        "collection": document.collection_id,
        "tags": "",
        **extra,
    }


def test_edit_view_keeps_the_file_when_the_replacement_is_rejected(
    editor_client, make_document, media_storage
):
    document = make_document("arbeitspapier.pdf")

    response = editor_client.post(
        f"/admin/documents/edit/{document.pk}/",
        edit_form_data(document, file=SimpleUploadedFile("neu.pdf", PNG_HEADER)),
    )

    assert response.context["form"].errors["file"] == [
        "Die Datei ist keine gültige PDF-Datei."
    ]
    document.refresh_from_db()
    assert document.filename == "arbeitspapier.pdf"
    assert stored_files(media_storage) == ["documents/arbeitspapier.pdf"]


def test_edit_view_saves_other_fields_without_a_new_file(editor_client, make_document):
    document = make_document("arbeitspapier.pdf")

    response = editor_client.post(
        f"/admin/documents/edit/{document.pk}/",
        edit_form_data(document, title="Neuer Titel", accessible="on"),
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.accessible) == ("Neuer Titel", True)
