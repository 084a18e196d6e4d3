"""Feeds: follow a measure or a whole field of action (Atom), or all new
working papers (Atom and RSS 2.0)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .feed_selectors import FeedEvent, WorkingPaper


class MeasureEventsFeed(Feed):
    """Status changes and new versions of the working paper, newest first."""

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


class WorkingPapersFeed(Feed):
    """New working papers (measure sheets, their documents, status analyses),
    newest first; as Atom or RSS 2.0."""

    def __init__(
        self,
        *,
        feed_type,
        title: str,
        subtitle: str,
        link: str,
        papers: list[WorkingPaper],
        link_for: Callable[[WorkingPaper], str],
    ):
        super().__init__()
        self.feed_type = feed_type
        self._title = title
        self._subtitle = subtitle
        self._link = link
        self._papers = papers
        self._link_for = link_for

    def title(self):
        return self._title

    def subtitle(self):
        return self._subtitle

    def description(self):
        return self._subtitle

    def link(self):
        return self._link

    def items(self):
        return self._papers

    def item_title(self, item: WorkingPaper):
        return item.title

    def item_description(self, item: WorkingPaper):
        return item.description or item.title

    def item_link(self, item: WorkingPaper):
        return self._link_for(item)

    def item_guid(self, item: WorkingPaper):
        return f"{self._link}#{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: WorkingPaper):
        return item.when

    def item_updateddate(self, item: WorkingPaper):
        return item.updated or item.when
