from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from contacts.views import directory_context
from core.freshness import freshness_panel
from pages.blocks import ExternalLinkBlock

from .base import BasePage, handout_text


class OfficePage(BasePage):
    """The coordination office: its mission, funding, partners and contact person.

    ``organisation`` links the office to its directory entry, which gives the
    page its opening hours and its schema.org data (GovernmentOffice).
    """

    organisation = models.ForeignKey(
        "contacts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Eintrag im Adressverzeichnis"),
        help_text=_("Anschrift und Öffnungszeiten dieser Stelle."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("organisation")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Koordinierungsstelle")
        verbose_name_plural = _("Koordinierungsstellen")


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


class InfoPage(RoutablePageMixin, BasePage):
    """One topic under "Flüchtlinge in Flensburg" (facts, responsibilities, benefits, ...)."""

    parent_page_types = ["pages.InfoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Informationsseite")
        verbose_name_plural = _("Informationsseiten")

    @path("handzettel/", name="handout")
    def handout(self, request):
        """The page on one printed sheet with a QR code to its address."""
        body, truncated = handout_text(
            self.body, {"request": request, "page": self, "self": self}
        )
        # The page's address in the language the handout was asked for.
        page_url = request.path.removesuffix(self.reverse_subpage("handout"))
        return self.render(
            request,
            template="pages/info_page_handout.html",
            context_overrides={
                "body": body,
                "truncated": truncated,
                "back_url": page_url,
                "handout_url": request.build_absolute_uri(page_url),
                "reviewed": self.last_reviewed,
                "breadcrumb_trail": [(_("Handzettel"), "")],
            },
        )


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
        freshness_panel("last_reviewed"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("links")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Linksammlung Landesangebote")
        verbose_name_plural = _("Linksammlungen Landesangebote")


class HelpPage(BasePage):
    """ "Wie kann geholfen werden?": how residents can help, the current needs
    and the directory of organisations (filterable, from the ``contacts`` app)."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Helfen-Seite")
        verbose_name_plural = _("Helfen-Seiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A filter value that does not exist is the visitor's mistake: 400.
        response.status_code = response.context_data.get("directory_status", 200)
        return response


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
