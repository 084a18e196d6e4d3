"""Measure sheets of the "Check Up Integration": published ones only.

Lists are built from the German originals, as on the website, with each
sheet swapped for its published translation in the requested language where
there is one; ``locale`` tells which language an item is in.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from wagtail.rich_text import expand_db_html

from ninja import Field, Query, Router, Schema

from caching.routing import url_for_request
from core.translations import default_locale_only, localize_objects
from integration_checkup.models import (
    CheckUpPage,
    FieldOfAction,
    MeasureSheet,
    MeasureSheetVersion,
    MeasureStatus,
    MeasureStatusChange,
)

from .common import (
    DETAIL_ERRORS,
    LIST_ERRORS,
    SLUG,
    Choice,
    ListEnvelope,
    ListParams,
    LocaleParams,
    ObjectId,
    absolute,
    api_url,
    bad_request,
    choice,
    labels_in,
    locale_codes,
    not_found,
    paginate,
    requested_language,
)
from .documents import (
    DocumentOut,
    document_data,
    in_private_collection,
    restricted_collection_paths,
)
from .pages import published_pages

router = Router(tags=["measure sheets"])


def measures() -> QuerySet[MeasureSheet]:
    """Published sheets with what every item shows, in one query."""
    return MeasureSheet.objects.filter(live=True).select_related("field_of_action")


class MeasureFilters(ListParams, LocaleParams):
    field_of_action: str | None = Field(
        None,
        max_length=60,
        pattern=SLUG,
        description="Slug of a field of action, e.g. `wohnen`.",
    )
    status: MeasureStatus | None = Field(None, description="Current status.")


class FieldOfActionOut(Schema):
    slug: str
    name: str


class PaperVersionOut(Schema):
    number: int = Field(description="1 for the first version; never reused.")
    valid_from: datetime.date
    note: str = Field(description="What is new in this version.")
    current: bool = Field(
        description="The newest version: the one at the sheet's stable `paper_url`."
    )
    url: str | None = Field(description="This version's address on the website.")
    document: DocumentOut


class MeasureSummary(Schema):
    id: int
    number: int
    title: str
    locale: str
    field_of_action: FieldOfActionOut
    status: Choice
    summary: str
    documents: list[DocumentOut] = Field(
        description="The working paper: the document of its newest version."
    )
    paper_url: str | None = Field(
        description="Stable address of the working paper: always its newest version."
    )
    paper_versions: list[PaperVersionOut] = Field(
        description="Versions of the working paper, oldest first."
    )
    url: str | None = Field(description="The measure sheet on the website.")
    detail_url: str


class MeasureList(ListEnvelope):
    items: list[MeasureSummary]


class StatusChangeOut(Schema):
    date: datetime.date
    status: Choice
    note: str


class MeasureTranslation(Schema):
    id: int
    locale: str
    detail_url: str


class MeasureDetail(MeasureSummary):
    goals: str = Field(description="HTML.")
    responsible_body: str
    partners: str
    council_decision_url: str
    feedback_outcome: str = Field(description="HTML.")
    status_history: list[StatusChangeOut]
    translations: list[MeasureTranslation]


class MeasureContext:
    """What every item of one response needs: locale codes, collections, the
    Check Up Integration pages (a fixed number of queries, once)."""

    def __init__(self, request):
        self.request = request
        self.codes = locale_codes()
        self.restricted = restricted_collection_paths()
        self.index_pages = {
            page.locale_id: page
            for page in published_pages(CheckUpPage).order_by("path")
        }
        self.default_locale_id = next(
            (pk for pk, code in self.codes.items() if code == settings.LANGUAGE_CODE),
            None,
        )

        self.versions: dict[tuple, list[MeasureSheetVersion]] = {}

    def load_versions(self, sheets) -> None:
        """The versions of the sheets' working papers, in one query: those of
        the German original (as on the website), a sheet's own without one."""
        keys = {sheet.translation_key for sheet in sheets}
        rows = (
            MeasureSheetVersion.objects.filter(
                measure__live=True, measure__translation_key__in=keys
            )
            .select_related("measure", "document", "document__collection")
            .order_by("number")
        )
        self.versions = defaultdict(list)
        for version in rows:
            owner = (version.measure.translation_key, version.measure.locale_id)
            self.versions[owner].append(version)

    def _versions_of(self, sheet: MeasureSheet) -> list[MeasureSheetVersion]:
        original = (sheet.translation_key, self.default_locale_id)
        return self.versions.get(original) or self.versions.get(
            (sheet.translation_key, sheet.locale_id), []
        )

    def _page_of(self, sheet: MeasureSheet):
        return self.index_pages.get(sheet.locale_id) or self.index_pages.get(
            self.default_locale_id
        )

    def _on_website(self, sheet: MeasureSheet, path_of) -> str | None:
        """The absolute URL of ``path_of(page)`` below the sheet's Check Up page."""
        page = self._page_of(sheet)
        if page is None:
            return None
        base = url_for_request(page, self.request)
        if base is None:
            return None
        return absolute(self.request, base + path_of(page))

    def url(self, sheet: MeasureSheet) -> str | None:
        return self._on_website(sheet, lambda page: page.measure_path(sheet.number))

    def _paper_versions(self, sheet: MeasureSheet) -> list[dict]:
        versions = [
            version
            for version in self._versions_of(sheet)
            if not in_private_collection(version.document, self.restricted)
        ]
        return [
            {
                "number": version.number,
                "valid_from": version.valid_from,
                "note": version.note,
                "current": version is versions[-1],
                "url": self._on_website(
                    sheet,
                    lambda page, n=version.number: page.paper_path(sheet.number, n),
                ),
                "document": document_data(self.request, version.document),
            }
            for version in versions
        ]

    def summary(self, sheet: MeasureSheet) -> dict:
        versions = self._paper_versions(sheet)
        documents = [versions[-1]["document"]] if versions else []
        return {
            "id": sheet.pk,
            "number": sheet.number,
            "title": sheet.title,
            "locale": self.codes.get(sheet.locale_id, ""),
            "field_of_action": {
                "slug": sheet.field_of_action.slug,
                "name": sheet.field_of_action.name,
            },
            "status": choice(MeasureStatus, sheet.status),
            "summary": sheet.summary,
            "documents": documents,
            "paper_url": self._on_website(
                sheet, lambda page: page.paper_path(sheet.number)
            )
            if versions
            else None,
            "paper_versions": versions,
            "url": self.url(sheet),
            "detail_url": api_url(self.request, "measure_detail", measure_id=sheet.pk),
        }


@router.get(
    "",
    response={200: MeasureList, **LIST_ERRORS},
    summary="List measure sheets",
    description=(
        "Published measure sheets by number. Filter by `field_of_action` (slug) "
        "and `status`."
    ),
)
def measure_list(request, filters: Query[MeasureFilters]):
    code = requested_language(filters)
    sheets = default_locale_only(measures())
    if filters.field_of_action:
        field = default_locale_only(FieldOfAction.objects).filter(
            slug=filters.field_of_action
        )
        if not field.exists():
            raise bad_request(f"Unknown field of action {filters.field_of_action!r}.")
        sheets = sheets.filter(field_of_action__slug=filters.field_of_action)
    if filters.status:
        sheets = sheets.filter(status=filters.status)
    items, envelope = paginate(request, sheets.order_by("number", "pk"), filters)
    with labels_in(code):
        items = localize_objects(items, queryset=measures())
        context = MeasureContext(request)
        context.load_versions(items)
        envelope["items"] = [context.summary(sheet) for sheet in items]
    return envelope


@router.get(
    "/{measure_id}",
    response={200: MeasureDetail, **DETAIL_ERRORS},
    summary="One measure sheet",
    description="A published measure sheet (in any language) with its history.",
)
def measure_detail(request, measure_id: ObjectId):
    sheet = (
        measures()
        .prefetch_related(
            Prefetch(
                "status_changes",
                queryset=MeasureStatusChange.objects.order_by("date", "sort_order"),
            )
        )
        .filter(pk=measure_id)
        .first()
    )
    if sheet is None:
        raise not_found("There is no published measure sheet with this id.")
    translations = (
        MeasureSheet.objects.filter(live=True, translation_key=sheet.translation_key)
        .exclude(pk=sheet.pk)
        .order_by("locale__language_code")
    )
    context = MeasureContext(request)
    context.load_versions([sheet])
    with labels_in(context.codes.get(sheet.locale_id)):
        data = context.summary(sheet)
        data.update(
            goals=expand_db_html(sheet.goals),
            responsible_body=sheet.responsible_body,
            partners=sheet.partners,
            council_decision_url=sheet.council_decision_url,
            feedback_outcome=expand_db_html(sheet.feedback_outcome),
            status_history=[
                {
                    "date": change.date,
                    "status": choice(MeasureStatus, change.status),
                    "note": change.note,
                }
                for change in sheet.status_changes.all()
            ],
            translations=[
                {
                    "id": translation.pk,
                    "locale": context.codes.get(translation.locale_id, ""),
                    "detail_url": api_url(
                        request, "measure_detail", measure_id=translation.pk
                    ),
                }
                for translation in translations
            ],
        )
    return data
