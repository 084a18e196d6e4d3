"""Filtered, paginated lists driven by a GET form (shareable URLs, no JavaScript)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.paginator import Page, Paginator
from django.utils.translation import gettext_lazy as _

PAGE_PARAMETER = "seite"
QUERY_MAX_LENGTH = 200


def search_query_field() -> forms.CharField:
    """The free-text field of a filter form."""
    return forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "Der Suchbegriff ist zu lang: höchstens %(limit_value)d Zeichen."
            )
        },
    )


@dataclass
class Listing:
    page_obj: Page
    count: int
    query: str  # the filter part of the URL, without the page number
    is_filtered: bool
    status: int  # 400 when a filter value does not exist


def filtered_listing(
    request,
    *,
    form: forms.Form,
    list_all: Callable,
    list_filtered: Callable,
    per_page: int,
) -> Listing:
    """Apply a bound filter form; on bad values show everything with a 400."""
    valid = form.is_bound and form.is_valid()
    items = list_filtered(form) if valid else list_all()
    paginator = Paginator(items, per_page)
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    return Listing(
        page_obj=paginator.get_page(request.GET.get(PAGE_PARAMETER)),
        count=paginator.count,
        query=query.urlencode(),
        is_filtered=valid and any(form.cleaned_data.values()),
        status=400 if form.is_bound and not valid else 200,
    )
