"""RSS 2.0 and Atom feeds (Django syndication) of the news. The news index
builds the items (in the visitor's language) and passes them in. (The feed of
new working papers lives in ``integration_checkup.feeds``.)"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

__all__ = ["Atom1Feed", "FeedLink", "NewsFeed", "Rss201rev2Feed"]


@dataclass(frozen=True)
class FeedLink:
    """A feed for ``<link rel="alternate">`` in the head and a visible link."""

    url: str
    media_type: str
    label: str


def _noon(day: datetime.date) -> datetime.datetime:
    """A publication date as a moment: midday, Berlin time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


class NewsFeed(Feed):
    """The newest news items (given as a list), as RSS 2.0 or Atom."""

    def __init__(
        self,
        *,
        feed_type,
        title: str,
        description: str,
        link: str,
        items,
        url_for: Callable[[object], str],
    ):
        super().__init__()
        self._url_for = url_for
        self.feed_type = feed_type
        self._title = title
        self._description = description
        self._link = link
        self._items = items

    def title(self):
        return self._title

    def description(self):
        return self._description

    def subtitle(self):
        return self._description

    def link(self):
        return self._link

    def items(self):
        return self._items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro or item.search_description or item.title

    def item_link(self, item):
        return self._url_for(item)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return _noon(item.date)

    def item_updateddate(self, item):
        return item.last_published_at or _noon(item.date)
