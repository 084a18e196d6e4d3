"""The Wagtail page tree of the site (see DESIGN.md, "The content tree")."""

from .accessibility import AccessibilityStatementPage, BarrierReport
from .base import BasePage
from .home import HomePage
from .sections import (
    CheckUpPage,
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
    "CheckUpPage",
    "ContentPage",
    "HelpPage",
    "HomePage",
    "InfoIndexPage",
    "InfoPage",
    "OfficePage",
    "SiteSettings",
    "StateLinksPage",
]
