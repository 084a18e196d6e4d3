"""Text extraction from uploaded documents (core.document_text): on upload,
never failing an upload, capped, and refilled by a management command."""

import io
import logging

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from core import document_text
from core.document_text import extract_text
from tests.core.document_files import MINIMAL_PDF, VALID_FILES, zip_bytes
from tests.core.text_documents import docx_bytes, odt_bytes, pdf_bytes

ADD_URL = "/admin/documents/add/"
MULTIPLE_ADD_URL = "/admin/documents/multiple/add/"


def extract(name: str, content: bytes) -> str:
    return extract_text(io.BytesIO(content), name=name)


def test_pdf_text_of_every_page_with_umlauts():
    content = pdf_bytes("Wohnungssuche für Flüchtlinge", "Straße und Hausnummer")

    assert extract("papier.pdf", content) == (
        "Wohnungssuche für Flüchtlinge\nStraße und Hausnummer"
    )


def test_pdf_encrypted_only_against_editing_is_read():
    content = pdf_bytes("Öffentlicher Text", password="")

    assert extract("papier.pdf", content) == "Öffentlicher Text"


def test_docx_paragraphs_and_table_cells_in_order():
    content = docx_bytes(
        "Erster Absatz über Wohnraum", "Zweiter Absatz", table=[["Zelle", "Nachbar"]]
    )

    assert extract("papier.docx", content) == (
        "Erster Absatz über Wohnraum\nZweiter Absatz\nZelle\nNachbar"
    )


def test_odt_headings_and_paragraphs_in_order():
    content = odt_bytes("Ein Absatz", "Noch ein Absatz", heading="Überschrift")

    assert extract("papier.odt", content) == (
        "Überschrift\nEin Absatz\nNoch ein Absatz"
    )


def test_spreadsheets_give_no_text():
    assert extract("zahlen.xlsx", VALID_FILES["zahlen.xlsx"]) == ""
    assert extract("tabelle.ods", VALID_FILES["tabelle.ods"]) == ""


BROKEN = [
    ("kaputt.pdf", b"%PDF-1.4\nnichts weiter"),
    ("kaputt.pdf", b""),
    ("kaputt.docx", b"PK\x03\x04 kein zip"),
    ("ohne-text.docx", zip_bytes({"[Content_Types].xml": "<Types/>"})),
    ("kaputt.odt", zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text"})),
    ("falsch.odt", zip_bytes({"content.xml": "<nicht-wohlgeformt"})),
]


@pytest.mark.parametrize(("name", "content"), BROKEN)
def test_broken_files_give_empty_text_and_a_warning(caplog, name, content):
    with caplog.at_level(logging.WARNING, logger="core.document_text"):
        assert extract(name, content) == ""

    assert f"Text of document '{name}' not extracted" in caplog.text


def test_password_protected_pdf_gives_empty_text_and_says_why(caplog):
    with caplog.at_level(logging.WARNING, logger="core.document_text"):
        assert extract("geheim.pdf", pdf_bytes("Geheim", password="x")) == ""

    assert "it is encrypted" in caplog.text


def test_text_is_capped(monkeypatch):
    monkeypatch.setattr(document_text, "MAX_TEXT_LENGTH", 50)
    content = docx_bytes(*[f"Absatz Nummer {n} mit etwas Text" for n in range(100)])

    text = extract("lang.docx", content)

    assert len(text) == 50
    assert text.startswith("Absatz Nummer 0")


def test_only_the_first_pages_are_read(monkeypatch):
    monkeypatch.setattr(document_text, "MAX_PDF_PAGES", 2)
    content = pdf_bytes("Seite eins", "Seite zwei", "Seite drei")

    assert extract("lang.pdf", content) == "Seite eins\nSeite zwei"


def test_a_zip_bomb_is_not_unpacked(monkeypatch, caplog):
    monkeypatch.setattr(document_text, "MAX_XML_BYTES", 1000)
    content = docx_bytes("x" * 5000)

    with caplog.at_level(logging.WARNING, logger="core.document_text"):
        assert extract("bombe.docx", content) == ""

    assert "unpacks to" in caplog.text


def test_clean_text_drops_nul_and_control_characters_and_collapses_space():
    # PostgreSQL cannot store NUL in text; PDFs sometimes contain it.
    assert document_text.clean_text("  Vor\x00her \x07 und\t\tdann\n\n\n\nEnde ") == (
        "Vor her und dann\n\nEnde"
    )


def test_the_file_is_left_at_its_start():
    file = io.BytesIO(pdf_bytes("Text"))

    extract_text(file, name="papier.pdf")

    assert file.tell() == 0


# Uploads through the admin -------------------------------------------------


def upload_data(name: str, content: bytes) -> dict:
    return {
        "title": "Arbeitspapier",
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        "file": SimpleUploadedFile(name, content),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("papier.pdf", pdf_bytes("Wohnungssuche in Flensburg")),
        ("papier.docx", docx_bytes("Wohnungssuche in Flensburg")),
        ("papier.odt", odt_bytes("Wohnungssuche in Flensburg")),
    ],
)
def test_upload_stores_the_text_and_the_unchanged_file(
    editor_client, media_storage, name, content
):
    response = editor_client.post(ADD_URL, upload_data(name, content))

    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.extracted_text == "Wohnungssuche in Flensburg"
    with media_storage.open(document.file.name) as stored:
        assert stored.read() == content


@pytest.mark.django_db
def test_upload_of_an_unreadable_pdf_still_succeeds(editor_client, media_storage):
    response = editor_client.post(
        ADD_URL, upload_data("geheim.pdf", pdf_bytes("Geheim", password="x"))
    )

    assert response.status_code == 302
    assert get_document_model().objects.get().extracted_text == ""


@pytest.mark.django_db
def test_multiple_upload_stores_the_text(editor_client, media_storage):
    response = editor_client.post(
        MULTIPLE_ADD_URL,
        {"files[]": SimpleUploadedFile("papier.odt", odt_bytes("Sprachkurse"))},
    )

    assert response.json()["success"] is True
    assert get_document_model().objects.get().extracted_text == "Sprachkurse"


@pytest.mark.django_db
def test_replacing_the_file_replaces_the_text(editor_client, media_storage):
    editor_client.post(ADD_URL, upload_data("alt.docx", docx_bytes("Alter Text")))
    document = get_document_model().objects.get()

    editor_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            **upload_data("neu.pdf", pdf_bytes("Neuer Text")),
            "title": document.title,
        },
    )

    document.refresh_from_db()
    assert document.extracted_text == "Neuer Text"


# The management command ------------------------------------------------------


@pytest.mark.django_db
def test_command_fills_in_text_of_existing_documents(media_storage):
    documents = get_document_model().objects
    old = documents.create(
        title="Alt", file=ContentFile(docx_bytes("Deutschkurse"), name="alt.docx")
    )
    empty = documents.create(
        title="Leer", file=ContentFile(MINIMAL_PDF, name="leer.pdf")
    )
    out = io.StringIO()

    call_command("extract_document_text", stdout=out)

    old.refresh_from_db()
    empty.refresh_from_db()
    assert old.extracted_text == "Deutschkurse"
    assert empty.extracted_text == ""
    assert "2 documents read, 1 with text, 0 not readable." in out.getvalue()


@pytest.mark.django_db
def test_command_can_skip_documents_with_text(media_storage):
    documents = get_document_model().objects
    done = documents.create(
        title="Fertig",
        file=ContentFile(docx_bytes("Neu gelesen"), name="fertig.docx"),
        extracted_text="Schon da",
    )
    documents.create(
        title="Offen", file=ContentFile(odt_bytes("Offen"), name="offen.odt")
    )
    out = io.StringIO()

    call_command("extract_document_text", "--missing", stdout=out)

    done.refresh_from_db()
    assert done.extracted_text == "Schon da"
    assert documents.get(title="Offen").extracted_text == "Offen"
    assert "1 documents read" in out.getvalue()


@pytest.mark.django_db
def test_command_reports_a_missing_file_and_goes_on(media_storage):
    documents = get_document_model().objects
    gone = documents.create(
        title="Weg", file=ContentFile(docx_bytes("Weg"), name="weg.docx")
    )
    documents.create(title="Da", file=ContentFile(odt_bytes("Da"), name="da.odt"))
    media_storage.delete(gone.file.name)
    out, err = io.StringIO(), io.StringIO()

    call_command("extract_document_text", stdout=out, stderr=err)

    assert f"Document {gone.pk}" in err.getvalue()
    assert "1 documents read, 1 with text, 1 not readable." in out.getvalue()
