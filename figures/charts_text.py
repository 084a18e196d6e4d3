"""The words and numbers of a chart in the reader's language: period names,
values, the generated summary ("von 1.240 im Januar 2016 auf 860 im März
2017") and the accessible names of the drawn points.

Numbers and dates follow Django's formats of the active language with the
digits ``core.formatting`` gives it (Persian digits on Farsi pages).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext, pgettext

from core.formatting import format_date, localize_digits

from .chart_data import Granularity, Point, Series


def number(value: Decimal | float, decimals: int = 0) -> str:
    """``value`` the reader's way: "1.240" (de), "1,240" (en), "۱۲۴۰" (fa)."""
    text = formats.number_format(
        Decimal(value), decimal_pos=decimals, use_l10n=True, force_grouping=True
    )
    return localize_digits(text)


def with_unit(value: Decimal, decimals: int, unit: str) -> str:
    """ "1.240 Personen"; the bare number when the chart has no unit."""
    text = number(value, decimals)
    return f"{text}\u00a0{unit}" if unit else text


def quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def period_name(day: datetime.date, granularity: Granularity) -> str:
    """The period starting on ``day`` in words: "9. Oktober 2017", "Januar
    2016", "1. Quartal 2016", "2016"."""
    if granularity == Granularity.DAY:
        return format_date(day)
    if granularity == Granularity.MONTH:
        return localize_digits(formats.date_format(day, "YEAR_MONTH_FORMAT"))
    if granularity == Granularity.QUARTER:
        text = gettext("%(quarter)s. Quartal %(year)s") % {
            "quarter": quarter_of(day),
            "year": day.year,
        }
        return localize_digits(text)
    return localize_digits(str(day.year))


def period_tick(day: datetime.date, granularity: Granularity) -> str:
    """A short name for an axis label: "09.10.2017", "Jan 2016", "Q1 2016"."""
    if granularity == Granularity.DAY:
        return localize_digits(formats.date_format(day, "SHORT_DATE_FORMAT"))
    if granularity == Granularity.MONTH:
        return localize_digits(formats.date_format(day, "M Y"))
    if granularity == Granularity.QUARTER:
        text = pgettext("short quarter on a chart axis", "Q%(quarter)s %(year)s") % {
            "quarter": quarter_of(day),
            "year": day.year,
        }
        return localize_digits(text)
    return localize_digits(str(day.year))


def series_label(series: Series, count: int) -> str:
    """The series' name; "Gesamt" for the total beside other series."""
    if series.name:
        return series.name
    return gettext("Gesamt") if count > 1 else ""


def _change_sentence(granularity: Granularity) -> str:
    if granularity == Granularity.DAY:
        return gettext(
            "von %(first)s am %(first_period)s auf %(last)s am %(last_period)s"
        )
    if granularity == Granularity.YEAR:
        return gettext(
            "von %(first)s im Jahr %(first_period)s auf %(last)s im Jahr %(last_period)s"
        )
    if granularity == Granularity.QUARTER:
        return pgettext(
            "chart summary, quarters",
            "von %(first)s im %(first_period)s auf %(last)s im %(last_period)s",
        )
    return pgettext(
        "chart summary, months",
        "von %(first)s im %(first_period)s auf %(last)s im %(last_period)s",
    )


def _single_sentence(granularity: Granularity) -> str:
    if granularity == Granularity.DAY:
        return gettext("%(value)s am %(period)s")
    if granularity == Granularity.YEAR:
        return gettext("%(value)s im Jahr %(period)s")
    return gettext("%(value)s im %(period)s")


def series_summary(
    points: tuple[Point, ...], granularity: Granularity, decimals: int = 0
) -> str:
    """What a series does, in one sentence: first and last value with their
    periods, then the highest and lowest value (all values, not only those
    drawn). "" for a series without values."""
    if not points:
        return ""
    points = tuple(sorted(points, key=lambda point: point.start))
    first, last = points[0], points[-1]
    if len(points) == 1:
        return _single_sentence(granularity) % {
            "value": number(first.value, decimals),
            "period": period_name(first.start, granularity),
        }
    text = _change_sentence(granularity) % {
        "first": number(first.value, decimals),
        "first_period": period_name(first.start, granularity),
        "last": number(last.value, decimals),
        "last_period": period_name(last.start, granularity),
    }
    highest = max(points, key=lambda point: point.value)
    lowest = min(points, key=lambda point: point.value)
    extremes = gettext(
        "höchster Wert: %(high)s (%(high_period)s), "
        "niedrigster Wert: %(low)s (%(low_period)s)"
    ) % {
        "high": number(highest.value, decimals),
        "high_period": period_name(highest.start, granularity),
        "low": number(lowest.value, decimals),
        "low_period": period_name(lowest.start, granularity),
    }
    return f"{text}; {extremes}"


def point_name(
    *, series: str, period: str, value: Decimal, decimals: int, unit: str
) -> str:
    """The accessible name of a drawn point: "Syrien, Januar 2016: 1.240 Personen"."""
    value_text = with_unit(value, decimals, unit)
    if series:
        return gettext("%(series)s, %(period)s: %(value)s") % {
            "series": series,
            "period": period,
            "value": value_text,
        }
    return gettext("%(period)s: %(value)s") % {"period": period, "value": value_text}
