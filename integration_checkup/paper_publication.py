"""The file of a new version goes live with its measure sheet, not before.

A version added in a sheet's draft exists only in the draft's revision until
the sheet is published; its file, uploaded through the version's document
chooser, would otherwise be downloadable (and found by the search and the
API) from the moment it is uploaded. So when a revision of a sheet is saved
(a draft, a submission for approval, a scheduled publication), the files of
its versions that nothing published uses yet are held back
(``core.document_publication``); publishing the sheet releases them, and
unpublishing a sheet holds back the files only it used.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from core.document_publication import withhold_unless_used_publicly

from .models import MeasureSheet, MeasureSheetVersion


def paper_documents_of_revision(revision) -> set[int]:
    """Document ids of the versions in a revision's content (the draft)."""
    versions = (revision.content or {}).get("paper_versions") or []
    return {
        version["document"]
        for version in versions
        if isinstance(version, dict) and isinstance(version.get("document"), int)
    }


def hold_back_draft_papers(sender, instance, raw=False, **kwargs) -> None:
    """``post_save`` of ``Revision``: a sheet's draft holds back its new files."""
    if raw or instance.base_content_type_id != (
        ContentType.objects.get_for_model(MeasureSheet).pk
    ):
        return
    withhold_unless_used_publicly(paper_documents_of_revision(instance))


def hold_back_papers_of_unpublished(sender, instance, **kwargs) -> None:
    """``unpublished`` of ``MeasureSheet``: its files go offline with it,
    unless something published uses them too."""
    withhold_unless_used_publicly(
        MeasureSheetVersion.objects.filter(measure=instance).values_list(
            "document_id", flat=True
        )
    )
