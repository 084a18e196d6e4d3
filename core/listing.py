"""Filtered, paginated lists driven by a GET form (shareable URLs, no JavaScript)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django import forms
from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .search_words import fold

PAGE_PARAMETER = "seite"
QUERY_MAX_LENGTH = 200


def folded_matches(rows: Iterable[Sequence], query: str) -> list:
    """The keys of the rows whose texts contain every word of ``query``.

    Text and words are compared folded as the site search folds them
    (``core.search_words.fold``, German): case, umlauts and ß spelled out,
    accents, so "Boerse", "boerse" and "BÖRSE" find "Börse" and "Strasse"
    finds "Straße". A word matches anywhere inside a text, as ``icontains``
    did ("börse" finds "Praktikumsbörse", "Wohn" finds "Wohnungen"); each
    word may match another text of the row. ``rows`` are ``(key, text, ...)``;
    rows with the same key (one per related object) count as one.
    """
    words = [folded for word in query.split() if (folded := fold(word))]
    texts: dict = {}
    for key, *values in rows:
        texts.setdefault(key, {}).update(
            dict.fromkeys(value for value in values if value)
        )
    matches = []
    for key, values in texts.items():
        # Fields apart on lines: no query word (split on whitespace) spans two.
        folded = fold("\n".join(values))
        if all(word in folded for word in words):
            matches.append(key)
    return matches


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
