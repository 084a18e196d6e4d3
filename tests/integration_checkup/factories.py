"""Factories for the Check Up Integration (factory_boy)."""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import factory
from factory.django import DjangoModelFactory

from integration_checkup.models import (
    Feedback,
    FieldOfAction,
    MeasureSheet,
    MeasureSheetVersion,
    MeasureStatus,
    MeasureStatusChange,
    ProcessStep,
    StatusAnalysis,
)


def pdf_bytes(text: str = "Arbeitspapier") -> bytes:
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


class DocumentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Arbeitspapier {n}")
    file = factory.LazyAttribute(
        lambda obj: ContentFile(pdf_bytes(obj.title), name=f"{obj.title}.pdf")
    )

    class Meta:
        model = get_document_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def metadata(obj, create, extracted, **kwargs):
        obj._set_document_file_metadata()
        if create:
            obj.save()


class FieldOfActionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.Sequence(lambda n: f"feld-{n}")
    sort_order = factory.Sequence(int)
    description = "Beschreibung des Handlungsfelds."
    focus_group = "Beteiligte der Fokusgruppe."

    class Meta:
        model = FieldOfAction


class StatusAnalysisFactory(DjangoModelFactory):
    field_of_action = factory.SubFactory(FieldOfActionFactory)
    title = factory.LazyAttribute(
        lambda obj: f"Statusanalyse {obj.field_of_action.name}"
    )
    data_period = "Q4/2016 und Q1/2017"
    summary = "Zusammenfassung."
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = StatusAnalysis


class MeasureSheetFactory(DjangoModelFactory):
    """A published sheet whose history ends in ``status``."""

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    field_of_action = factory.SubFactory(FieldOfActionFactory)
    summary = "Kurzbeschreibung der Maßnahme."
    goals = "<p>Ziele</p>"
    responsible_body = "Koordinierungsstelle"
    status = MeasureStatus.FORUM
    live = True

    class Meta:
        model = MeasureSheet
        skip_postgeneration_save = True

    @factory.post_generation
    def history(obj, create, extracted, **kwargs):
        changes = extracted or [
            (datetime.date(2017, 9, 1), MeasureStatus.DRAFT),
            (datetime.date(2017, 10, 9), obj.status),
        ]
        obj.status_changes = [
            MeasureStatusChange(date=date, status=status) for date, status in changes
        ]
        if create:
            obj.save()

    @factory.post_generation
    def document(obj, create, extracted, **kwargs):
        """``document=``: version 1 of the sheet's working paper."""
        if extracted is None:
            return
        obj.paper_versions = [
            MeasureSheetVersion(
                number=1, document=extracted, valid_from=extracted.created_at.date()
            )
        ]
        if create:
            obj.save()


class ProcessStepFactory(DjangoModelFactory):
    date = datetime.date(2017, 10, 9)
    title = factory.Sequence(lambda n: f"Schritt {n}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = ProcessStep


class FeedbackFactory(DjangoModelFactory):
    measure = factory.SubFactory(MeasureSheetFactory)
    text = "Eine Rückmeldung."
    consent = True

    class Meta:
        model = Feedback
