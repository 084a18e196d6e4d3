"""The file of a new version goes live with its sheet: until the sheet is
published, visitors cannot download it, the site search does not find it and
the API does not list it; editors can open it. A file that something
published uses stays public."""

import html

from django.test import Client

import pytest

from integration_checkup.models import MeasureSheet
from tests.factories import ContentPageFactory

from .factories import DocumentFactory, MeasureSheetFactory, pdf_bytes
from .test_paper_versions import edit_form, edit_url, new_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    """Someone not logged in (``client`` is the editor's once ``editor_client`` is used)."""
    return Client()


@pytest.fixture
def live_sheet(checkup_page):
    sheet = MeasureSheetFactory(
        number=7, title="Wohnungsbörse", document=DocumentFactory(title="Fassung eins")
    )
    sheet.save_revision().publish()
    return MeasureSheet.objects.get(pk=sheet.pk)


def download(client, document) -> int:
    response = client.get(document.url)
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == pdf_bytes(document.title)
    return response.status_code


def found_by_search(client, document) -> bool:
    response = client.get("/suche/", {"q": document.title})
    assert response.status_code == 200
    return document.url in html.unescape(response.content.decode())


def listed_by_api(client, document) -> bool:
    listing = client.get("/api/v1/documents").json()
    detail = client.get(f"/api/v1/documents/{document.pk}")
    listed = document.pk in [item["id"] for item in listing["items"]]
    assert listed == (detail.status_code == 200)
    return listed


def public(visitor, document) -> bool:
    """Downloadable, found and listed (all three), or none of them."""
    seen = {
        download(visitor, document) == 200,
        found_by_search(visitor, document),
        listed_by_api(visitor, document),
    }
    assert len(seen) == 1, "download, search and API disagree"
    return seen.pop()


def save_draft(editor_client, sheet, *rows, publish=False):
    extra = {"action-publish": "1"} if publish else {}
    response = editor_client.post(edit_url(sheet), edit_form(sheet, *rows, **extra))
    assert response.status_code == 302


def test_file_of_a_draft_version_is_public_only_once_the_sheet_is_published(
    editor_client, visitor, live_sheet
):
    document, row = new_version(title="Fassung zwei")
    # Uploaded and named by nothing yet: an ordinary document (and the
    # search's answer is cached now).
    assert found_by_search(visitor, document)

    save_draft(editor_client, live_sheet, row)

    assert download(visitor, document) == 404
    # An address with another name does not lead to its name either.
    assert visitor.get(f"/dokumente/{document.pk}/fassung.pdf").status_code == 404
    assert not public(visitor, document)
    # Editors open it (from the document admin or the sheet's chooser), and
    # no shared cache keeps their copy.
    assert download(editor_client, document) == 200
    assert "private" in editor_client.get(document.url)["Cache-Control"]

    live_sheet.refresh_from_db()
    live_sheet.latest_revision.publish()

    assert public(visitor, document)
    assert download(visitor, document) == 200


def test_file_published_with_the_sheet_in_the_admin_is_public_at_once(
    editor_client, visitor, live_sheet
):
    document, row = new_version(title="Fassung zwei")

    save_draft(editor_client, live_sheet, row, publish=True)

    assert public(visitor, document)


def test_file_of_a_sheet_never_published_waits_for_its_publication(
    visitor, checkup_page
):
    document = DocumentFactory(title="Erster Entwurf")
    sheet = MeasureSheetFactory(number=8, live=False, document=document)

    revision = sheet.save_revision()

    assert not public(visitor, document)

    revision.publish()

    assert public(visitor, document)


def linking_page(parent, document, **kwargs):
    return ContentPageFactory(
        parent=parent,
        body=[
            {
                "type": "paragraph",
                "value": f'<p><a linktype="document" id="{document.pk}">Merkblatt</a></p>',
            }
        ],
        **kwargs,
    )


def version_row(document) -> dict:
    return {"document": document.pk, "valid_from": "2026-11-30", "note": ""}


def test_file_that_was_public_stays_public_when_a_draft_uses_it_too(
    editor_client, visitor, home, live_sheet
):
    first = live_sheet.paper_versions.get().document
    linked = DocumentFactory(title="Merkblatt Wohnen")
    linking_page(home, linked)
    other_sheet = MeasureSheetFactory(
        number=9, document=DocumentFactory(title="Papier neun")
    )
    of_other_sheet = other_sheet.paper_versions.get().document

    # The draft keeps version 1 (public with the live sheet) and adds files
    # that a published page and another published sheet use.
    save_draft(
        editor_client, live_sheet, version_row(linked), version_row(of_other_sheet)
    )

    assert public(visitor, first)
    assert public(visitor, linked)
    assert public(visitor, of_other_sheet)


def test_a_draft_page_does_not_make_a_held_back_file_public(
    editor_client, visitor, home, live_sheet
):
    document, row = new_version(title="Fassung zwei")
    save_draft(editor_client, live_sheet, row)
    page = linking_page(home, document, live=False)

    assert not public(visitor, document)

    # Once the page that links it is published, the file is public with it.
    page.save_revision().publish()

    assert public(visitor, document)


def test_unpublishing_a_sheet_takes_its_files_offline(
    editor_client, visitor, live_sheet
):
    first = live_sheet.paper_versions.get().document

    response = editor_client.post(
        f"/admin/snippets/integration_checkup/measuresheet/unpublish/{live_sheet.pk}/"
    )

    assert response.status_code == 302
    assert not public(visitor, first)
