"""Situation in figures: indicators and their values, each value with its
source and licence (``figures``). The same data as the pages under
``/zahlen/`` and their JSON downloads."""

from __future__ import annotations

from typing import Annotated

from django.urls import reverse

from ninja import Field, Path, Query, Router, Schema

from core.translations import default_locale_only
from figures import selectors
from figures.downloads import indicator_data
from figures.models import Indicator

from .common import (
    DETAIL_ERRORS,
    LIST_ERRORS,
    SLUG,
    Choice,
    ListEnvelope,
    ListParams,
    LocaleParams,
    absolute,
    api_url,
    labels_in,
    not_found,
    paginate,
    requested_language,
)

router = Router(tags=["indicators"])

IndicatorSlug = Annotated[
    str,
    Path(max_length=80, pattern=SLUG, description="Slug, the same in every language."),
]


class IndicatorFilters(ListParams, LocaleParams):
    pass


class LicenceOut(Schema):
    code: str = Field(description="e.g. `dl-de/by-2-0`, `cc-by-4.0`, `other`.")
    name: str
    url: str


class SourceOut(Schema):
    id: int
    publisher: str
    title: str
    url: str
    retrieved: str | None = Field(description="ISO date the figures were retrieved.")
    licence: LicenceOut
    entered_by: str = Field(
        description="Full name of the editor who entered it, if known."
    )


class ValueOut(Schema):
    period: str = Field(description="`31.12.2016`, `12/2016`, `Q4/2016` or `2016`.")
    granularity: str = Field(description="`day`, `month`, `quarter` or `year`.")
    start: str = Field(description="ISO date: the day, or the period's first day.")
    end: str | None = Field(
        description="ISO date: the period's last day (null for a day)."
    )
    breakdown: str | None = Field(
        description="Key of the breakdown value; null: total."
    )
    breakdown_label: str | None
    value: float
    source: int = Field(description="`id` of one of `sources`.")


class IndicatorOut(Schema):
    slug: str
    title: str
    language: str = Field(
        description="Language of the texts (`de` where not translated)."
    )
    description: str
    unit: str
    counts: str = Field(description="What is counted.")
    method_note: str
    chart_kind: str = Field(description="`line` or `bar`.")
    breakdown: Choice | None = Field(description="What the values are broken down by.")
    decimals: int
    is_example: bool = Field(description="Example data, not real figures.")
    page_url: str
    csv_url: str
    detail_url: str


class IndicatorDetailOut(IndicatorOut):
    values: list[ValueOut]
    sources: list[SourceOut]


class IndicatorList(ListEnvelope):
    items: list[IndicatorOut]


def _links(request, data: dict) -> dict:
    slug = data["slug"]
    data["page_url"] = absolute(request, reverse("figures:detail", args=[slug]))
    data["csv_url"] = absolute(request, reverse("figures:csv", args=[slug]))
    data["detail_url"] = api_url(request, "indicator_detail", slug=slug)
    return data


@router.get(
    "",
    response={200: IndicatorList, **LIST_ERRORS},
    summary="List indicators",
    description=(
        "Every indicator in its order, texts in the language asked for "
        "(German where not translated); the values are in each indicator's detail."
    ),
)
def indicator_list(request, filters: Query[IndicatorFilters]):
    code = requested_language(filters)
    originals = default_locale_only(Indicator.objects.all()).order_by(
        "sort_order", "title", "pk"
    )
    items, envelope = paginate(request, originals, filters)
    with labels_in(code):
        items = selectors.with_texts(items)
        envelope["items"] = [
            _links(request, indicator_data(indicator, with_values=False))
            for indicator in items
        ]
    return envelope


@router.get(
    "/{slug}",
    response={200: IndicatorDetailOut, **DETAIL_ERRORS},
    summary="One indicator with all its values",
    description="Every value with its period, breakdown and source; each source with its licence.",
)
def indicator_detail(request, slug: IndicatorSlug, filters: Query[LocaleParams]):
    code = requested_language(filters)
    with labels_in(code):
        indicator = selectors.indicator_by_slug(slug)
        if indicator is None:
            raise not_found("There is no indicator with this slug.")
        return _links(request, indicator_data(indicator))
