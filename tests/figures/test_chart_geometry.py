"""The chart's layout: points, bars, ticks and labels where they belong, for
left-to-right and right-to-left pages, and a bounded number of drawn points."""

import datetime
from decimal import Decimal

from django.utils import translation

import pytest

from figures.chart_data import ChartData, Granularity, Point, Series
from figures.charts import (
    HEIGHT,
    MAX_PERIODS,
    WIDTH,
    chart_layout,
    periods_between,
)
from figures.svg import LinearScale, nice_ticks, path_data


def month(year, number, value):
    return Point(datetime.date(year, number, 1), None, Decimal(value))


def chart(*series, kind="line", granularity=Granularity.MONTH, decimals=0):
    return ChartData(
        key="test",
        title="Asylsuchende",
        description="",
        unit="Personen",
        kind=kind,
        granularity=granularity,
        series=tuple(series),
        sources=(),
        is_example=False,
        language="de",
        csv_url="",
        json_url="",
        decimals=decimals,
    )


# 0, 500, 1000, 1500 on the value axis; four months in four slots.
FOUR_MONTHS = Series(
    "",
    (
        month(2016, 1, 1000),
        month(2016, 2, 1500),
        month(2016, 3, 500),
        month(2016, 4, 0),
    ),
)


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def test_nice_ticks_are_round_and_start_at_zero():
    assert nice_ticks(800, 1400) == [0, 500, 1000, 1500]
    assert nice_ticks(0, 1240) == [0, 250, 500, 750, 1000, 1250]
    assert nice_ticks(-3, 7) == [-4, -2, 0, 2, 4, 6, 8]
    assert nice_ticks(0, 0.8, integer=False) == [
        0,
        Decimal("0.2"),
        Decimal("0.4"),
        Decimal("0.6"),
        Decimal("0.8"),
    ]
    assert nice_ticks(5, 5) == [0, 1, 2, 3, 4, 5]


def test_a_scale_may_run_backwards():
    scale = LinearScale(0, 100, 200, 0)
    assert scale(0) == 200
    assert scale(25) == 150
    assert scale(100) == 0


def test_a_gap_breaks_the_line():
    assert path_data([(1, 2), (3, 4), None, (5, 6)]) == "M1 2 L3 4 M5 6"


def test_line_points_sit_in_the_middle_of_their_slots_at_their_value():
    layout = chart_layout(chart(FOUR_MONTHS))
    assert [tick.label for tick in layout.y_ticks] == ["0", "500", "1.000", "1.500"]
    slot = (layout.plot_right - layout.plot_left) / 4
    points = layout.series[0].points
    expected_x = [round(layout.plot_left + (i + 0.5) * slot, 1) for i in range(4)]
    assert [point.x for point in points] == expected_x
    top, bottom = layout.plot_top, layout.plot_bottom
    assert [point.y for point in points] == [
        round(bottom - (bottom - top) * 2 / 3, 1),
        top,
        round(bottom - (bottom - top) / 3, 1),
        bottom,
    ]
    assert layout.series[0].path.startswith(f"M{expected_x[0]:g} ")
    assert points[0].name == "Januar 2016: 1.000\u00a0Personen"


def test_the_chart_fits_its_view_box():
    layout = chart_layout(chart(FOUR_MONTHS))
    assert 0 < layout.plot_left < layout.plot_right <= WIDTH
    assert 0 < layout.plot_top < layout.plot_bottom < layout.x_label_y <= HEIGHT
    assert 0 < layout.y_label_x < layout.plot_left


def test_bars_rise_from_zero_to_their_value():
    layout = chart_layout(chart(FOUR_MONTHS, kind="bar"))
    bars = layout.series[0].points
    assert layout.baseline == layout.plot_bottom
    assert [bar.y + bar.height for bar in bars] == [layout.baseline] * 4
    full = layout.plot_bottom - layout.plot_top
    assert [bar.height for bar in bars] == [
        round(full * 2 / 3, 1),
        full,
        round(full / 3, 1),
        0,
    ]
    slot = (layout.plot_right - layout.plot_left) / 4
    assert bars[0].width == round(slot * 0.8, 1)
    assert bars[1].x - bars[0].x == pytest.approx(slot, abs=0.2)


def test_negative_bars_hang_below_zero():
    series = Series("", (month(2016, 1, 5), month(2016, 2, -3)))
    layout = chart_layout(chart(series, kind="bar"))
    up, down = layout.series[0].points
    assert up.y + up.height == pytest.approx(layout.baseline, abs=0.1)
    assert down.y == layout.baseline
    assert down.height > 0


def test_grouped_bars_stand_side_by_side():
    other = Series("Syrien", (month(2016, 1, 200), month(2016, 2, 300)))
    total = Series("", (month(2016, 1, 1000), month(2016, 2, 1500)))
    layout = chart_layout(chart(total, other, kind="bar"))
    first, second = layout.series[0].points[0], layout.series[1].points[0]
    assert second.x == pytest.approx(first.x + first.width, abs=0.1)
    assert layout.series[1].label == "Syrien"
    assert layout.series[0].label == "Gesamt"


def test_right_to_left_mirrors_the_time_axis_and_the_value_labels():
    ltr = chart_layout(chart(FOUR_MONTHS))
    rtl = chart_layout(chart(FOUR_MONTHS), rtl=True)
    ltr_x = [point.x for point in ltr.series[0].points]
    rtl_x = [point.x for point in rtl.series[0].points]
    assert rtl_x == [round(WIDTH - x, 1) for x in ltr_x]
    assert rtl_x == sorted(rtl_x, reverse=True)  # January on the right
    assert rtl.y_label_x == WIDTH - ltr.y_label_x  # values on the right
    assert rtl.y_label_x > rtl.plot_right
    assert [t.position for t in rtl.x_ticks] == [
        round(WIDTH - t.position, 1) for t in ltr.x_ticks
    ]
    assert [t.label for t in rtl.x_ticks] == [t.label for t in ltr.x_ticks]


def test_right_to_left_bars_are_mirrored_too():
    ltr = chart_layout(chart(FOUR_MONTHS, kind="bar")).series[0].points
    rtl = chart_layout(chart(FOUR_MONTHS, kind="bar"), rtl=True).series[0].points
    for left, right in zip(ltr, rtl, strict=True):
        assert right.x == pytest.approx(WIDTH - left.x - left.width, abs=0.1)
        assert (right.y, right.height) == (left.y, left.height)


def test_a_missing_month_keeps_its_slot_and_breaks_the_line():
    series = Series("", (month(2016, 1, 10), month(2016, 2, 20), month(2016, 4, 30)))
    layout = chart_layout(chart(series))
    assert layout.periods_drawn == 4
    assert len(layout.series[0].points) == 3
    assert layout.series[0].path.count("M") == 2


def test_ten_thousand_values_draw_only_the_last_periods():
    first = datetime.date(2000, 1, 1)
    points = tuple(
        Point(first + datetime.timedelta(days=day), None, Decimal(day % 97))
        for day in range(10_000)
    )
    layout = chart_layout(chart(Series("", points), granularity=Granularity.DAY))
    drawn = layout.series[0].points
    assert len(drawn) == MAX_PERIODS
    assert layout.truncated
    assert (layout.periods_drawn, layout.periods_total) == (MAX_PERIODS, 10_000)
    last_day = (first + datetime.timedelta(days=9_999)).strftime("%-d. ")
    assert drawn[-1].name.startswith(last_day)
    assert len(layout.x_ticks) <= 6


def test_grouped_bars_draw_fewer_periods():
    series = [
        Series(name, tuple(month(2010 + i // 12, i % 12 + 1, i) for i in range(120)))
        for name in ("a", "b", "c", "d")
    ]
    layout = chart_layout(chart(*series, kind="bar"))
    assert layout.periods_drawn == 12
    assert sum(len(s.points) for s in layout.series) == 48


def test_periods_are_counted_by_granularity():
    start, end = datetime.date(2015, 1, 1), datetime.date(2017, 10, 1)
    periods, total = periods_between(start, end, Granularity.QUARTER, 40)
    assert total == 12
    assert periods[0] == start and periods[-1] == end
    periods, total = periods_between(start, end, Granularity.MONTH, 6)
    assert total == 34
    assert periods == [datetime.date(2017, m, 1) for m in range(5, 11)]
    periods, total = periods_between(start, end, Granularity.YEAR, 40)
    assert total == 3


def test_no_values_no_layout():
    assert chart_layout(chart(Series("", ()))) is None


def test_series_differ_by_dash_and_marker_not_only_colour():
    series = [Series(f"s{i}", (month(2016, 1, i + 1),)) for i in range(5)]
    layout = chart_layout(chart(*series))
    assert len({s.dash for s in layout.series}) == 5
    assert len({s.marker for s in layout.series}) == 5
    assert len({s.style for s in layout.series}) == 5


def test_axis_labels_stay_inside_the_view_box():
    first = datetime.date(2017, 1, 1)
    points = tuple(
        Point(first + datetime.timedelta(days=day), None, Decimal(day))
        for day in range(60)
    )
    for rtl in (False, True):
        layout = chart_layout(
            chart(Series("", points), granularity=Granularity.DAY), rtl=rtl
        )
        for tick in layout.x_ticks:
            half = len(tick.label) * 13 * 0.6 / 2
            assert half <= tick.position <= WIDTH - half, (rtl, tick)


def test_value_labels_have_the_decimals_their_ticks_need():
    whole = Series("", (month(2016, 1, "512.5"), month(2016, 2, "730.2")))
    layout = chart_layout(chart(whole, decimals=1))
    assert [tick.label for tick in layout.y_ticks][:2] == ["0", "200"]
    small = Series("", (month(2016, 1, "0.3"), month(2016, 2, "0.8")))
    layout = chart_layout(chart(small, decimals=2))
    assert [tick.label for tick in layout.y_ticks][:3] == ["0,0", "0,2", "0,4"]
