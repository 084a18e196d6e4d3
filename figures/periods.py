"""Periods as the import reads them and the admin names them.

A value is for a day (a reference date, "Stichtag"), a month, a quarter or a
year; it is stored as the period's first day and its granularity. The import
reads ``31.12.2016`` and ``2016-12-31`` (a day), ``12/2016`` and
``2016-12`` (a month), ``Q4/2016``, ``4. Quartal 2016``, ``2016-Q4`` (a quarter)
and ``2016`` (a year).
"""

from __future__ import annotations

import calendar
import datetime
import re

from .chart_data import Granularity

_PATTERNS = (
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), Granularity.DAY, "dmy"),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), Granularity.DAY, "ymd"),
    (re.compile(r"[Qq]([1-4])\s*[/.\- ]\s*(\d{4})"), Granularity.QUARTER, "qy"),
    (
        re.compile(r"([1-4])\.\s*Quartal\s+(\d{4})", re.IGNORECASE),
        Granularity.QUARTER,
        "qy",
    ),
    (re.compile(r"(\d{4})\s*[-/ ]\s*[Qq]([1-4])"), Granularity.QUARTER, "yq"),
    (re.compile(r"(\d{1,2})\s*/\s*(\d{4})"), Granularity.MONTH, "my"),
    (re.compile(r"(\d{4})-(\d{1,2})"), Granularity.MONTH, "ym"),
    (re.compile(r"(\d{4})"), Granularity.YEAR, "y"),
)


def parse_period(text: str) -> tuple[datetime.date, Granularity] | None:
    """The first day and granularity of the period ``text`` names, or None
    if it names none (including impossible dates such as 31.02.2016)."""
    text = text.strip()
    for pattern, granularity, order in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        numbers = dict(zip(order, map(int, match.groups()), strict=True))
        year = numbers["y"]
        if not 1900 <= year <= 2200:
            return None
        try:
            if granularity == Granularity.DAY:
                return datetime.date(year, numbers["m"], numbers["d"]), granularity
            if granularity == Granularity.MONTH:
                return datetime.date(year, numbers["m"], 1), granularity
            if granularity == Granularity.QUARTER:
                return datetime.date(year, 3 * numbers["q"] - 2, 1), granularity
        except ValueError:
            return None
        return datetime.date(year, 1, 1), granularity
    return None


def period_end(start: datetime.date, granularity: str) -> datetime.date | None:
    """The last day of the period (None for a reference date)."""
    if granularity == Granularity.MONTH:
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if granularity == Granularity.QUARTER:
        month = start.month + 2
        return start.replace(month=month, day=calendar.monthrange(start.year, month)[1])
    if granularity == Granularity.YEAR:
        return start.replace(month=12, day=31)
    return None


def period_label(start: datetime.date, granularity: str) -> str:
    """The period as the import accepts it back ("Q4/2016", "12/2016")."""
    if granularity == Granularity.MONTH:
        return f"{start.month:02d}/{start.year}"
    if granularity == Granularity.QUARTER:
        return f"Q{(start.month - 1) // 3 + 1}/{start.year}"
    if granularity == Granularity.YEAR:
        return str(start.year)
    return f"{start:%d.%m.%Y}"


def is_period_start(start: datetime.date, granularity: str) -> bool:
    """Whether ``start`` is where a period of this granularity begins."""
    if granularity == Granularity.MONTH:
        return start.day == 1
    if granularity == Granularity.QUARTER:
        return start.day == 1 and start.month in (1, 4, 7, 10)
    if granularity == Granularity.YEAR:
        return (start.month, start.day) == (1, 1)
    return True
