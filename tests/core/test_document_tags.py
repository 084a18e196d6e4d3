"""How a document link reads: type, size, accessibility (core.templatetags.document_tags)."""

from django.core.files.storage import storages
from django.template import Context, Template
from django.template.loader import render_to_string

import pytest

from core.templatetags.document_tags import file_size_label, file_type_label
from pages.blocks import LinkBlock
from tests.core.document_files import MINIMAL_PDF, VALID_FILES

pytestmark = pytest.mark.django_db


def render_document_link(**context) -> str:
    return render_to_string("components/document_link.html", context)


def test_type_and_size_labels(make_document):
    pdf = make_document("arbeitspapier.pdf", MINIMAL_PDF, file_size=240 * 1024)
    docx = make_document(
        "massnahme.docx", VALID_FILES["massnahme.docx"], file_size=int(1.2 * 1024**2)
    )

    assert (file_type_label(pdf), file_size_label(pdf)) == ("PDF", "240 KB")
    assert (file_type_label(docx), file_size_label(docx)) == ("DOCX", "1,2 MB")


def test_size_comes_from_the_cached_field_not_the_storage(
    make_document, django_assert_num_queries, monkeypatch
):
    document = make_document(file_size=5 * 1024**2)  # the stored file is tiny

    def no_storage_call(storage, name):
        raise AssertionError("file_size_label asked the storage")

    monkeypatch.setattr(type(storages["default"]), "size", no_storage_call)

    with django_assert_num_queries(0):
        assert file_size_label(document) == "5 MB"


def test_missing_cached_size_is_measured_once_and_saved(make_document):
    document = make_document(content=MINIMAL_PDF.ljust(3 * 1024, b"\n"))
    type(document).objects.filter(pk=document.pk).update(file_size=None)
    document.refresh_from_db()

    assert file_size_label(document) == "3 KB"
    document.refresh_from_db()
    assert document.file_size == 3 * 1024


def test_document_link_shows_type_size_and_not_accessible(make_document):
    document = make_document(
        "arbeitspapier.pdf", title="Arbeitspapier 3", file_size=240 * 1024
    )

    html = render_document_link(document=document)

    assert f'href="/dokumente/{document.pk}/arbeitspapier.pdf"' in html
    assert " download>" in html
    assert ">Arbeitspapier 3<" in html
    assert "(PDF, 240 KB, nicht barrierefrei)" in html


def test_document_link_shows_accessible_and_takes_a_label(make_document):
    document = make_document(
        "zahlen.xlsx", VALID_FILES["zahlen.xlsx"], accessible=True, file_size=2048
    )

    html = render_document_link(document=document, label="Zahlen 2025")

    assert ">Zahlen 2025<" in html
    assert "(XLSX, 2 KB, barrierefrei)" in html
    assert "nicht barrierefrei" not in html


def test_filters_load_in_templates(make_document):
    document = make_document(file_size=512)
    template = Template(
        "{% load document_tags %}{{ doc|file_type_label }} {{ doc|file_size_label }}"
    )

    assert template.render(Context({"doc": document})) == "PDF 512 Byte"


def test_link_component_uses_the_document_link_for_documents(make_document):
    document = make_document(title="Maßnahmenblatt", file_size=240 * 1024)
    link = LinkBlock().to_python(
        {"page": None, "document": document.pk, "url": "", "label": ""}
    )

    html = render_to_string("components/link.html", {"link": link})

    assert (
        html.strip()
        == render_document_link(document=document, label="Maßnahmenblatt").strip()
    )
    assert "(PDF, 240 KB, nicht barrierefrei)" in html


def test_link_component_leaves_external_links_alone():
    link = LinkBlock().to_python(
        {"page": None, "document": None, "url": "https://example.org", "label": "Land"}
    )

    html = render_to_string("components/link.html", {"link": link})

    assert 'href="https://example.org"' in html
    assert "externer Link" in html
    assert "download" not in html
