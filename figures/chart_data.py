"""What a chart shows, independent of where the figures come from.

The figures app (models, import, API) builds a ``ChartData`` in the reader's
language; ``figures.charts`` and the ``figure_chart`` template tag draw it.
Nothing here touches the database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Granularity(StrEnum):
    """How long one value's period is; decides how periods are named."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Point:
    """One value for the period starting at ``start`` (``end`` inclusive, if known)."""

    start: datetime.date
    end: datetime.date | None
    value: Decimal


@dataclass(frozen=True, slots=True)
class Series:
    """One line or one set of bars; ``name`` is "" for the total.

    The name is already in the reader's language (or German, see
    ``ChartData.language``). Points are in time order.
    """

    name: str
    points: tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """Where the figures come from and under which licence they may be reused."""

    publisher: str
    title: str
    url: str
    retrieved: datetime.date | None
    licence_name: str
    licence_url: str
    entered_by: str
    # True when ``licence_name`` is a standard licence's name in the reader's
    # language; False when an editor typed it (German, marked as such).
    licence_translated: bool = False


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything one chart shows.

    ``key`` is a slug, unique on the page, used for element ids.
    ``kind`` is "line" or "bar". ``language`` is the language of the texts
    (title, description, unit, series names): "de" when the indicator is not
    translated into the reader's language, so those parts are marked German.
    ``decimals`` is the number of decimal places values are shown with.
    """

    key: str
    title: str
    description: str
    unit: str
    kind: str
    granularity: Granularity
    series: tuple[Series, ...]
    sources: tuple[Source, ...]
    is_example: bool
    language: str
    csv_url: str
    json_url: str
    decimals: int = 0


KINDS = ("line", "bar")
