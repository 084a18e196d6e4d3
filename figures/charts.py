"""A chart's layout: which periods are drawn, where every point, bar, tick
and label sits, for left-to-right and right-to-left pages.

``chart_layout(chart, rtl=...)`` returns plain frozen dataclasses with SVG
coordinates (``figures.charts_svg`` writes the markup). Periods get equal
slots in calendar order, gaps included, so a missing month shows as a gap.
Only the last ``MAX_PERIODS`` periods are drawn (40 for lines; fewer for
grouped bars): a chart of 10,000 daily values would otherwise be thousands of
tab stops and an unreadable smear. The table and the downloads keep them all.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal

from . import charts_text as text
from .chart_data import ChartData, Granularity
from .svg import LinearScale, nice_ticks, path_data, r, text_width

MAX_PERIODS = 40
# Grouped bars: at most this many bars in all, and never fewer than MIN_BAR_PERIODS periods.
MAX_BARS = 48
MIN_BAR_PERIODS = 12
WIDTH = 340
HEIGHT = 240
FONT_SIZE = 13
PAD = 8
TICK_GAP = 6
X_LABEL_SPACE = 28
# The series' look: colour class, dash pattern (lines), marker shape and
# fill pattern (bars), so that no series is told apart by colour alone.
STYLES = 5
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 2")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True, slots=True)
class DrawnPoint:
    """A value drawn as a marker (lines) or a bar (``width`` > 0)."""

    x: float
    y: float
    width: float
    height: float
    name: str  # accessible name: period and value
    value_text: str


@dataclass(frozen=True, slots=True)
class DrawnSeries:
    index: int  # 1-based, for the style classes
    label: str
    style: int  # 1…STYLES
    dash: str
    marker: str
    path: str  # line charts: the line through the drawn values
    points: tuple[DrawnPoint, ...]


@dataclass(frozen=True, slots=True)
class ChartLayout:
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    baseline: float  # y of the value 0
    y_ticks: tuple[Tick, ...]
    y_label_x: float
    x_ticks: tuple[Tick, ...]
    x_label_y: float
    series: tuple[DrawnSeries, ...]
    rtl: bool
    periods_drawn: int
    periods_total: int

    @property
    def truncated(self) -> bool:
        return self.periods_drawn < self.periods_total


def period_start(day: datetime.date, granularity: Granularity) -> datetime.date:
    """The first day of the period ``day`` lies in."""
    if granularity == Granularity.MONTH:
        return day.replace(day=1)
    if granularity == Granularity.QUARTER:
        return datetime.date(day.year, 3 * text.quarter_of(day) - 2, 1)
    if granularity == Granularity.YEAR:
        return datetime.date(day.year, 1, 1)
    return day


def next_period(day: datetime.date, granularity: Granularity) -> datetime.date:
    if granularity == Granularity.DAY:
        return day + datetime.timedelta(days=1)
    months = {Granularity.MONTH: 1, Granularity.QUARTER: 3, Granularity.YEAR: 12}
    index = day.year * 12 + day.month - 1 + months[granularity]
    return datetime.date(index // 12, index % 12 + 1, 1)


def periods_between(
    first: datetime.date, last: datetime.date, granularity: Granularity, limit: int
) -> tuple[list[datetime.date], int]:
    """The last ``limit`` periods from ``first`` to ``last`` (calendar order)
    and how many periods there are in all."""
    if granularity == Granularity.DAY:
        total = (last - first).days + 1
        start = max(first, last - datetime.timedelta(days=limit - 1))
    else:
        step = {Granularity.MONTH: 1, Granularity.QUARTER: 3, Granularity.YEAR: 12}[
            granularity
        ]
        months = (last.year - first.year) * 12 + last.month - first.month
        total = months // step + 1
        start = first
        skip = max(0, total - limit) * step
        index = first.year * 12 + first.month - 1 + skip
        start = datetime.date(index // 12, index % 12 + 1, 1)
    periods = []
    day = start
    while day <= last:
        periods.append(day)
        day = next_period(day, granularity)
    return periods, total


def period_limit(chart: ChartData) -> int:
    if chart.kind == "bar" and len(chart.series) > 1:
        return max(MIN_BAR_PERIODS, MAX_BARS // len(chart.series))
    return MAX_PERIODS


def chart_layout(chart: ChartData, *, rtl: bool = False) -> ChartLayout | None:
    """Where everything of ``chart`` sits; None when it has no values."""
    values = {
        (index, period_start(point.start, chart.granularity)): point.value
        for index, series in enumerate(chart.series)
        for point in series.points
    }
    if not values:
        return None
    starts = [start for _, start in values]
    periods, total = periods_between(
        min(starts), max(starts), chart.granularity, period_limit(chart)
    )
    drawn = [value for (_, start), value in values.items() if start >= periods[0]]
    ticks = nice_ticks(
        float(min(drawn)), float(max(drawn)), integer=chart.decimals == 0
    )
    # As many decimals as the ticks need: "250", not "250,0"; "0,5" stays.
    places = max(0, *(-tick.as_tuple().exponent for tick in ticks))
    y_labels = [text.number(tick, places) for tick in ticks]
    label_width = max(text_width(label, FONT_SIZE) for label in y_labels)
    # Laid out left to right; mirrored at the end for right-to-left pages.
    plot_left = r(PAD + label_width + TICK_GAP)
    plot_right = WIDTH - PAD - FONT_SIZE  # room for the last x label's half
    plot_top = PAD + FONT_SIZE / 2
    plot_bottom = HEIGHT - X_LABEL_SPACE
    y_scale = LinearScale(float(ticks[0]), float(ticks[-1]), plot_bottom, plot_top)
    slot = (plot_right - plot_left) / len(periods)
    geometry = _Geometry(chart, periods, slot, plot_left, y_scale, rtl)
    mirror = geometry.mirror
    return ChartLayout(
        width=WIDTH,
        height=HEIGHT,
        plot_left=mirror(plot_right) if rtl else plot_left,
        plot_right=mirror(plot_left) if rtl else plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        baseline=y_scale(0),
        y_ticks=tuple(
            Tick(y_scale(tick), label)
            for tick, label in zip(ticks, y_labels, strict=True)
        ),
        # Both directions anchor the labels at their "end": the side towards
        # the plot (the SVG's direction is the page's).
        y_label_x=mirror(plot_left - TICK_GAP),
        x_ticks=geometry.x_ticks(plot_right - plot_left),
        x_label_y=HEIGHT - PAD,
        series=geometry.series(values),
        rtl=rtl,
        periods_drawn=len(periods),
        periods_total=total,
    )


class _Geometry:
    """Slots of the drawn periods and the shapes in them."""

    def __init__(self, chart, periods, slot, plot_left, y_scale, rtl):
        self.chart = chart
        self.periods = periods
        self.slot = slot
        self.plot_left = plot_left
        self.y_scale = y_scale
        self.rtl = rtl

    def mirror(self, x: float, width: float = 0) -> float:
        return r(WIDTH - x - width) if self.rtl else r(x)

    def centre(self, index: int) -> float:
        return self.plot_left + (index + 0.5) * self.slot

    def x_ticks(self, plot_width: float) -> tuple[Tick, ...]:
        labels = [text.period_tick(day, self.chart.granularity) for day in self.periods]
        widest = max(text_width(label, FONT_SIZE) for label in labels) + 2 * PAD
        fits = max(1, math.floor(plot_width / widest))
        step = math.ceil(len(labels) / fits)
        # The latest period is always labelled; the others every step back.
        indexes = sorted(range(len(labels) - 1, -1, -step))
        return tuple(
            Tick(self.inside(self.mirror(self.centre(i)), labels[i]), labels[i])
            for i in indexes
        )

    @staticmethod
    def inside(x: float, label: str) -> float:
        """``x`` moved so that a label centred on it stays in the view box."""
        half = text_width(label, FONT_SIZE) / 2 + 2
        return r(min(max(x, half), WIDTH - half))

    def series(self, values: dict) -> tuple[DrawnSeries, ...]:
        chart = self.chart
        count = len(chart.series)
        drawn = []
        for index, series in enumerate(chart.series):
            label = text.series_label(series, count)
            points, line = [], []
            for slot_index, day in enumerate(self.periods):
                value = values.get((index, day))
                if value is None:
                    line.append(None)
                    continue
                point = self.point(index, slot_index, day, value, label)
                points.append(point)
                line.append((point.x, point.y))
            style = index % STYLES
            drawn.append(
                DrawnSeries(
                    index=index + 1,
                    label=label,
                    style=style + 1,
                    dash=DASHES[style],
                    marker=MARKERS[style],
                    path=path_data(line) if chart.kind == "line" else "",
                    points=tuple(points),
                )
            )
        return tuple(drawn)

    def point(self, index, slot_index, day, value: Decimal, label) -> DrawnPoint:
        chart = self.chart
        name = text.point_name(
            series=label,
            period=text.period_name(day, chart.granularity),
            value=value,
            decimals=chart.decimals,
            unit=chart.unit,
        )
        value_text = text.number(value, chart.decimals)
        y = self.y_scale(value)
        if chart.kind == "line":
            return DrawnPoint(
                self.mirror(self.centre(slot_index)), y, 0, 0, name, value_text
            )
        group = self.slot * 0.8
        width = group / len(chart.series)
        x = self.plot_left + slot_index * self.slot + self.slot * 0.1 + index * width
        zero = self.y_scale(0)
        return DrawnPoint(
            x=self.mirror(x, width),
            y=min(y, zero),
            width=r(width),
            height=r(abs(zero - y)),
            name=name,
            value_text=value_text,
        )
