"""Follow a measure (Atom) and download all working papers (streamed ZIP)."""

import datetime
import io
import xml.etree.ElementTree as ET
import zipfile

from django.http import StreamingHttpResponse

import pytest

from integration_checkup.models import MeasureStatus

from .factories import (
    DocumentFactory,
    FieldOfActionFactory,
    MeasureSheetFactory,
    StatusAnalysisFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [
        (
            entry.findtext(f"{ATOM}title"),
            entry.findtext(f"{ATOM}id"),
            entry.find(f"{ATOM}link").get("href"),
        )
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_measure_feed_announces_status_changes_and_new_documents(client, checkup_url):
    MeasureSheetFactory(
        number=5,
        title="Sprachcafés",
        document=DocumentFactory(title="Steckbrief 5"),
        history=[
            (datetime.date(2017, 9, 1), MeasureStatus.DRAFT),
            (datetime.date(2017, 10, 9), MeasureStatus.FORUM),
            (datetime.date(2018, 2, 1), MeasureStatus.ADOPTED),
        ],
    )

    items = entries(client.get(f"{checkup_url}massnahmen/5/feed/"))

    titles = [title for title, _id, _link in items]
    assert "Nr. 5 „Sprachcafés“: neues Dokument" in titles
    # Status changes, newest first.
    status_titles = [title for title in titles if "Dokument" not in title]
    assert status_titles == [
        "Nr. 5 „Sprachcafés“: beschlossen",
        "Nr. 5 „Sprachcafés“: im Forum diskutiert",
        "Nr. 5 „Sprachcafés“: Entwurf",
    ]
    assert all(
        link == "http://testserver/check-up-integration/massnahmen/5/"
        for *_, link in items
    )
    assert len({entry_id for _title, entry_id, _link in items}) == len(items)
    assert all(entry_id.startswith("http://testserver/") for _t, entry_id, _l in items)


def test_field_feed_covers_its_published_measures_only(client, checkup_url):
    field = FieldOfActionFactory(slug="wohnen", name="Wohnen")
    MeasureSheetFactory(number=1, title="Wohnungsbörse", field_of_action=field)
    MeasureSheetFactory(
        number=2, title="Entwurf intern", field_of_action=field, live=False
    )
    MeasureSheetFactory(number=3, title="Anderes Feld")

    items = entries(client.get(f"{checkup_url}handlungsfelder/wohnen/feed/"))

    titles = " ".join(title for title, *_ in items)
    assert "Wohnungsbörse" in titles
    assert "Entwurf intern" not in titles
    assert "Anderes Feld" not in titles


def read_zip(response) -> dict[str, bytes]:
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def test_zip_holds_exactly_the_published_documents(client, checkup_url):
    field = FieldOfActionFactory(name="Wohnen", slug="wohnen", sort_order=3)
    StatusAnalysisFactory(
        field_of_action=field, document=DocumentFactory(title="SA Wohnen")
    )
    MeasureSheetFactory(
        number=7, title="Wohnungsbörse für alle", document=DocumentFactory(title="M7")
    )
    MeasureSheetFactory(number=8, title="Ohne Papier", document=None)
    MeasureSheetFactory(
        number=9, title="Noch intern", live=False, document=DocumentFactory(title="M9")
    )
    DocumentFactory(title="Fremdes Dokument")

    files = read_zip(client.get(f"{checkup_url}arbeitspapiere-zip/"))

    assert files == {
        "Statusanalyse-03-wohnen.pdf": pdf_bytes("SA Wohnen"),
        "Massnahme-07-wohnungsboerse-fuer-alle.pdf": pdf_bytes("M7"),
    }


def test_empty_zip_is_still_a_valid_archive(client, checkup_url):
    assert read_zip(client.get(f"{checkup_url}arbeitspapiere-zip/")) == {}
