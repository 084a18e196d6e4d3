"""Views below pages (the barrier report of the accessibility statement) and
robots.txt."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from caching.routing import url_for_request
from core.ratelimit import rate_limited
from pages.forms import BarrierReportForm
from pages.models.barrier_report import BarrierReport


def page_not_found(request, exception):
    """``handler404``: the 404 page. Its path is made up, so none of it goes
    into the fragment cache (caching.page_cache), which would fill up otherwise."""
    return render(request, "404.html", {"fragment_cache_off": True}, status=404)


def _render(request, page, template, context, *, trail, status=200):
    base = {"page": page, "self": page, "request": request, "breadcrumb_trail": trail}
    base.update(context)
    return TemplateResponse(request, template, base, status=status)


def barrier_report(request, page):
    form_url = url_for_request(page, request) + page.reverse_subpage("report")
    status = 200
    if request.method == "POST":
        form = BarrierReportForm(request.POST)
        if rate_limited(
            request, scope="barrier-report", rate_setting="BARRIER_REPORT_RATE"
        ):
            form.add_error(
                None,
                _(
                    "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Meldungen. Bitte "
                    "versuchen Sie es in einer Stunde noch einmal. Ihr Text ist unten noch "
                    "vorhanden."
                ),
            )
            status = 429
        elif form.is_valid():
            report = form.save()
            thanks = page.reverse_subpage("report_thanks", args=[report.public_token])
            return HttpResponseRedirect(url_for_request(page, request) + thanks)
        else:
            status = 400
    else:
        form = BarrierReportForm(
            initial={"page_url": request.GET.get("seite", "")[:500]}
        )
    return _render(
        request,
        page,
        "pages/barrier_report_form.html",
        {"form": form},
        trail=[(_("Barriere melden"), form_url)],
        status=status,
    )


def barrier_report_thanks(request, page, token: str):
    """Addressed by the report's random token (a number could be guessed);
    shows the number, which the reporter may quote."""
    number = (
        BarrierReport.objects.filter(public_token=token)
        .values_list("pk", flat=True)
        .first()
    )
    if number is None:
        raise Http404(_("Diese Meldung gibt es nicht."))
    return _render(
        request,
        page,
        "pages/barrier_report_thanks.html",
        {"number": number},
        trail=[(_("Vielen Dank"), request.path)],
    )


# Robots may read everything a visitor can, except what costs much and says
# nothing new: search results, forms, the ZIP of all working papers.
ROBOTS_DISALLOWED = (
    "/*/suche/",
    "/suche/",
    "/*/rueckmeldung/",
    "/*/barriere-melden/",
    "/*/arbeitspapiere-zip/",
)


def robots_txt(request):
    lines = ["User-agent: *", f"Disallow: /{settings.API_PATH}"]
    # A custom admin path (ADMIN_URL_PATH) is not given away here.
    if settings.ADMIN_URL_PATH == "admin/":
        lines.append("Disallow: /admin/")
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOWED]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
