from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.freshness import freshness_panel
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

    easy_language_summary = models.TextField(
        _("Kurz in Leichter Sprache"),
        blank=True,
        help_text=_(
            "Wenige kurze Sätze in Leichter Sprache, direkt auf der Startseite."
        ),
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Mehr in Leichter Sprache"),
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Seite in Deutscher Gebärdensprache"),
        help_text=_("Seite mit dem Video in Deutscher Gebärdensprache (DGS)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("easy_language_summary"),
                FieldPanel("easy_language_page"),
                FieldPanel("sign_language_page"),
            ],
            heading=_("Leichte Sprache und Gebärdensprache"),
        ),
        FieldPanel("quick_links"),
        FieldPanel("teasers"),
        FieldPanel("body"),
        freshness_panel("last_reviewed"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    # Unrestricted: every page type says where it may be created
    # (parent_page_types), so a feature app adds its section page without
    # changing this one.
    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")
