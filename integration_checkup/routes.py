"""The routes below the Check Up Integration page (``models.CheckUpPage``):
``CheckUpUrls`` builds their URLs; ``measure_or_404`` and ``field_or_404``
find what a route's number or slug names. Shared by the pages (``views``)
and the feeds and the ZIP (``feed_views``).
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from caching.routing import url_for_request

from . import selectors
from .models.fields import FieldOfAction
from .models.measures import MeasureSheet
from .models.versions import MeasureSheetVersion


class CheckUpUrls:
    """Builds the public URLs below the Check Up Integration page."""

    def __init__(self, index_page, request=None):
        self.page = index_page
        self.base = url_for_request(index_page, request) or "/"

    def route(self, name: str, *args) -> str:
        return self.base + self.page.reverse_subpage(name, args=args)

    @property
    def overview(self) -> str:
        return self.base

    @property
    def measures(self) -> str:
        return self.route("measure_list")

    @property
    def analyses(self) -> str:
        return self.route("analysis_list")

    @property
    def archive(self) -> str:
        return self.route("archive")

    @property
    def papers_feed(self) -> str:
        return self.route("papers_feed")

    @property
    def papers_feed_rss(self) -> str:
        return self.route("papers_feed_rss")

    def measure(self, measure: MeasureSheet) -> str:
        return self.base + self.page.measure_path(measure.number)

    def field(self, field: FieldOfAction) -> str:
        return self.route("field_detail", field.slug)

    def paper(self, measure: MeasureSheet) -> str:
        """The stable address of the sheet's working paper: its newest version."""
        return self.route("measure_paper", measure.number)

    def paper_version(self, measure: MeasureSheet, version) -> str:
        return self.route("measure_paper_version", measure.number, version.number)


def measure_or_404(number: int) -> MeasureSheet:
    """The published sheet with this number, in German (the original)."""
    try:
        return selectors.measure_get(number=number)
    except MeasureSheet.DoesNotExist as error:
        raise Http404(_("Diesen Maßnahmensteckbrief gibt es nicht.")) from error


def paper_version_or_404(number: int, version: int | None = None):
    """A version of the working paper of the published sheet (see
    ``selectors.paper_version_get``)."""
    try:
        return selectors.paper_version_get(number=number, version=version)
    except MeasureSheetVersion.DoesNotExist as error:
        raise Http404(_("Diese Fassung des Arbeitspapiers gibt es nicht.")) from error


def field_or_404(slug: str) -> FieldOfAction:
    """The field of action with this (German) slug, in German."""
    try:
        return selectors.field_get(slug=slug)
    except FieldOfAction.DoesNotExist as error:
        raise Http404(_("Dieses Handlungsfeld gibt es nicht.")) from error
