"""``{% figure_chart chart %}``: a chart of "Lage in Zahlen" with everything
that belongs to it: heading, description, the SVG, a summary in words, the
legend, the data table, sources and licences, downloads.

    {% load figure_charts %}
    {% figure_chart chart heading_level=3 %}

``chart`` is a ``figures.chart_data.ChartData`` in the reader's language.
The tag reads nothing from the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language, get_language_bidi

from core.formatting import format_date

from .. import charts_text as text
from ..chart_data import ChartData
from ..charts import chart_layout, period_start
from ..charts_svg import chart_svg, legend_swatch

register = template.Library()

# Up to this many rows the table is shown open (also in print); more fold
# into a <details> element.
OPEN_TABLE_ROWS = 24
# The table on the page stops here (the newest rows); the downloads hold all.
MAX_TABLE_ROWS = 500


@dataclass(frozen=True, slots=True)
class TableRow:
    period: str
    values: tuple[str, ...]  # "" where the series has no value


def table_rows(chart: ChartData) -> tuple[list[TableRow], int]:
    """The newest ``MAX_TABLE_ROWS`` periods with a value, oldest first, and
    the number of all such periods."""
    cells: dict = {}
    for index, series in enumerate(chart.series):
        for point in series.points:
            day = period_start(point.start, chart.granularity)
            cells.setdefault(day, {})[index] = point.value
    days = sorted(cells)
    shown = days[-MAX_TABLE_ROWS:]
    rows = [
        TableRow(
            period=text.period_name(day, chart.granularity),
            values=tuple(
                text.number(cells[day][index], chart.decimals)
                if index in cells[day]
                else ""
                for index in range(len(chart.series))
            ),
        )
        for day in shown
    ]
    return rows, len(days)


def _lang_attrs(chart: ChartData) -> str:
    """` lang="de" dir="ltr"` for the chart's texts when they are not in the
    reader's language (an indicator not yet translated)."""
    reader = (get_language() or "de").lower()
    if chart.language.lower() == reader or reader.startswith(chart.language + "-"):
        return ""
    direction = "rtl" if chart.language.split("-")[0] in ("ar", "fa") else "ltr"
    return format_html(' lang="{}" dir="{}"', chart.language, direction)


def link_target(url: str) -> str:
    """``url`` if it is safe to link to (http, https or a path on this site),
    else "" (the text is shown without a link): no ``javascript:`` link even
    if an import let one through."""
    url = (url or "").strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https") or (not scheme and url.startswith("/")):
        return url
    return ""


def _source_lang() -> str:
    """Sources (publishers, titles, licences) are written in German."""
    if (get_language() or "de").split("-")[0] == "de":
        return ""
    return mark_safe(' lang="de" dir="ltr"')


def chart_context(
    chart: ChartData, heading_level: int = 2, show_title: bool = True
) -> dict:
    key = "chart-" + (slugify(chart.key) or "figures")
    rtl = get_language_bidi()
    layout = chart_layout(chart, rtl=rtl)
    count = len(chart.series)
    summaries = [
        {
            "label": text.series_label(series, count),
            "text": text.series_summary(
                series.points, chart.granularity, chart.decimals
            ),
        }
        for series in chart.series
        if series.points
    ]
    content_lang = _lang_attrs(chart)
    description = " ".join(
        f"{item['label']}: {item['text']}." if item["label"] else f"{item['text']}."
        for item in summaries
    )
    rows, row_count = table_rows(chart)
    return {
        "chart": chart,
        "key": key,
        "heading_level": min(max(int(heading_level), 2), 6),
        "show_title": show_title,
        "content_lang": content_lang,
        "layout": layout,
        "svg": chart_svg(
            layout,
            key=key,
            title=chart.title,
            description=description,
            content_lang=content_lang,
        )
        if layout
        else "",
        "legend": [
            {
                "label": series.label,
                "swatch": legend_swatch(series, key=key, kind=chart.kind),
            }
            for series in layout.series
        ]
        if layout and (count > 1 or chart.series[0].name)
        else [],
        "summaries": summaries,
        "series_labels": [text.series_label(series, count) for series in chart.series],
        "rows": rows,
        "row_count": row_count,
        "table_truncated": row_count > len(rows),
        "table_open": len(rows) <= OPEN_TABLE_ROWS,
        # A table of one or two series is narrow enough to stand beside the
        # chart on a wide screen; more columns need the whole width.
        "table_beside": count <= 2,
        "sources": [
            {
                "source": source,
                "url": link_target(source.url),
                "licence_url": link_target(source.licence_url),
                "retrieved": format_date(source.retrieved) if source.retrieved else "",
            }
            for source in chart.sources
        ],
        "max_table_rows": text.number(len(rows)),
        "row_count_text": text.number(row_count),
        "source_lang": _source_lang(),
        "periods_drawn": text.number(layout.periods_drawn) if layout else "",
        "rtl": rtl,
    }


@register.inclusion_tag("figures/chart.html")
def figure_chart(
    chart: ChartData, heading_level: int = 2, show_title: bool = True
) -> dict:
    """The whole chart component for ``chart``; ``show_title=False`` keeps
    its heading for screen readers only (a page whose h1 names the chart)."""
    return chart_context(chart, heading_level, show_title)
