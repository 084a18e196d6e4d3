"""The public pages of the figures: ``/zahlen/`` (every indicator),
``/zahlen/<slug>/`` (one indicator: chart, explanations, every value) and
its downloads ``/zahlen/<slug>.csv`` and ``.json``.

Site pages like the search page: the site's frame, the language switcher
(the same address under each language's prefix) and breadcrumbs. Each
answers with a fixed number of queries, whatever the number of values.
"""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import breakdowns, selectors
from .charts_text import number, period_name
from .downloads import indicator_csv, indicator_data

# The table of every value stops at the newest this many; the CSV has all.
MAX_VALUE_ROWS = 500


def _start() -> tuple[str, str]:
    return _("Startseite"), reverse("wagtail_serve", args=[""])


def _items(links) -> list[dict]:
    # As navigation/breadcrumbs.html lists them (title, url, language).
    return [{"title": title, "url": url, "lang": ""} for title, url in links]


def _indicator(slug: str):
    indicator = selectors.indicator_by_slug(slug)
    if indicator is None:
        raise Http404(_("Diese Kennzahl gibt es nicht."))
    return indicator


@require_safe
def indicator_list(request):
    links = [_start()]
    return TemplateResponse(
        request,
        "figures/indicator_list.html",
        {
            "indicators": selectors.indicator_list(),
            "breadcrumb_links": links,
            "breadcrumb_items": _items(links),
        },
    )


def value_rows(indicator) -> tuple[list[dict], int]:
    """The newest values for the table under the chart (period, breakdown,
    value in the reader's digits, source) and the number of all values."""
    original = indicator.original
    values = list(original.values.all())
    rows = [
        {
            "period": period_name(value.period_start, value.granularity),
            "breakdown": breakdowns.label(original.breakdown, value.breakdown),
            "value": number(value.value, original.decimals),
            "source": value.source,
        }
        for value in values[-MAX_VALUE_ROWS:]
    ]
    return rows, len(values)


@require_safe
def indicator_detail(request, slug: str):
    indicator = _indicator(slug)
    links = [_start(), (_("Lage in Zahlen"), reverse("figures:list"))]
    rows, total = value_rows(indicator)
    language = selectors.text_language(indicator)
    return TemplateResponse(
        request,
        "figures/indicator_detail.html",
        {
            "indicator": indicator,
            "texts": indicator.texts,
            # The title in the breadcrumbs, marked German where untranslated.
            "current_lang": "" if language == get_language() else language,
            "chart": selectors.chart_data(indicator),
            "rows": rows,
            "rows_total": total,
            "rows_hidden": total > len(rows),
            "breakdown_label": breakdowns.Dimension(indicator.original.breakdown).label
            if indicator.original.breakdown
            else "",
            "breadcrumb_links": links,
            "breadcrumb_items": _items(links),
        },
    )


@require_safe
def indicator_csv_view(request, slug: str):
    indicator = _indicator(slug)
    response = HttpResponse(
        indicator_csv(indicator), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}.csv"'
    return response


@require_safe
def indicator_json_view(request, slug: str):
    indicator = _indicator(slug)
    data = indicator_data(indicator)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{slug}.json"'
    return response
