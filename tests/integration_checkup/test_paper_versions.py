"""A new version of a working paper: it goes live with its sheet, keeps the
paper's stable address, and earlier versions stay downloadable."""

import datetime
import re
import xml.etree.ElementTree as ET

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from integration_checkup.models import MeasureSheet, MeasureSheetVersion

from .factories import DocumentFactory, MeasureSheetFactory, pdf_bytes

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def body(response) -> bytes:
    assert response.status_code in (200, 206), response.status_code
    return b"".join(response.streaming_content)


@pytest.fixture
def sheet(checkup_page):
    """Sheet no. 7, published with version 1 of its paper (and a revision, as
    the admin leaves it)."""
    sheet = MeasureSheetFactory(
        number=7,
        title="Wohnungsbörse",
        document=DocumentFactory(title="Fassung eins"),
    )
    sheet.save_revision().publish()
    return MeasureSheet.objects.get(pk=sheet.pk)


def edit_form(sheet, *new_versions, **extra):
    """The sheet's admin form as it stands, with new versions added."""
    kept = [
        {
            "id": version.pk,
            "document": version.document_id,
            "valid_from": version.valid_from.isoformat(),
            "note": version.note,
        }
        for version in sheet.paper_versions.order_by("number")
    ]
    changes = [
        {
            "id": change.pk,
            "date": change.date.isoformat(),
            "status": change.status,
            "note": change.note,
        }
        for change in sheet.status_changes.all()
    ]
    return nested_form_data(
        {
            "number": sheet.number,
            "title": sheet.title,
            "field_of_action": sheet.field_of_action_id,
            "summary": sheet.summary,
            "goals": rich_text(sheet.goals),
            "responsible_body": sheet.responsible_body,
            "partners": sheet.partners,
            "council_decision_url": "",
            "feedback_outcome": rich_text(""),
            "status_changes": inline_formset(changes, initial=len(changes)),
            "paper_versions": inline_formset(
                kept + list(new_versions), initial=len(kept)
            ),
            **extra,
        }
    )


def edit_url(sheet) -> str:
    return f"/admin/snippets/integration_checkup/measuresheet/edit/{sheet.pk}/"


def new_version(title="Fassung zwei", date="2026-11-30", note="Zahlen ergänzt"):
    document = DocumentFactory(title=title)
    return document, {"document": document.pk, "valid_from": date, "note": note}


@pytest.fixture
def published_second_version(sheet, editor_client):
    document, row = new_version()
    response = editor_client.post(
        edit_url(sheet), edit_form(sheet, row, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    return document


def test_stable_address_serves_the_newest_version_of_the_live_sheet(
    client, checkup_url, sheet, published_second_version
):
    stable = client.get(f"{checkup_url}massnahmen/7/arbeitspapier/")

    assert body(stable) == pdf_bytes("Fassung zwei")
    assert stable["Content-Disposition"].startswith("attachment")
    assert list(
        sheet.paper_versions.order_by("number").values_list("number", flat=True)
    ) == [1, 2]


def test_new_version_in_a_draft_is_not_public_until_the_sheet_is_published(
    client, editor_client, checkup_url, sheet
):
    _document, row = new_version()

    response = editor_client.post(edit_url(sheet), edit_form(sheet, row))

    assert response.status_code == 302
    stable = f"{checkup_url}massnahmen/7/arbeitspapier/"
    assert body(client.get(stable)) == pdf_bytes("Fassung eins")
    assert client.get(f"{stable}fassung-2/").status_code == 404
    assert "Fassung zwei" not in client.get(f"{checkup_url}massnahmen/7/").text
    sheet.refresh_from_db()
    assert sheet.has_unpublished_changes
    # The draft carries the new version with its number.
    draft = sheet.latest_revision.as_object()
    assert [version.number for version in draft.paper_versions.all()] == [1, 2]

    sheet.latest_revision.publish()

    assert body(client.get(stable)) == pdf_bytes("Fassung zwei")
    assert body(client.get(f"{stable}fassung-1/")) == pdf_bytes("Fassung eins")


def test_earlier_version_stays_downloadable_in_parts_and_at_its_old_address(
    client, checkup_url, sheet, published_second_version
):
    first = sheet.paper_versions.get(number=1).document

    part = client.get(
        f"{checkup_url}massnahmen/7/arbeitspapier/fassung-1/",
        headers={"Range": "bytes=0-7"},
    )

    assert part.status_code == 206
    assert body(part) == pdf_bytes("Fassung eins")[:8]
    assert body(client.get(first.url)) == pdf_bytes("Fassung eins")
    assert (
        client.get(f"{checkup_url}massnahmen/7/arbeitspapier/fassung-3/").status_code
        == 404
    )


def test_sheet_shows_the_newest_version_and_the_earlier_ones(
    client, checkup_url, sheet, published_second_version
):
    html = client.get(f"{checkup_url}massnahmen/7/").text

    paper = re.search(r'id="arbeitspapier".*?</ol>', html, re.S).group(0)
    assert 'href="/check-up-integration/massnahmen/7/arbeitspapier/"' in paper
    assert "Fassung zwei" in paper
    assert "Fassung 2 vom 30. November 2026" in paper
    assert "Zahlen ergänzt" in paper
    earlier = paper[paper.index("Frühere Fassungen") :]
    assert (
        'href="/check-up-integration/massnahmen/7/arbeitspapier/fassung-1/"' in earlier
    )
    assert "Fassung 1" in earlier


def test_file_of_a_version_is_not_replaced_in_the_document_admin(
    client, editor_client, sheet
):
    document = sheet.paper_versions.get().document
    old_url = document.url

    response = editor_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "Fassung eins",
            "collection": document.collection_id,
            "tags": "",
            "file": SimpleUploadedFile(
                "neu.pdf", pdf_bytes("Heimlich ersetzt"), "application/pdf"
            ),
        },
    )

    assert response.status_code == 200
    assert "als neue Fassung hoch" in response.text
    assert body(client.get(old_url)) == pdf_bytes("Fassung eins")


def test_replaced_file_of_another_document_keeps_its_old_address_working(
    client, editor_client, checkup_page
):
    document = DocumentFactory(title="Faltblatt")
    old_url = document.url

    response = editor_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "Faltblatt",
            "collection": document.collection_id,
            "tags": "",
            "file": SimpleUploadedFile(
                "faltblatt-2026.pdf", pdf_bytes("Neues Faltblatt"), "application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.url != old_url

    moved = client.get(old_url)

    assert moved.status_code == 302
    assert moved["Location"] == document.url
    assert body(client.get(moved["Location"])) == pdf_bytes("Neues Faltblatt")


def atom(response) -> list[dict]:
    root = ET.fromstring(response.content)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_feeds_announce_the_new_version_and_update_the_sheet_entry(
    client, editor_client, checkup_url, sheet
):
    papers_feed = f"{checkup_url}arbeitspapiere/feed/"

    def sheet_entry():
        (entry,) = [
            entry
            for entry in atom(client.get(papers_feed))
            if entry["title"].startswith("Maßnahmensteckbrief Nr. 7")
        ]
        return entry

    before = sheet_entry()["updated"]
    _document, row = new_version(date=datetime.date.today().isoformat())
    editor_client.post(
        edit_url(sheet), edit_form(sheet, row, **{"action-publish": "1"})
    )

    after = sheet_entry()["updated"]
    assert after > before
    titles = [entry["title"] for entry in atom(client.get(papers_feed))]
    assert "Neue Fassung 2 des Arbeitspapiers zu Nr. 7: Fassung zwei" in titles
    measure_titles = [
        entry["title"] for entry in atom(client.get(f"{checkup_url}massnahmen/7/feed/"))
    ]
    assert any(
        title.startswith("Nr. 7 „Wohnungsbörse“: neue Fassung 2 des Arbeitspapiers")
        for title in measure_titles
    )


def test_api_lists_the_versions(client, sheet, published_second_version):
    data = client.get(f"/api/v1/measures/{sheet.pk}").json()

    base = "http://testserver/check-up-integration/massnahmen/7/arbeitspapier/"
    assert data["paper_url"] == base
    assert [
        (v["number"], v["current"], v["url"], v["document"]["title"], v["note"])
        for v in data["paper_versions"]
    ] == [
        (1, False, f"{base}fassung-1/", "Fassung eins", ""),
        (2, True, f"{base}fassung-2/", "Fassung zwei", "Zahlen ergänzt"),
    ]
    assert [document["title"] for document in data["documents"]] == ["Fassung zwei"]


def test_zip_holds_the_newest_version_and_the_earlier_ones_apart(
    client, checkup_url, sheet, published_second_version
):
    from .test_feeds_and_archive import read_zip

    files = read_zip(client.get(f"{checkup_url}arbeitspapiere-zip/"))

    assert files == {
        "Massnahme-07-wohnungsboerse.pdf": pdf_bytes("Fassung zwei"),
        "fruehere-Fassungen/Massnahme-07-wohnungsboerse-Fassung-1.pdf": pdf_bytes(
            "Fassung eins"
        ),
    }


def test_a_deleted_draft_version_does_not_give_its_number_again(editor_client, sheet):
    _document, row = new_version()
    editor_client.post(edit_url(sheet), edit_form(sheet, row))  # draft: version 2
    _document, row = new_version(title="Fassung drei")

    # The next draft drops version 2 (as the form without it would) and adds one.
    editor_client.post(
        edit_url(sheet), edit_form(sheet, row, **{"action-publish": "1"})
    )

    assert list(
        MeasureSheetVersion.objects.filter(measure=sheet).values_list(
            "number", flat=True
        )
    ) == [1, 3]


def test_cdn_purge_names_the_paper_addresses(sheet, published_second_version):
    from integration_checkup.views import cached_route_arguments

    routes = cached_route_arguments()

    assert ("measure_paper", [7]) in routes
    assert ("measure_paper_version", [7, 1]) in routes
    assert ("measure_paper_version", [7, 2]) in routes


def test_file_of_a_version_cannot_be_deleted_in_the_document_admin(
    client, editor_client, sheet
):
    document = sheet.paper_versions.get().document

    editor_client.post(f"/admin/documents/delete/{document.pk}/")

    # Wagtail refuses: the sheet protects the file (on_delete=PROTECT).
    document.refresh_from_db()
    assert body(client.get(document.url)) == pdf_bytes("Fassung eins")
