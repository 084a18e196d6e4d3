"""Measure sheets: published only, in the requested language where translated."""

import datetime

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from integration_checkup.models import MeasureStatus
from tests.factories import CheckUpPageFactory
from tests.integration_checkup.factories import (
    DocumentFactory,
    FieldOfActionFactory,
    MeasureSheetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def checkup_page(home):
    return CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])


@pytest.fixture
def wohnen():
    return FieldOfActionFactory(name="Wohnen", slug="wohnen")


@pytest.fixture
def sheets(checkup_page, wohnen):
    arbeit = FieldOfActionFactory(name="Arbeit", slug="arbeit")
    return {
        "lotsen": MeasureSheetFactory(
            number=1,
            title="Lotsenstelle",
            field_of_action=arbeit,
            status=MeasureStatus.ADOPTED,
            document=DocumentFactory(title="Steckbrief 1", accessible=True),
        ),
        "wohnung": MeasureSheetFactory(
            number=3,
            title="Wohnungsbörse",
            field_of_action=wohnen,
            status=MeasureStatus.FORUM,
            history=[
                (datetime.date(2017, 9, 1), MeasureStatus.DRAFT),
                (datetime.date(2017, 10, 9), MeasureStatus.FORUM),
            ],
        ),
        "entwurf": MeasureSheetFactory(
            number=2, title="Unveröffentlicht", field_of_action=wohnen, live=False
        ),
    }


def test_list_has_published_sheets_by_number(api_get, sheets):
    response, data = api_get("measures")

    assert response.status_code == 200
    assert [item["title"] for item in data["items"]] == [
        "Lotsenstelle",
        "Wohnungsbörse",
    ]
    lotsen = data["items"][0]
    document = sheets["lotsen"].paper.document
    assert lotsen == {
        "id": sheets["lotsen"].pk,
        "number": 1,
        "title": "Lotsenstelle",
        "locale": "de",
        "field_of_action": {"slug": "arbeit", "name": "Arbeit"},
        "status": {"value": "adopted", "label": "beschlossen"},
        "summary": "Kurzbeschreibung der Maßnahme.",
        "documents": [
            {
                "id": document.pk,
                "title": "Steckbrief 1",
                "file_type": "pdf",
                "content_type": "application/pdf",
                "size": document.file_size,
                "accessible": True,
                "download_url": f"http://testserver/dokumente/{document.pk}/{document.filename}",
                "created_at": lotsen["documents"][0]["created_at"],
            }
        ],
        "paper_url": "http://testserver/check-up-integration/massnahmen/1/arbeitspapier/",
        "paper_versions": [
            {
                "number": 1,
                "valid_from": sheets["lotsen"].paper.valid_from.isoformat(),
                "note": "",
                "current": True,
                "url": "http://testserver/check-up-integration/massnahmen/1/arbeitspapier/fassung-1/",
                "document": lotsen["documents"][0],
            }
        ],
        "url": "http://testserver/check-up-integration/massnahmen/1/",
        "detail_url": f"http://testserver/api/v1/measures/{sheets['lotsen'].pk}",
    }
    assert document.file_size > 0


def test_unpublished_sheet_is_404(api_get, sheets):
    response, data = api_get(f"measures/{sheets['entwurf'].pk}")

    assert response.status_code == 404
    assert data == {"detail": "There is no published measure sheet with this id."}


def test_filters(api_get, sheets):
    _response, by_field = api_get("measures?field_of_action=wohnen")
    _response, by_status = api_get("measures?status=adopted")

    assert [item["number"] for item in by_field["items"]] == [3]
    assert [item["number"] for item in by_status["items"]] == [1]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("field_of_action=mond", "Unknown field of action 'mond'."),
        ("status=erledigt", "Invalid request parameters."),
    ],
)
def test_unknown_filter_values_are_400(api_get, sheets, query, message):
    response, data = api_get(f"measures?{query}")

    assert response.status_code == 400
    assert data["detail"] == message


def test_detail_has_history_and_goals(api_get, sheets):
    response, data = api_get(f"measures/{sheets['wohnung'].pk}")

    assert response.status_code == 200
    assert data["goals"] == "<p>Ziele</p>"
    assert data["responsible_body"] == "Koordinierungsstelle"
    assert data["status_history"] == [
        {
            "date": "2017-09-01",
            "status": {"value": "draft", "label": "Entwurf"},
            "note": "",
        },
        {
            "date": "2017-10-09",
            "status": {"value": "forum", "label": "im Forum diskutiert"},
            "note": "",
        },
    ]
    assert data["documents"] == []
    assert data["translations"] == []


def test_translations_replace_the_german_sheet_where_published(
    api_get, sheets, locales, wohnen
):
    original = sheets["wohnung"]
    english = MeasureSheetFactory(
        number=3,
        title="Housing exchange",
        field_of_action=wohnen,
        locale=locales["en"],
        translation_key=original.translation_key,
    )
    MeasureSheetFactory(
        number=1,
        title="Draft translation",
        field_of_action=sheets["lotsen"].field_of_action,
        locale=locales["en"],
        translation_key=sheets["lotsen"].translation_key,
        live=False,
    )

    _response, data = api_get("measures?sprache=en")

    assert [(item["title"], item["locale"]) for item in data["items"]] == [
        ("Lotsenstelle", "de"),
        ("Housing exchange", "en"),
    ]
    # Labels in the requested language (the English interface catalogue).
    assert data["items"][1]["status"] == {
        "value": "forum",
        "label": "discussed in the forum",
    }
    _response, detail = api_get(f"measures/{original.pk}")
    assert [(t["id"], t["locale"]) for t in detail["translations"]] == [
        (english.pk, "en")
    ]


def test_accept_language_does_not_change_the_answer(client, sheets):
    german = client.get("/api/v1/measures")
    english = client.get("/api/v1/measures", headers={"Accept-Language": "en"})

    assert german.content == english.content
    assert german.json()["items"][0]["status"]["label"] == "beschlossen"


def test_document_in_a_private_collection_is_left_out(api_get, sheets):
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim-genug",
    )
    document = sheets["lotsen"].paper.document
    document.collection = internal
    document.save()

    _response, data = api_get("measures")

    assert data["items"][0]["documents"] == []


def test_without_a_checkup_page_the_url_is_null(api_get, home, wohnen):
    MeasureSheetFactory(number=1, field_of_action=wohnen)

    _response, data = api_get("measures")

    assert data["items"][0]["url"] is None
