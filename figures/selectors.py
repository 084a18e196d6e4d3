"""Reading indicators for readers: a fixed number of queries, however many
values an indicator has and however many charts a page shows.

``with_facts`` loads, for a list of indicators at once, their German
originals with every value and its source (two queries) and their texts in
the reader's language (one more); ``chart_data`` then builds a chart from
what is loaded, without a query.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import get_language

from core.translations import (
    active_locale,
    default_locale,
    default_locale_only,
    localize_objects,
)

from . import breakdowns
from .chart_data import ChartData, Granularity, Point, Series
from .chart_data import Source as ChartSource
from .models import Indicator, Licence, Source, Value
from .periods import period_end


def values_prefetch() -> Prefetch:
    return Prefetch(
        "values",
        queryset=Value.objects.select_related("source__entered_by").order_by(
            "period_start", "breakdown"
        ),
    )


def indicator_list() -> list[Indicator]:
    """The German originals in their order, texts in the reader's language
    (two queries, no values)."""
    originals = list(default_locale_only(Indicator.objects.all()))
    return with_texts(originals)


def with_texts(originals: list[Indicator]) -> list[Indicator]:
    """Each original with ``texts`` set to its version in the reader's
    language (one query for all; none on German pages)."""
    for original, texts in zip(originals, localize_objects(originals), strict=True):
        original.original = original
        original.texts = texts
    return originals


def with_facts(indicators: Iterable[Indicator | None]) -> None:
    """Load, for these indicators (any language), their German originals
    with all values and sources, and their texts in the reader's language:
    at most three queries for all of them. Sets ``original`` and ``texts``
    (``Indicator``'s cached properties) on each."""
    indicators = [indicator for indicator in indicators if indicator is not None]
    if not indicators:
        return
    german = default_locale()
    keys = {i.translation_key for i in indicators if i.locale_id != german.pk}
    originals = {i.translation_key: i for i in indicators if i.locale_id == german.pk}
    if keys - set(originals):
        for original in Indicator.objects.filter(
            translation_key__in=keys - set(originals), locale=german
        ):
            originals[original.translation_key] = original
    prefetch_related_objects(list(originals.values()), values_prefetch())
    with_texts(list(originals.values()))
    for indicator in indicators:
        original = originals.get(indicator.translation_key, indicator)
        indicator.original = original
        indicator.texts = original.texts


def indicator_by_slug(slug: str) -> Indicator | None:
    """The German original with this slug, with its values (three queries
    at most, whatever their number)."""
    original = default_locale_only(Indicator.objects.filter(slug=slug)).first()
    if original is not None:
        with_facts([original])
    return original


def text_language(indicator: Indicator) -> str:
    """The language of the indicator's texts as shown: the reader's, or
    German where it is not translated (``with_facts`` chose)."""
    if indicator.texts.locale_id == active_locale().pk:
        return get_language() or settings.LANGUAGE_CODE
    return settings.LANGUAGE_CODE


def _chart_source(source: Source) -> ChartSource:
    return ChartSource(
        publisher=source.publisher,
        title=source.title,
        url=source.url,
        retrieved=source.retrieved,
        licence_name=source.licence_label,
        licence_url=source.licence_link,
        entered_by=source.entered_by_name,
        licence_translated=source.licence != Licence.OTHER,
    )


def series_of(indicator: Indicator, values: list[Value]) -> tuple[Series, ...]:
    """One series per breakdown value (the total first, then in the order
    of the breakdown's list), points in time order."""
    dimension = indicator.original.breakdown
    order = {
        key: position
        for position, (key, _name) in enumerate(breakdowns.choices(dimension))
    }
    grouped: dict[str, list[Point]] = OrderedDict()
    for value in sorted(
        values, key=lambda v: (order.get(v.breakdown, -1), v.breakdown)
    ):
        grouped.setdefault(value.breakdown, []).append(
            Point(
                start=value.period_start,
                end=period_end(value.period_start, value.granularity),
                value=value.value,
            )
        )
    return tuple(
        Series(
            name=breakdowns.label(dimension, key),
            points=tuple(sorted(points, key=lambda point: point.start)),
        )
        for key, points in grouped.items()
    )


def sources_of(values: list[Value]) -> tuple[ChartSource, ...]:
    """The sources of these values, each once, the most recent first."""
    seen: dict[int, Source] = {}
    for value in sorted(values, key=lambda v: v.period_start, reverse=True):
        seen.setdefault(value.source_id, value.source)
    return tuple(_chart_source(source) for source in seen.values())


def granularity_of(values: list[Value]) -> Granularity:
    if not values:
        return Granularity.YEAR
    return Granularity(values[0].granularity)


def chart_data(indicator: Indicator, *, key: str = "") -> ChartData:
    """What the chart of ``indicator`` shows in the reader's language.

    Reads what ``with_facts`` loaded (without it: up to three queries for
    this indicator alone). ``key`` makes element ids unique on a page with
    several charts (default: the slug)."""
    original, texts = indicator.original, indicator.texts
    values = list(original.values.all())
    return ChartData(
        key=key or original.slug,
        title=texts.title,
        description=texts.description,
        unit=texts.unit,
        kind=original.chart_kind,
        granularity=granularity_of(values),
        series=series_of(indicator, values),
        sources=sources_of(values),
        is_example=original.is_example,
        language=text_language(indicator),
        csv_url=reverse("figures:csv", args=[original.slug]),
        json_url=reverse("figures:json", args=[original.slug]),
        decimals=original.decimals,
    )
