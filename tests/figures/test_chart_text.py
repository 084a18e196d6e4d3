"""The chart's words and numbers in the reader's language: the generated
summary, period names, digits; and the colours' contrast (KERN tokens)."""

import datetime
import math
import re
from decimal import Decimal
from pathlib import Path

from django.utils import translation

import pytest

from figures.chart_data import Granularity, Point
from figures.charts_text import number, period_name, period_tick, series_summary

ROOT = Path(__file__).resolve().parents[2]


def month(year, number_, value):
    return Point(datetime.date(year, number_, 1), None, Decimal(value))


POINTS = (
    month(2016, 1, 1240),
    month(2016, 6, 1400),
    month(2017, 2, 800),
    month(2017, 3, 860),
)


def test_the_summary_names_first_and_last_value_with_their_months():
    with translation.override("de"):
        summary = series_summary(POINTS, Granularity.MONTH)
    assert summary.startswith("von 1.240 im Januar 2016 auf 860 im März 2017")
    assert "höchster Wert: 1.400 (Juni 2016)" in summary
    assert "niedrigster Wert: 800 (Februar 2017)" in summary


def test_the_summary_in_farsi_has_persian_digits_and_month_names():
    with translation.override("fa"):
        summary = series_summary(POINTS, Granularity.MONTH)
    assert "۱۲۴۰" in summary and "۸۶۰" in summary and "۲۰۱۷" in summary
    assert not re.search(r"[0-9]", summary)
    assert "ژانویه" in summary  # January, from Django's Persian catalogue


def test_the_summary_in_arabic_keeps_western_digits_and_arabic_months():
    with translation.override("ar"):
        summary = series_summary(POINTS, Granularity.MONTH)
    assert "1240" in summary
    assert "يناير" in summary


def test_points_out_of_order_are_read_in_time_order():
    with translation.override("de"):
        summary = series_summary(POINTS[::-1], Granularity.MONTH)
    assert summary.startswith("von 1.240 im Januar 2016 auf 860 im März 2017")


def test_one_value_is_one_sentence():
    with translation.override("de"):
        assert series_summary(POINTS[:1], Granularity.MONTH) == "1.240 im Januar 2016"
        assert series_summary((), Granularity.MONTH) == ""


@pytest.mark.parametrize(
    ("granularity", "expected"),
    [
        (Granularity.DAY, "von 1.240 am 1. Januar 2016 auf 860 am 1. März 2017"),
        (
            Granularity.QUARTER,
            "von 1.240 im 1. Quartal 2016 auf 860 im 1. Quartal 2017",
        ),
        (Granularity.YEAR, "von 1.240 im Jahr 2016 auf 860 im Jahr 2017"),
    ],
)
def test_the_summary_names_periods_by_granularity(granularity, expected):
    with translation.override("de"):
        assert series_summary(POINTS, granularity).startswith(expected)


def test_decimals_and_grouping_per_language():
    with translation.override("de"):
        assert number(Decimal("1234.5"), 1) == "1.234,5"
        assert number(Decimal("12"), 0) == "12"
    with translation.override("en"):
        assert number(Decimal("1234.5"), 1) == "1,234.5"
    with translation.override("fa"):
        assert number(Decimal("1234"), 0) == "۱۲۳۴"


def test_period_names_and_axis_labels():
    day = datetime.date(2017, 10, 9)
    with translation.override("de"):
        assert period_name(day, Granularity.DAY) == "9. Oktober 2017"
        assert period_name(day, Granularity.MONTH) == "Oktober 2017"
        assert period_name(day, Granularity.QUARTER) == "4. Quartal 2017"
        assert period_name(day, Granularity.YEAR) == "2017"
        assert period_tick(day, Granularity.MONTH) == "Okt 2017"
        assert period_tick(day, Granularity.QUARTER) == "Q4 2017"
    with translation.override("fa"):
        assert period_tick(day, Granularity.YEAR) == "۲۰۱۷"


# Contrast -------------------------------------------------------------------

KERN_CSS = ROOT / "node_modules" / "@kern-ux" / "native" / "dist" / "kern.css"
FIGURES_CSS = ROOT / "static" / "css" / "figures.css"


def _oklch_to_srgb(text: str) -> tuple[float, float, float]:
    lightness, chroma, hue = text.split()
    lightness = float(lightness.rstrip("%")) / 100
    a = float(chroma) * math.cos(math.radians(float(hue)))
    b = float(chroma) * math.sin(math.radians(float(hue)))
    l_ = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m_ = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s_ = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    linear = (
        4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
        -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
        -0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076147010 * s_,
    )
    return tuple(min(1.0, max(0.0, channel)) for channel in linear)


def _contrast_to_white(linear_rgb) -> float:
    luminance = 0.2126 * linear_rgb[0] + 0.7152 * linear_rgb[1] + 0.0722 * linear_rgb[2]
    return 1.05 / (luminance + 0.05)


def _hex_to_linear(value: str):
    channels = [int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]


def test_series_colours_are_kern_tokens_with_contrast_to_white():
    """Each series colour (a KERN token, with its light-theme value as the
    fallback) has at least 4.5:1 against the white chart ground: enough for
    graphics (3:1) and for text."""
    assert KERN_CSS.exists(), "npm ci installs @kern-ux/native"
    tokens = dict(
        re.findall(r"--kern-color-([a-z]+-\d+): oklch\(([^)]*)\)", KERN_CSS.read_text())
    )
    series = re.findall(
        r"--chart-\d: var\(--kern-color-([a-z]+-\d+), (#[0-9a-f]{6})\)",
        FIGURES_CSS.read_text(),
    )
    assert len(series) == 5
    for token, fallback in series:
        contrast = _contrast_to_white(_oklch_to_srgb(tokens[token]))
        assert contrast >= 4.5, (token, contrast)
        assert _contrast_to_white(_hex_to_linear(fallback)) == pytest.approx(
            contrast, abs=0.1
        ), token
