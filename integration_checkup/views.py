"""Public views of the Check Up Integration: its pages (measure list, sheet,
handout, feedback form, field of action, status analyses) and the lists of
its routes for sitemap.xml and the CDN purge.

They are served under the Check Up Integration page of the page tree
(``models.CheckUpPage``, whose routes call them), which is passed in as
``index_page``. Every route calls its view from this module: the feeds and
the ZIP, which answer with a file, are written in ``feed_views`` and
imported here; ``routes.CheckUpUrls`` builds the URLs of the routes.
"""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.listing import filtered_listing
from core.ratelimit import rate_limited
from core.translations import default_locale_only, localize_objects

from . import selectors

# Re-exported for CheckUpPage's routes (see above).
from .forms import FeedbackForm, MeasureFilterForm
from .models.fields import FieldOfAction, StatusAnalysis
from .models.measures import MeasureSheet
from .models.versions import MeasureSheetVersion
from .routes import CheckUpUrls, field_or_404, measure_or_404

MEASURES_PER_PAGE = 25


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


def _measure_trail(urls: CheckUpUrls, measure: MeasureSheet, *more) -> list:
    return [
        (_("Maßnahmensteckbriefe"), urls.measures),
        (_("Nr. %(number)s") % {"number": measure.number}, urls.measure(measure)),
        *more,
    ]


def measure_detail(request, index_page, number: int):
    urls = CheckUpUrls(index_page, request)
    original = measure_or_404(number)
    (measure,) = _with_urls(urls, [original])
    # Feedback belongs to the measure, whatever language it was written in;
    # so do the versions of its working paper (a translation's copy may lag).
    measure.approved_feedback = original.approved_feedback
    versions = list(original.paper_versions.all())  # oldest first
    earlier = versions[-2::-1]  # newest first, without the newest
    for version in earlier:
        version.public_url = urls.paper_version(measure, version)
    return _render(
        request,
        index_page,
        "integration_checkup/measure_detail.html",
        {
            "measure": measure,
            "paper": versions[-1] if versions else None,
            "paper_url": urls.paper(measure),
            "paper_owner": original,
            "earlier_papers": earlier,
            "feedback_url": urls.route("measure_feedback", measure.number),
            "feed_url": urls.route("measure_feed", measure.number),
            "handout_url": urls.route("measure_handout", measure.number),
        },
        trail=_measure_trail(urls, measure),
    )


def measure_handout(request, index_page, number: int):
    """The sheet on one printed page, with a QR code to its address."""
    urls = CheckUpUrls(index_page, request)
    original = measure_or_404(number)
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
    original = measure_or_404(number)
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
            # Stored as every visitor submission is: the form saves it (it
            # waits for approval before anyone sees it).
            feedback = form.save(commit=False)
            feedback.measure = original
            feedback.save()
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
    (measure,) = _with_urls(urls, [measure_or_404(number)])
    return _render(
        request,
        index_page,
        "integration_checkup/feedback_thanks.html",
        {"measure": measure},
        trail=_measure_trail(urls, measure, (_("Vielen Dank"), request.path)),
    )


def field_detail(request, index_page, slug: str):
    urls = CheckUpUrls(index_page, request)
    field = field_or_404(slug)
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
        trail=[(field.name, urls.field(field), field)],
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
    german_sheets = default_locale_only(MeasureSheet.objects.all())
    for number in german_sheets.values_list("number", flat=True):
        routes += [
            (name, [number])
            for name in (
                "measure_detail",
                "measure_handout",
                "measure_feed",
                "measure_paper",
            )
        ]
    versions = MeasureSheetVersion.objects.filter(measure__in=german_sheets)
    for number, version in versions.values_list("measure__number", "number"):
        routes.append(("measure_paper_version", [number, version]))
    for slug in default_locale_only(FieldOfAction.objects.all()).values_list(
        "slug", flat=True
    ):
        routes += [(name, [slug]) for name in ("field_detail", "field_feed")]
    return routes
