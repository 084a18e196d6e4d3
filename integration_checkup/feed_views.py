"""The routes below the Check Up Integration page that answer with a file
rather than a page: the Atom feeds of a measure sheet and of a field of
action, the feed of new working papers (Atom or RSS 2.0), the ZIP of all
working papers and the working paper of a sheet (its newest or an earlier
version). ``models.CheckUpPage`` reaches them through ``views``, as
every route.
"""

from __future__ import annotations

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from core.views import serve_document

from . import feed_selectors, selectors
from .downloads import archive_response
from .feeds import MeasureEventsFeed, WorkingPapersFeed
from .models.measures import MeasureSheet
from .routes import CheckUpUrls, field_or_404, measure_or_404, paper_version_or_404


def measure_feed(request, index_page, number: int):
    urls = CheckUpUrls(index_page, request)
    measure = measure_or_404(number)
    feed = MeasureEventsFeed(
        title=_("Maßnahme Nr. %(number)s: %(title)s")
        % {"number": measure.number, "title": measure.title},
        subtitle=_(
            "Neuigkeiten zu diesem Maßnahmensteckbrief des Check Up Integration"
        ),
        link=request.build_absolute_uri(urls.measure(measure)),
        events=feed_selectors.feed_events(
            measures=MeasureSheet.objects.filter(pk=measure.pk)
        ),
        link_for=urls.measure,
    )
    return feed(request)


def field_feed(request, index_page, slug: str):
    urls = CheckUpUrls(index_page, request)
    field = field_or_404(slug)
    feed = MeasureEventsFeed(
        title=_("Handlungsfeld %(name)s: Maßnahmen") % {"name": field.name},
        subtitle=_(
            "Statuswechsel und neue Dokumente der Maßnahmen dieses Handlungsfelds"
        ),
        link=request.build_absolute_uri(urls.field(field)),
        events=feed_selectors.feed_events(measures=field.measures.all()),
        link_for=urls.measure,
    )
    return feed(request)


def measure_paper(request, index_page, number: int, version: int | None = None):
    """The file of a version of the sheet's working paper, the newest without
    ``version``: from the live sheet, so a draft's new version is not out
    before the sheet is published. Served as every document is (privacy,
    Range, nginx)."""
    paper = paper_version_or_404(number, version)
    return serve_document(request, paper.document.pk, paper.document.filename)


def archive(request, index_page):
    return archive_response(selectors.documents_published())


def papers_feed(request, index_page, *, rss: bool = False):
    """New working papers of the whole Check Up Integration (Atom or RSS 2.0)."""
    urls = CheckUpUrls(index_page, request)

    def link_for(paper) -> str:
        if paper.measure is not None:
            return request.build_absolute_uri(urls.measure(paper.measure))
        return request.build_absolute_uri(urls.field(paper.field_of_action))

    feed = WorkingPapersFeed(
        feed_type=Rss201rev2Feed if rss else Atom1Feed,
        title=_("Check Up Integration: neue Arbeitspapiere"),
        subtitle=_(
            "Neu veröffentlichte Maßnahmensteckbriefe, Statusanalysen und Dokumente"
        ),
        link=request.build_absolute_uri(urls.overview),
        papers=feed_selectors.working_papers_published(),
        link_for=link_for,
    )
    return feed(request)
