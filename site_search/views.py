"""The search page: ``/suche/?q=…`` (``&typ=seiten`` for one kind, ``&seite=2``).

Whatever the query holds (quotes, operators, NUL bytes, broken UTF-8, ten
thousand characters), the answer is a page that says what was searched for
and what was found: 200, or 400 for an unknown ``typ``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.listing import PAGE_PARAMETER

from .normalise import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, parse_query
from .search import KIND_KEYS, site_search


@require_safe
def search(request):
    query = parse_query(request.GET.get("q", ""))
    only = request.GET.get("typ", "")
    status, error = 200, ""
    if only not in ("", *KIND_KEYS):
        status, only = 400, ""
        error = _("Diese Art von Ergebnissen gibt es nicht. Sie sehen alle Ergebnisse.")
    groups = []
    if query.terms:
        groups = site_search(
            request, query, only=only, page_number=request.GET.get(PAGE_PARAMETER)
        )
    search_url = reverse("site_search:search")
    base_query = {"q": query.text}
    kinds = [
        {
            "key": group.key,
            "label": group.label,
            "count": group.count,
            "url": f"{search_url}?{urlencode({**base_query, 'typ': group.key})}",
            "is_current": group.key == only,
        }
        for group in groups
    ]
    response = TemplateResponse(
        request,
        "site_search/search.html",
        {
            "query": query,
            "only": only,
            "groups": [group for group in groups if group.hits],
            "kinds": kinds,
            "total": sum(group.count for group in groups),
            "all_url": f"{search_url}?{urlencode(base_query)}",
            # The pagination links keep the query and the kind.
            "filter_query": urlencode({**base_query, "typ": only}),
            "error": error,
            "max_length": MAX_QUERY_LENGTH,
            "max_words": MAX_QUERY_WORDS,
            "breadcrumb_links": [
                (_("Startseite"), reverse("wagtail_serve", args=[""]))
            ],
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response
