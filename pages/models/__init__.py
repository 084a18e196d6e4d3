"""The Wagtail page tree of the site (../shared/DESIGN.md, "The content tree"):
the home page, the office, refugee information, state links, help and the
legal pages, and the page base every page type builds on. The sections with
their own feature live in their own apps: ``integration_checkup``, ``events``,
``news``."""

from .accessibility import AccessibilityStatementPage
from .barrier_report import BarrierReport
from .base import BasePage
from .home import HomePage
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
    "HelpPage",
    "HomePage",
    "InfoIndexPage",
    "InfoPage",
    "OfficePage",
    "SiteSettings",
    "StateLinksPage",
]
