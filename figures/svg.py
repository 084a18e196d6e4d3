"""Plain SVG geometry: linear scales, "nice" axis ticks and path data.

Knows nothing about figures, languages or templates; ``figures.charts`` uses
it to lay a chart out. Coordinates are SVG user units rounded to one decimal,
so that the markup stays short and tests can name exact positions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


def r(value: float) -> float:
    """A coordinate rounded to 0.1 unit (``-0.0`` written as ``0.0``)."""
    return round(value, 1) + 0.0


@dataclass(frozen=True, slots=True)
class LinearScale:
    """Maps ``domain`` (values) onto ``range`` (SVG units), linearly.

    The range may run backwards (``range_start > range_end``): the value axis
    runs upwards, the time axis right to left on right-to-left pages.
    """

    domain_start: float
    domain_end: float
    range_start: float
    range_end: float

    def __call__(self, value: float | Decimal) -> float:
        span = self.domain_end - self.domain_start
        if span == 0:
            return r((self.range_start + self.range_end) / 2)
        share = (float(value) - self.domain_start) / span
        return r(self.range_start + share * (self.range_end - self.range_start))


def nice_step(span: float, count: int) -> float:
    """A step of 1, 2, 2.5 or 5 × 10ⁿ that cuts ``span`` into about ``count`` parts."""
    if span <= 0:
        return 1.0
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def nice_ticks(
    low: float, high: float, count: int = 5, *, integer: bool = True
) -> list[Decimal]:
    """Round tick values that cover ``low``…``high`` (0 included where the
    values do not cross it, so that bars and lines start from zero).

    ``integer``: whole-number steps only (counts of people have no halves).
    """
    if low > 0:
        low = 0.0
    if high < 0:
        high = 0.0
    if low == high:
        high = low + 1
    step = nice_step(high - low, count)
    if integer:
        step = max(1.0, float(math.ceil(step)) if step < 1 else step)
        if step == 2.5:
            step = 2.0
    start = math.floor(low / step) * step
    stop = math.ceil(high / step) * step
    exact = Decimal(str(step))
    first = Decimal(str(start))
    steps = round((stop - start) / step)
    return [(first + exact * index).normalize() + 0 for index in range(steps + 1)]


def path_data(points: Iterable[tuple[float, float] | None]) -> str:
    """SVG path data through ``points``; ``None`` breaks the line (a gap in
    the figures is drawn as a gap, not bridged)."""
    commands: list[str] = []
    pen_down = False
    for point in points:
        if point is None:
            pen_down = False
            continue
        x, y = point
        commands.append(f"{'L' if pen_down else 'M'}{fmt(x)} {fmt(y)}")
        pen_down = True
    return " ".join(commands)


def fmt(value: float) -> str:
    """A coordinate for markup: "12", "12.5" (never "12.0" or "1e-05")."""
    value = r(value)
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def text_width(text: str, font_size: float) -> float:
    """An estimate of the rendered width of ``text`` (sans-serif, digits and
    Latin letters average about 0.6 em); enough to leave room for labels."""
    return len(text) * font_size * 0.6
