from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import ExternalLinkBlock

from .base import BasePage


class OfficePage(BasePage):
    """The coordination office: its mission, funding, partners and contact person."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Koordinierungsstelle")
        verbose_name_plural = _("Koordinierungsstellen")


class CheckUpPage(BasePage):
    """The "Check Up Integration" process: its text part.

    The working papers (status analyses, measure sheets) are models of the
    ``integration_checkup`` app and are shown here once that app exists.
    """

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Check Up Integration")
        verbose_name_plural = _("Check Up Integration")


class InfoIndexPage(BasePage):
    """ "Flüchtlinge in Flensburg": introduction plus a list of its topic pages."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.InfoPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Informationsübersicht")
        verbose_name_plural = _("Informationsübersichten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = (
            InfoPage.objects.child_of(self).live().public().order_by("path")
        )
        return context


class InfoPage(BasePage):
    """One topic under "Flüchtlinge in Flensburg" (facts, responsibilities, benefits, ...)."""

    parent_page_types = ["pages.InfoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Informationsseite")
        verbose_name_plural = _("Informationsseiten")


class StateLinksPage(BasePage):
    """Curated links to the State of Schleswig-Holstein's information for refugees."""

    links = StreamField(
        [("link", ExternalLinkBlock())],
        blank=True,
        verbose_name=_("Angebote"),
        help_text=_("Externe Angebote mit Anbieter und kurzer Beschreibung."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("links"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("last_reviewed")], heading=_("Aktualität")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("links")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Linksammlung Landesangebote")
        verbose_name_plural = _("Linksammlungen Landesangebote")


class HelpPage(BasePage):
    """ "Wie kann geholfen werden?": how residents can help, and whom to ask."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Helfen-Seite")
        verbose_name_plural = _("Helfen-Seiten")


class ContentPage(BasePage):
    """A general page: Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, ..."""

    parent_page_types = [
        "pages.HomePage",
        "pages.OfficePage",
        "pages.HelpPage",
        "pages.ContentPage",
    ]
    subpage_types = ["pages.ContentPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
