"""The Check Up demo content: honest, complete, idempotent."""

import io
from collections import Counter

from wagtail.documents import get_document_model

import pytest
from pypdf import PdfReader

from demo.checkup import checkup_demo_load, working_papers
from demo.placeholders import PAPERS_DIR
from integration_checkup.models import (
    FieldOfAction,
    MeasureSheet,
    MeasureStatus,
    ProcessStep,
    StatusAnalysis,
)
from scripts.demo_placeholder_pdfs import placeholder_pdf as script_pdf

pytestmark = pytest.mark.django_db


def pdf_text(document) -> str:
    with document.file.open("rb") as handle:
        return " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages
        )


def reader_text(reader: PdfReader) -> str:
    return " ".join(page.extract_text() for page in reader.pages)


def counts():
    return (
        FieldOfAction.objects.count(),
        StatusAnalysis.objects.count(),
        MeasureSheet.objects.count(),
        ProcessStep.objects.count(),
        get_document_model().objects.count(),
    )


def test_sheet_7_has_an_earlier_version_of_its_paper():
    checkup_demo_load()

    versions = MeasureSheet.objects.get(number=7).paper_versions.order_by("number")
    assert [version.number for version in versions] == [1, 2]
    assert versions[0].document != versions[1].document


def test_seven_fields_seven_analyses_22_sheets_once():
    checkup_demo_load()
    first = counts()
    checkup_demo_load()

    assert counts() == first == (7, 7, 22, 5, 30)
    assert list(FieldOfAction.objects.values_list("name", flat=True)) == [
        "Arbeit",
        "Sprache",
        "Wohnen",
        "Teilhabe",
        "Engagement",
        "Akzeptanz",
        "Koordination",
    ]
    assert set(StatusAnalysis.objects.values_list("data_period", flat=True)) == {
        "Q4/2016 und Q1/2017"
    }


def test_example_sheets_are_marked_and_spread_over_fields_and_statuses():
    checkup_demo_load()

    sheets = MeasureSheet.objects.all()
    assert sorted(sheets.values_list("number", flat=True)) == list(range(1, 23))
    assert all(sheet.title.startswith("Beispiel: ") for sheet in sheets)
    assert all(sheet.live for sheet in sheets)
    assert len(Counter(sheets.values_list("field_of_action", flat=True))) == 7
    assert set(sheets.values_list("status", flat=True)) == set(MeasureStatus.values)
    for sheet in sheets:
        newest = sheet.status_changes.order_by("date").last()
        assert newest.status == sheet.status


def test_every_working_paper_says_inside_that_it_is_a_placeholder():
    checkup_demo_load()

    documents = get_document_model().objects.all()
    assert documents.count() == 30
    for document in documents:
        assert document.file_size > 0
        text = pdf_text(document)
        assert "PLATZHALTER" in text, document.title
        assert "kein echtes Arbeitspapier" in text


def test_rerun_leaves_edited_sheets_alone():
    checkup_demo_load()
    sheet = MeasureSheet.objects.get(number=4)
    sheet.title = "Sprachcafés (geprüft)"
    sheet.save()
    MeasureSheet.objects.filter(number=22).delete()

    checkup_demo_load()

    assert MeasureSheet.objects.get(number=4).title == "Sprachcafés (geprüft)"
    assert MeasureSheet.objects.filter(number=22).count() == 1


def test_committed_working_papers_are_what_the_script_writes_now():
    """One committed PDF per paper, with the title and text that
    scripts/demo_placeholder_pdfs.py gives it from today's demo data."""
    papers = working_papers()
    assert sorted(path.name for path in PAPERS_DIR.glob("*.pdf")) == sorted(
        paper.filename for paper in papers
    )
    for paper in papers:
        committed = PdfReader(PAPERS_DIR / paper.filename)
        fresh = PdfReader(io.BytesIO(script_pdf(paper)))
        assert committed.metadata.title == fresh.metadata.title, paper.filename
        assert reader_text(committed) == reader_text(fresh), paper.filename
