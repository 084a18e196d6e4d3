"""Page links in rich text at a fixed cost per page, not per paragraph.

Wagtail expands the ``<a linktype="page" id="…">`` links of each rich text
on its own: three queries for every paragraph with a link (the page's type,
the specific page, the active locale for ``.localized``). Here the rich text
blocks of a page announce their linked pages before rendering
(``preload_page_links``, called from ``ParagraphBlock.bulk_to_python``), which
are then read in one query and kept for the request; ``SitePageLinkHandler``
takes them from there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from caching.request_memo import request_memo
from core.translations import localized

PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>")
LINK_ID = re.compile(r"\bid=\"(\d+)\"")


def _load(memo: dict, ids: Iterable[str]) -> None:
    missing = {page_id for page_id in ids if page_id not in memo}
    if not missing:
        return
    # The URL needs no page-type fields: plain pages, one query.
    pages = Page.objects.filter(id__in=missing).defer_streamfields()
    found = {str(page.pk): page for page in pages}
    for page_id in missing:
        memo[page_id] = found.get(page_id)


def preload_page_links(sources: Iterable) -> None:
    """Read the pages linked from these rich texts in one query (in a request)."""
    memo = request_memo("rich_text_pages")
    if memo is None:
        return
    ids = []
    for source in sources:
        for link in PAGE_LINK.findall(str(source or "")):
            if match := LINK_ID.search(link):
                ids.append(match.group(1))
    _load(memo, ids)


class SitePageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler with the pages of the request's memo."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        memo = request_memo("rich_text_pages")
        if memo is None:
            return super().get_many(attrs_list)
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        _load(memo, ids)
        return [memo[page_id] for page_id in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(localized(page).url)}">' if page else "<a>"
            for page in cls.get_many(attrs_list)
        ]
