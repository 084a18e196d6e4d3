"""Public views of the Check Up Integration.

They are served under the Check Up Integration page of the page tree
(``models.CheckUpPage``, whose routes call them), which is passed in as
``index_page``; ``CheckUpUrls`` builds the URLs of its routes.
"""

from __future__ import annotations

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from core.listing import filtered_listing
from core.ratelimit import rate_limited
from core.translations import default_locale_only, localize_objects

from . import selectors
from .downloads import archive_response
from .feeds import MeasureEventsFeed, WorkingPapersFeed
from .forms import FeedbackForm, MeasureFilterForm
from .models import FieldOfAction, MeasureSheet, StatusAnalysis
from .services import feedback_submit

MEASURES_PER_PAGE = 25


class CheckUpUrls:
    """Builds the public URLs below the Check Up Integration page."""

    def __init__(self, index_page, request=None):
        self.page = index_page
        self.base = index_page.get_url(request=request) or "/"

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


def _render(request, index_page, template, context, *, trail=(), status=200):
    urls = CheckUpUrls(index_page, request)
    # The page's own context without the overview: only what the chrome needs.
    base = {"page": index_page, "self": index_page, "request": request}
    base.update(context)
    base["checkup_urls"] = urls
    base["breadcrumb_trail"] = list(trail)
    return TemplateResponse(request, template, base, status=status)


def _fields_localized(urls: CheckUpUrls, objects: list) -> list:
    """Each object's field of action in the visitor's language where
    translated (one query for the list), with its URL; an untranslated sheet
    in a translated list still names its field in the reader's language."""
    fields = localize_objects([item.field_of_action for item in objects])
    for item, field in zip(objects, fields, strict=True):
        item.field_of_action = field
        field.public_url = urls.field(field)
    return objects


def _with_urls(urls: CheckUpUrls, measures) -> list:
    """The sheets in the visitor's language where translated, with their URLs."""
    measures = localize_objects(measures, queryset=selectors.measure_detail_queryset())
    for measure in measures:
        measure.public_url = urls.measure(measure)
    return _fields_localized(urls, measures)


def overview_context(request, index_page) -> dict:
    """What the Check Up Integration page itself shows besides its text."""
    urls = CheckUpUrls(index_page, request)
    progress = selectors.field_progress()
    shown = localize_objects([row.field for row in progress])
    for row, field in zip(progress, shown, strict=True):
        row.field = field
        row.field.public_url = urls.field(field)
    return {
        "checkup_urls": urls,
        "process_steps": localize_objects(selectors.process_steps()),
        "field_progress": progress,
        "measure_total": sum(row.total for row in progress),
    }


def measure_list(request, index_page):
    urls = CheckUpUrls(index_page, request)
    fields_of_action = list(selectors.field_list())
    form = MeasureFilterForm(request.GET or None, fields_of_action=fields_of_action)
    listing = filtered_listing(
        request,
        form=form,
        list_all=selectors.measure_list,
        list_filtered=lambda valid: selectors.measure_list(
            field=valid.selected_field(),
            status=valid.cleaned_data["status"],
            query=valid.cleaned_data["q"],
        ),
        per_page=MEASURES_PER_PAGE,
        prepare=lambda objects: _with_urls(urls, objects),
    )
    return _render(
        request,
        index_page,
        "integration_checkup/measure_list.html",
        {
            "form": form,
            "listing": listing,
            "filter_query": listing.query,
            "is_filtered": listing.is_filtered,
        },
        trail=[(_("Maßnahmensteckbriefe"), urls.measures)],
        status=listing.status,
    )


def _measure_or_404(number: int) -> MeasureSheet:
    try:
        return selectors.measure_get(number=number)
    except MeasureSheet.DoesNotExist as error:
        raise Http404(_("Diesen Maßnahmensteckbrief gibt es nicht.")) from error


def _measure_trail(urls: CheckUpUrls, measure: MeasureSheet, *more) -> list:
    return [
        (_("Maßnahmensteckbriefe"), urls.measures),
        (_("Nr. %(number)s") % {"number": measure.number}, urls.measure(measure)),
        *more,
    ]


def measure_detail(request, index_page, number: int):
    urls = CheckUpUrls(index_page, request)
    original = _measure_or_404(number)
    (measure,) = _with_urls(urls, [original])
    # Feedback belongs to the measure, whatever language it was written in.
    measure.approved_feedback = original.approved_feedback
    return _render(
        request,
        index_page,
        "integration_checkup/measure_detail.html",
        {
            "measure": measure,
            "feedback_url": urls.route("measure_feedback", measure.number),
            "feed_url": urls.route("measure_feed", measure.number),
            "handout_url": urls.route("measure_handout", measure.number),
        },
        trail=_measure_trail(urls, measure),
    )


def measure_handout(request, index_page, number: int):
    """The sheet on one printed page, with a QR code to its address."""
    urls = CheckUpUrls(index_page, request)
    original = _measure_or_404(number)
    (measure,) = _with_urls(urls, [original])
    # The sheet's address in the language the handout was asked for.
    page_url = request.path.removesuffix(
        index_page.reverse_subpage("measure_handout", args=[number])
    ) + index_page.reverse_subpage("measure_detail", args=[number])
    return _render(
        request,
        index_page,
        "integration_checkup/measure_handout.html",
        {
            "measure": measure,
            "back_url": page_url,
            "handout_url": request.build_absolute_uri(page_url),
            "reviewed": measure.last_published_at,
        },
        trail=_measure_trail(urls, measure, (_("Handzettel"), "")),
    )


def measure_feedback(request, index_page, number: int):
    """The feedback form on its own page, so that only people who use it get a
    CSRF cookie; every visitor else browses cookie-free."""
    urls = CheckUpUrls(index_page, request)
    original = _measure_or_404(number)
    (measure,) = _with_urls(urls, [original])
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if rate_limited(request, scope="feedback", rate_setting="FEEDBACK_RATE"):
            form.add_error(
                None,
                _(
                    "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Rückmeldungen. "
                    "Bitte versuchen Sie es in einer Stunde noch einmal. Ihr Text ist "
                    "unten noch vorhanden."
                ),
            )
            status = 429
        elif form.is_valid():
            feedback_submit(
                measure=original,
                text=form.cleaned_data["text"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                consent=form.cleaned_data["consent"],
            )
            return HttpResponseRedirect(
                urls.route("measure_feedback_thanks", measure.number)
            )
        else:
            status = 400
    else:
        form = FeedbackForm()
    return _render(
        request,
        index_page,
        "integration_checkup/feedback_form.html",
        {"measure": measure, "form": form},
        trail=_measure_trail(
            urls,
            measure,
            (_("Rückmeldung geben"), urls.route("measure_feedback", measure.number)),
        ),
        status=status,
    )


def measure_feedback_thanks(request, index_page, number: int):
    urls = CheckUpUrls(index_page, request)
    (measure,) = _with_urls(urls, [_measure_or_404(number)])
    return _render(
        request,
        index_page,
        "integration_checkup/feedback_thanks.html",
        {"measure": measure},
        trail=_measure_trail(urls, measure, (_("Vielen Dank"), request.path)),
    )


def field_detail(request, index_page, slug: str):
    urls = CheckUpUrls(index_page, request)
    try:
        field = selectors.field_get(slug=slug)
    except FieldOfAction.DoesNotExist as error:
        raise Http404(_("Dieses Handlungsfeld gibt es nicht.")) from error
    measures = _with_urls(urls, selectors.measure_list(field=field))
    (field,) = localize_objects([field], queryset=selectors.field_detail_queryset())
    analysis = getattr(field, "status_analysis", None)
    return _render(
        request,
        index_page,
        "integration_checkup/field_detail.html",
        {
            "field": field,
            "analysis": analysis,
            "measures": measures,
            "feed_url": urls.route("field_feed", field.slug),
        },
        trail=[(field.name, urls.field(field))],
    )


def analysis_list(request, index_page):
    urls = CheckUpUrls(index_page, request)
    analyses = localize_objects(
        selectors.status_analyses(),
        queryset=StatusAnalysis.objects.select_related("field_of_action", "document"),
    )
    _fields_localized(urls, analyses)
    return _render(
        request,
        index_page,
        "integration_checkup/analysis_list.html",
        {"analyses": analyses},
        trail=[(_("Statusanalysen"), urls.analyses)],
    )


def measure_feed(request, index_page, number: int):
    urls = CheckUpUrls(index_page, request)
    measure = _measure_or_404(number)
    feed = MeasureEventsFeed(
        title=_("Maßnahme Nr. %(number)s: %(title)s")
        % {"number": measure.number, "title": measure.title},
        subtitle=_(
            "Neuigkeiten zu diesem Maßnahmensteckbrief des Check Up Integration"
        ),
        link=request.build_absolute_uri(urls.measure(measure)),
        events=selectors.feed_events(
            measures=MeasureSheet.objects.filter(pk=measure.pk)
        ),
        link_for=urls.measure,
    )
    return feed(request)


def field_feed(request, index_page, slug: str):
    urls = CheckUpUrls(index_page, request)
    try:
        field = selectors.field_get(slug=slug)
    except FieldOfAction.DoesNotExist as error:
        raise Http404(_("Dieses Handlungsfeld gibt es nicht.")) from error
    feed = MeasureEventsFeed(
        title=_("Handlungsfeld %(name)s: Maßnahmen") % {"name": field.name},
        subtitle=_(
            "Statuswechsel und neue Dokumente der Maßnahmen dieses Handlungsfelds"
        ),
        link=request.build_absolute_uri(urls.field(field)),
        events=selectors.feed_events(measures=field.measures.all()),
        link_for=urls.measure,
    )
    return feed(request)


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
        papers=selectors.working_papers_published(),
        link_for=link_for,
    )
    return feed(request)


def sitemap_urls(request, index_page) -> list[dict]:
    """sitemap.xml entries below the Check Up page, in the page's language.

    Measure sheets appear in a language once they are translated into it
    (German always); ``alternate_key`` ties the translations of one sheet.
    """
    base = index_page.get_full_url(request)
    if not base:
        return []

    def entry(route: str, *args, key=None, lastmod=None) -> dict:
        return {
            "location": base + index_page.reverse_subpage(route, args=args),
            "lastmod": lastmod,
            "alternate_key": key,
        }

    entries = [
        entry("measure_list", key=("checkup", "measure_list")),
        entry("analysis_list", key=("checkup", "analysis_list")),
    ]
    measures = MeasureSheet.objects.filter(live=True, locale_id=index_page.locale_id)
    for number, key, published in measures.order_by("number").values_list(
        "number", "translation_key", "last_published_at"
    ):
        entries.append(
            entry("measure_detail", number, key=("measure", key), lastmod=published)
        )
    # Field pages are addressed by the German slug in every language.
    german_fields = default_locale_only(FieldOfAction.objects.order_by("sort_order"))
    translated = FieldOfAction.objects.filter(locale_id=index_page.locale_id).values(
        "translation_key"
    )
    for slug, key in german_fields.filter(translation_key__in=translated).values_list(
        "slug", "translation_key"
    ):
        entries.append(entry("field_detail", slug, key=("field", key)))
    return entries


def cached_route_arguments() -> list[tuple[str, list]]:
    """The routes with arguments below the Check Up page that a CDN may hold,
    for its purge: every measure sheet (published or not: an unpublished one
    must leave the CDN too) and every field of action. Both are addressed by
    the German original's number and slug in every language."""
    routes = []
    for number in default_locale_only(MeasureSheet.objects.all()).values_list(
        "number", flat=True
    ):
        routes += [
            (name, [number])
            for name in ("measure_detail", "measure_handout", "measure_feed")
        ]
    for slug in default_locale_only(FieldOfAction.objects.all()).values_list(
        "slug", flat=True
    ):
        routes += [(name, [slug]) for name in ("field_detail", "field_feed")]
    return routes
