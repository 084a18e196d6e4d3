"""News (Aktuelles): short dated reports with RSS and Atom feeds."""

from __future__ import annotations

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from caching.routing import url_for_request
from core.freshness import freshness_panel
from core.listing import PAGE_PARAMETER
from core.translations import localize_objects
from news import feeds
from pages.models import BasePage

NEWS_PER_PAGE = 10
FEED_ITEMS = 20


class NewsPage(BasePage):
    """One news item. ``date`` is the publication date readers see and the
    order of the list and feeds; it is set by editors (default: today), so a
    correction later does not move the item to the top. The sharing image
    (``social_image``) doubles as the teaser image."""

    date = models.DateField(
        _("Datum"),
        default=datetime.date.today,
        help_text=_("Wird über der Meldung angezeigt und bestimmt die Reihenfolge."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        freshness_panel("last_reviewed"),
    ]
    search_fields = [*BasePage.search_fields, index.FilterField("date")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = self.get_parent().specific
        if isinstance(index, NewsIndexPage):
            context["feed_links"] = index.feed_links(request)
            context["news_index"] = index
        return context


class NewsIndexPage(RoutablePageMixin, BasePage):
    """ "Aktuelles": the news, newest first, with RSS 2.0 and Atom feeds
    (``feed/rss/``, ``feed/atom/``). Built from the German originals with
    each item's translation where one exists."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Nachrichtenübersicht")
        verbose_name_plural = _("Nachrichtenübersichten")

    @path("", name="list")
    def news_list(self, request):
        paginator = Paginator(self.news(), NEWS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get(PAGE_PARAMETER))
        page_obj.object_list = self._localized(page_obj.object_list)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "feed_links": self.feed_links(request),
            },
        )

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return self._feed(request, feed_type=feeds.Rss201rev2Feed)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return self._feed(request, feed_type=feeds.Atom1Feed)

    def news(self):
        """Published news below the German original of this index, newest first."""
        return (
            NewsPage.objects.child_of(self.german_original())
            .live()
            .public()
            .order_by("-date", "-first_published_at", "-pk")
        )

    def feed_links(self, request) -> list[feeds.FeedLink]:
        base = url_for_request(self, request)
        return [
            feeds.FeedLink(
                url=base + self.reverse_subpage("feed_rss"),
                media_type="application/rss+xml",
                label=_("RSS-Feed"),
            ),
            feeds.FeedLink(
                url=base + self.reverse_subpage("feed_atom"),
                media_type="application/atom+xml",
                label=_("Atom-Feed"),
            ),
        ]

    @staticmethod
    def _localized(news) -> list:
        return localize_objects(news, queryset=NewsPage.objects.all())

    def _feed(self, request, *, feed_type):
        items = self._localized(self.news()[:FEED_ITEMS])
        feed = feeds.NewsFeed(
            feed_type=feed_type,
            title=self.title,
            description=self.meta_description or self.title,
            link=request.build_absolute_uri(url_for_request(self, request)),
            items=items,
            url_for=lambda item: request.build_absolute_uri(
                url_for_request(item, request)
            ),
        )
        return feed(request)
