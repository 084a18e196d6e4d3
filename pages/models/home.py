from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from pages.blocks import QuickLinkBlock, TeaserBlock

from .base import BasePage


class HomePage(BasePage):
    """The start page ("Flüchtlinge in Flensburg").

    Phones first: the most-asked-for links ("Oft gesucht") come before the
    teasers, so a visitor reaches them without scrolling.
    """

    quick_links = StreamField(
        [("link", QuickLinkBlock())],
        blank=True,
        verbose_name=_("Oft gesucht"),
        help_text=_("Die wichtigsten Ziele, in der Reihenfolge ihrer Bedeutung."),
    )
    teasers = StreamField(
        [("teaser", TeaserBlock())],
        blank=True,
        verbose_name=_("Teaser"),
        help_text=_(
            "Kurze Einstiege in die Bereiche der Website, jeweils mit „Mehr“-Link."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("quick_links"),
        FieldPanel("teasers"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("last_reviewed")], heading=_("Aktualität")),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.OfficePage",
        "pages.CheckUpPage",
        "pages.InfoIndexPage",
        "pages.StateLinksPage",
        "pages.HelpPage",
        "pages.ContentPage",
    ]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")
