"""integration_checkup.0004 moves each sheet's document into version 1 of its
working paper: in the sheet and in its revisions; nothing is lost, and the
way back restores the document."""

import uuid

from django.contrib.contenttypes.models import ContentType as CurrentContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wagtail.models import Collection

import pytest

from integration_checkup.models import MeasureSheet

BEFORE = [("integration_checkup", "0003_feedback_export_permission")]
AFTER = [("integration_checkup", "0004_measure_paper_versions")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # A transactional test before this one may have flushed what Wagtail's
    # migrations create; documents need the root collection.
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def old_sheet(apps, number: int, document):
    Locale = apps.get_model("wagtailcore", "Locale")
    FieldOfAction = apps.get_model("integration_checkup", "FieldOfAction")
    Sheet = apps.get_model("integration_checkup", "MeasureSheet")
    locale, _ = Locale.objects.get_or_create(language_code="de")
    field, _ = FieldOfAction.objects.get_or_create(
        slug="wohnen",
        locale=locale,
        defaults={"name": "Wohnen", "sort_order": 1, "translation_key": _uuid()},
    )
    return Sheet.objects.create(
        number=number,
        title=f"Maßnahme {number}",
        field_of_action=field,
        summary="Kurz.",
        locale=locale,
        translation_key=_uuid(),
        live=True,
        document=document,
    )


def _uuid():
    return uuid.uuid4()


@pytest.mark.django_db(transaction=True)
def test_documents_of_existing_sheets_become_version_one():
    # An earlier transactional test's flush recreates the content types with
    # new ids; the ones this process remembers would not find the revision.
    CurrentContentType.objects.clear_cache()
    apps = migrate(BEFORE)
    Document = apps.get_model("core", "SiteDocument")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    paper = Document.objects.create(title="Steckbrief 7", file="documents/m7.pdf")
    draft_paper = Document.objects.create(title="Entwurf", file="documents/m7b.pdf")
    with_paper = old_sheet(apps, 7, paper)
    without_paper = old_sheet(apps, 8, None)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="integration_checkup", model="measuresheet"
    )
    # A draft revision that names another document than the live sheet.
    Revision.objects.create(
        content_type=content_type,
        base_content_type=content_type,
        object_id=str(with_paper.pk),
        content={
            "pk": with_paper.pk,
            "title": "Maßnahme 7",
            "document": draft_paper.pk,
        },
        object_str="Maßnahme 7",
        created_at=timezone.now(),
    )

    migrate(AFTER)
    # The current model (later migrations add columns) reads the result.
    migrate(latest())

    sheet = MeasureSheet.objects.get(pk=with_paper.pk)
    (version,) = sheet.paper_versions.all()
    assert (version.number, version.document_id) == (1, paper.pk)
    assert not MeasureSheet.objects.get(pk=without_paper.pk).paper_versions.exists()
    revision = sheet.revisions.get()
    assert "document" not in revision.content
    assert [
        (row["number"], row["document"]) for row in revision.content["paper_versions"]
    ] == [(1, draft_paper.pk)]

    OldSheet = migrate(BEFORE).get_model("integration_checkup", "MeasureSheet")
    assert OldSheet.objects.get(pk=with_paper.pk).document_id == paper.pk
    assert OldSheet.objects.get(pk=without_paper.pk).document_id is None
    migrate(latest())
