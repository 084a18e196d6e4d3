"""The SVG markup of a chart, from its layout (``figures.charts``).

Every text (titles, series names, labels) goes through ``format_html``, so
nothing an editor or an import typed reaches the page unescaped. No ``style``
attribute anywhere (the site's CSP forbids them): colours come from classes
in ``static/css/figures.css``; geometry and dash patterns are presentation
attributes, which the CSP allows.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.bidi import isolate_latin_runs

from .charts import FONT_SIZE, ChartLayout, DrawnPoint, DrawnSeries
from .svg import fmt

MARKER_SIZE = 4.5


def marker(shape: str, x: float, y: float, size: float = MARKER_SIZE) -> SafeString:
    """A point's marker: each series has its own shape."""
    if shape == "circle":
        return format_html(
            '<circle class="figure-chart__marker" cx="{}" cy="{}" r="{}"/>',
            fmt(x),
            fmt(y),
            fmt(size),
        )
    if shape == "square":
        side = size * 1.7
        return format_html(
            '<rect class="figure-chart__marker" x="{}" y="{}" width="{}" height="{}"/>',
            fmt(x - side / 2),
            fmt(y - side / 2),
            fmt(side),
            fmt(side),
        )
    size *= 1.3
    corners = {
        "triangle": ((0, -size), (size, size * 0.8), (-size, size * 0.8)),
        "diamond": ((0, -size), (size, 0), (0, size), (-size, 0)),
        "cross": (
            (-size, -size / 3),
            (-size / 3, -size / 3),
            (-size / 3, -size),
            (size / 3, -size),
            (size / 3, -size / 3),
            (size, -size / 3),
            (size, size / 3),
            (size / 3, size / 3),
            (size / 3, size),
            (-size / 3, size),
            (-size / 3, size / 3),
            (-size, size / 3),
        ),
    }[shape]
    points = " ".join(f"{fmt(x + dx)},{fmt(y + dy)}" for dx, dy in corners)
    return format_html('<polygon class="figure-chart__marker" points="{}"/>', points)


def pattern_id(key: str, style: int) -> str:
    return f"{key}-pattern-{style}"


def patterns(key: str, styles) -> SafeString:
    """Fill patterns of bar series 2…5 (stripes, dots, cross-hatching,
    bands): bars are told apart without colour. Series 1 is solid."""
    shapes = {
        2: '<path class="figure-chart__pattern-line" d="M0 0 L0 6"/>',
        3: '<circle class="figure-chart__pattern-dot" cx="3" cy="3" r="1.4"/>',
        4: '<path class="figure-chart__pattern-line" d="M0 0 L0 6 M0 3 L6 3"/>',
        5: '<path class="figure-chart__pattern-line" d="M0 1.5 L6 1.5"/>',
    }
    rotate = {2: ' patternTransform="rotate(45)"', 4: ' patternTransform="rotate(45)"'}
    return format_html_join(
        "",
        '<pattern id="{}" class="figure-chart__series--{}" patternUnits="userSpaceOnUse" width="6" height="6"{}>'
        '<rect class="figure-chart__pattern-ground" width="6" height="6"/>{}</pattern>',
        (
            (
                pattern_id(key, style),
                style,
                mark_safe(rotate.get(style, "")),  # noqa: S308 - constant
                mark_safe(shapes[style]),  # noqa: S308 - constant
            )
            for style in sorted(set(styles))
            if style in shapes
        ),
    )


def bar_fill(key: str, style: int) -> SafeString:
    return format_html(' fill="url(#{})"', pattern_id(key, style)) if style > 1 else ""


def _tip(point: DrawnPoint, layout: ChartLayout) -> SafeString:
    """The value over a point, shown while it has focus or the pointer."""
    x = point.x + point.width / 2
    y = max(FONT_SIZE, point.y - 9)
    return format_html(
        '<text class="figure-chart__tip" x="{}" y="{}" text-anchor="middle" aria-hidden="true">{}</text>',
        fmt(min(max(x, 24), layout.width - 24)),
        fmt(y),
        point.value_text,
    )


def _point(point: DrawnPoint, series: DrawnSeries, key: str, layout, rtl) -> SafeString:
    if point.width:
        shape = format_html(
            '<rect class="figure-chart__bar" x="{}" y="{}" width="{}" height="{}"{}/>',
            fmt(point.x),
            fmt(point.y),
            fmt(point.width),
            fmt(max(point.height, 0.5)),
            bar_fill(key, series.style),
        )
        ring = format_html(
            '<rect class="figure-chart__ring" x="{}" y="{}" width="{}" height="{}"/>',
            fmt(point.x - 3),
            fmt(point.y - 3),
            fmt(point.width + 6),
            fmt(max(point.height, 0.5) + 6),
        )
    else:
        shape = marker(series.marker, point.x, point.y)
        ring = format_html(
            '<circle class="figure-chart__ring" cx="{}" cy="{}" r="9"/>',
            fmt(point.x),
            fmt(point.y),
        )
    name = isolate_latin_runs(point.name) if rtl else point.name
    # Chromium draws no outline round SVG shapes: the focus ring is a shape
    # of its own, shown while the point has the focus (figures.css).
    return format_html(
        '<g class="figure-chart__point" role="listitem" tabindex="0" aria-label="{}">{}{}{}</g>',
        name,
        ring,
        shape,
        _tip(point, layout),
    )


def _series(series: DrawnSeries, key: str, layout, list_name: str, rtl) -> SafeString:
    line = ""
    if series.path:
        line = format_html(
            '<path class="figure-chart__line" d="{}" fill="none"{}/>',
            series.path,
            format_html(' stroke-dasharray="{}"', series.dash) if series.dash else "",
        )
    return format_html(
        '<g class="figure-chart__series figure-chart__series--{}" role="list" aria-label="{}">{}{}</g>',
        series.style,
        series.label or list_name,
        line,
        format_html_join(
            "",
            "{}",
            ((_point(point, series, key, layout, rtl),) for point in series.points),
        ),
    )


def _axes(layout: ChartLayout) -> SafeString:
    left, right = sorted((layout.plot_left, layout.plot_right))
    grid = format_html_join(
        "",
        '<line class="figure-chart__grid" x1="{}" x2="{}" y1="{}" y2="{}"/>',
        (
            (fmt(left), fmt(right), fmt(tick.position), fmt(tick.position))
            for tick in layout.y_ticks
        ),
    )
    y_labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
        (
            (fmt(layout.y_label_x), fmt(tick.position), tick.label)
            for tick in layout.y_ticks
        ),
    )
    x_labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle">{}</text>',
        (
            (fmt(tick.position), fmt(layout.x_label_y), tick.label)
            for tick in layout.x_ticks
        ),
    )
    return format_html(
        '<g aria-hidden="true">{}<line class="figure-chart__baseline" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<g class="figure-chart__labels">{}{}</g></g>',
        grid,
        fmt(left),
        fmt(right),
        fmt(layout.baseline),
        fmt(layout.baseline),
        y_labels,
        x_labels,
    )


def chart_svg(
    layout: ChartLayout,
    *,
    key: str,
    title: str,
    description: str,
    content_lang: str = "",
) -> SafeString:
    """The whole ``<svg>``: named by its ``<title>``, described by its
    ``<desc>`` (the generated summary), a list of focusable points per series.

    ``content_lang``: ' lang="de" dir="ltr"'-style attributes for the title
    when it is not in the reader's language (already safe)."""
    direction = "rtl" if layout.rtl else "ltr"
    styles = [series.style for series in layout.series]
    defs = (
        patterns(key, styles)
        if any(series.points and series.points[0].width for series in layout.series)
        else ""
    )
    return format_html(
        '<svg class="figure-chart__svg" viewBox="0 0 {} {}" role="group" direction="{}"'
        ' aria-labelledby="{}-svg-title" aria-describedby="{}-svg-desc">'
        '<title id="{}-svg-title"{}>{}</title><desc id="{}-svg-desc">{}</desc>'
        "{}{}{}</svg>",
        layout.width,
        layout.height,
        direction,
        key,
        key,
        key,
        content_lang,
        title,
        key,
        description,
        format_html("<defs>{}</defs>", defs) if defs else "",
        _axes(layout),
        format_html_join(
            "",
            "{}",
            (
                (_series(series, key, layout, title, layout.rtl),)
                for series in layout.series
            ),
        ),
    )


def legend_swatch(series: DrawnSeries, *, key: str, kind: str) -> SafeString:
    """A small picture of the series' line and marker, or its bar fill, for
    the legend (decorative: the legend's text names the series)."""
    if kind == "bar":
        inner = format_html(
            '<rect class="figure-chart__bar" x="2" y="2" width="24" height="14"{}/>',
            bar_fill(key, series.style),
        )
    else:
        inner = format_html(
            '<path class="figure-chart__line" d="M1 9 L27 9" fill="none"{}/>{}',
            format_html(' stroke-dasharray="{}"', series.dash) if series.dash else "",
            marker(series.marker, 14, 9),
        )
    return format_html(
        '<svg class="figure-chart__swatch figure-chart__series--{}" viewBox="0 0 28 18" aria-hidden="true" focusable="false">{}</svg>',
        series.style,
        inner,
    )
