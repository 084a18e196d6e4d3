"""The Wagtail page tree of the site (../shared/DESIGN.md, "The content tree"):
the home page, the office, refugee information, state links, help, events,
news and the legal pages. The Check Up Integration page lives in its own app
(``integration_checkup``)."""

from .accessibility import AccessibilityStatementPage, BarrierReport
from .base import BasePage
from .events import EventIndexPage, EventPage, EventTopic
from .home import HomePage
from .news import NewsIndexPage, NewsPage
from .sections import (
    ContentPage,
    HelpPage,
    InfoIndexPage,
    InfoPage,
    OfficePage,
    StateLinksPage,
)
from .site_settings import SiteSettings

__all__ = [
    "AccessibilityStatementPage",
    "BarrierReport",
    "BasePage",
    "ContentPage",
    "EventIndexPage",
    "EventPage",
    "EventTopic",
    "HelpPage",
    "HomePage",
    "InfoIndexPage",
    "InfoPage",
    "NewsIndexPage",
    "NewsPage",
    "OfficePage",
    "SiteSettings",
    "StateLinksPage",
]
