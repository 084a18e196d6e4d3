"""The search page: ``/suche/?q=…`` (``&typ=seiten`` for one kind, ``&seite=2``).

Whatever the query holds (quotes, operators, NUL bytes, broken UTF-8, ten
thousand characters), the answer is a page that says what was searched for
and what was found: 200, or 400 for an unknown ``typ``. The query is read in
the page's language (and in German); one that finds little gets a
"Meinten Sie …?" link when the index knows a better one.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.listing import PAGE_PARAMETER

from .kinds import KIND_KEYS
from .normalise import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, parse_query
from .search import site_search
from .suggest import search_suggestion


class SearchResults:
    """What the page lists, searched for on first use: not at all when the
    rendered list comes from the fragment cache (caching.page_cache)."""

    def __init__(self, request, query, only: str, page_number, search_url: str):
        self.request = request
        self.query = query
        self.only = only
        self.page_number = page_number
        self.search_url = search_url

    @cached_property
    def all_groups(self) -> list:
        if not self.query.terms:
            return []
        return site_search(
            self.request, self.query, only=self.only, page_number=self.page_number
        )

    @cached_property
    def groups(self) -> list:
        return [group for group in self.all_groups if group.hits]

    @cached_property
    def kinds(self) -> list[dict]:
        base_query = {"q": self.query.text}
        return [
            {
                "key": group.key,
                "label": group.label,
                "count": group.count,
                "url": f"{self.search_url}?{urlencode({**base_query, 'typ': group.key})}",
                "is_current": group.key == self.only,
            }
            for group in self.all_groups
        ]

    @cached_property
    def total(self) -> int:
        return sum(group.count for group in self.all_groups)

    @cached_property
    def suggestion(self):
        """ "Meinten Sie …?" when the query finds nothing or very little."""
        if not self.query.terms:
            return None
        return search_suggestion(
            self.request, self.query, found=self.total, search_url=self.search_url
        )


@require_safe
def search(request):
    query = parse_query(request.GET.get("q", ""), get_language())
    only = request.GET.get("typ", "")
    status, error = 200, ""
    if only not in ("", *KIND_KEYS):
        status, only = 400, ""
        error = _("Diese Art von Ergebnissen gibt es nicht. Sie sehen alle Ergebnisse.")
    search_url = reverse("site_search:search")
    base_query = {"q": query.text}
    start = (_("Startseite"), reverse("wagtail_serve", args=[""]))
    results = SearchResults(
        request, query, only, request.GET.get(PAGE_PARAMETER), search_url
    )
    response = TemplateResponse(
        request,
        "site_search/search.html",
        {
            "query": query,
            "only": only,
            "results": results,
            "all_url": f"{search_url}?{urlencode(base_query)}",
            # The pagination links keep the query and the kind.
            "filter_query": urlencode({**base_query, "typ": only}),
            "error": error,
            "max_length": MAX_QUERY_LENGTH,
            "max_words": MAX_QUERY_WORDS,
            "breadcrumb_links": [start],
            # As navigation/breadcrumbs.html lists them (title, url, language).
            "breadcrumb_items": [{"title": start[0], "url": start[1], "lang": ""}],
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response
