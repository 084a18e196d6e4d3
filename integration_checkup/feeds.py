"""Atom feeds: follow a measure or a whole field of action."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .selectors import FeedEvent


class MeasureEventsFeed(Feed):
    """Status changes and new documents, newest first."""

    feed_type = Atom1Feed

    def __init__(
        self,
        *,
        title: str,
        subtitle: str,
        link: str,
        events: list[FeedEvent],
        link_for: Callable[[object], str],
    ):
        super().__init__()
        self._title = title
        self._subtitle = subtitle
        self._link = link
        self._events = events
        self._link_for = link_for

    def title(self):
        return self._title

    def subtitle(self):
        return self._subtitle

    def link(self):
        return self._link

    def items(self):
        return self._events

    def item_title(self, item: FeedEvent):
        return item.title

    def item_description(self, item: FeedEvent):
        return item.description or item.title

    def item_link(self, item: FeedEvent):
        return self._link_for(item.measure)

    def item_guid(self, item: FeedEvent):
        return f"{self._link}#{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: FeedEvent):
        return item.when

    def item_updateddate(self, item: FeedEvent):
        return item.when
