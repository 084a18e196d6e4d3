"""Filtered, paginated lists driven by a GET form (shareable URLs, no JavaScript)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property
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


class Listing:
    """One page of a filtered list. The list and its count are queried on
    first use: not at all when the rendered list comes from the fragment
    cache (caching.page_cache). ``prepare`` turns the page's objects into what
    the template shows (translations, URLs)."""

    def __init__(
        self,
        paginator: Paginator,
        page_number,
        *,
        query: str,
        is_filtered: bool,
        status: int,
        prepare: Callable | None = None,
    ):
        self.paginator = paginator
        self.page_number = page_number
        self.query = query  # the filter part of the URL, without the page number
        self.is_filtered = is_filtered
        self.status = status  # 400 when a filter value does not exist
        self.prepare = prepare

    @cached_property
    def page_obj(self) -> Page:
        page = self.paginator.get_page(self.page_number)
        if self.prepare is not None:
            page.object_list = self.prepare(page.object_list)
        return page

    @cached_property
    def count(self) -> int:
        return self.paginator.count


def filtered_listing(
    request,
    *,
    form: forms.Form,
    list_all: Callable,
    list_filtered: Callable,
    per_page: int,
    prepare: Callable | None = None,
) -> Listing:
    """Apply a bound filter form; on bad values show everything with a 400."""
    valid = form.is_bound and form.is_valid()
    items = list_filtered(form) if valid else list_all()
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    return Listing(
        Paginator(items, per_page),
        request.GET.get(PAGE_PARAMETER),
        query=query.urlencode(),
        is_filtered=valid and any(form.cleaned_data.values()),
        status=400 if form.is_bound and not valid else 200,
        prepare=prepare,
    )
