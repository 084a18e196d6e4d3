from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from contacts.blocks import contact_search_words
from core.freshness import freshness_panel
from pages.views import barrier_report, barrier_report_thanks

from .base import BasePage
from .site_settings import SiteSettings


class ConformanceStatus(models.TextChoices):
    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")


BARRIER_REASONS = [
    ("not_yet_fixed", _("Noch nicht behoben")),
    ("disproportionate_burden", _("Unverhältnismäßige Belastung")),
    ("out_of_scope", _("Nicht im Anwendungsbereich der Regelungen")),
]


class BarrierValue(blocks.StructValue):
    @property
    def reason_label(self) -> str:
        return dict(BARRIER_REASONS).get(self.get("reason"), "")


class BarrierBlock(blocks.StructBlock):
    """A known barrier, why it is there, and how to get the content anyway."""

    title = blocks.CharBlock(label=_("Barriere"), max_length=200)
    description = blocks.TextBlock(label=_("Beschreibung"))
    reason = blocks.ChoiceBlock(label=_("Begründung"), choices=BARRIER_REASONS)
    alternative = blocks.TextBlock(
        label=_("Alternativer Zugang"),
        required=False,
        help_text=_("Wie Menschen die Inhalte trotzdem bekommen."),
    )
    planned_fix = blocks.CharBlock(
        label=_("Geplante Abhilfe"), required=False, max_length=200
    )

    class Meta:
        icon = "warning"
        label = _("Bekannte Barriere")
        template = "components/blocks/barrier_block.html"
        value_class = BarrierValue


class AccessibilityStatementPage(RoutablePageMixin, BasePage):
    """The Erklärung zur Barrierefreiheit (BfWebV SH / LBGG SH): status, known
    barriers with reasons, last review, feedback route and complaints office,
    with a form that stores every report of a barrier."""

    conformance_status = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=20,
        choices=ConformanceStatus.choices,
        default=ConformanceStatus.PARTIAL,
    )
    barriers = StreamField(
        [("barrier", BarrierBlock())],
        blank=True,
        verbose_name=_("Nicht barrierefreie Inhalte"),
    )
    evaluation_method = models.TextField(
        _("Grundlage der Erklärung"),
        blank=True,
        help_text=_("z. B. „Selbstbewertung“ oder „Prüfung durch …“, mit Datum."),
    )
    statement_date = models.DateField(_("Erstellt am"))
    last_review = models.DateField(_("Zuletzt überprüft am"))
    feedback_contact = RichTextField(
        _("Hinweis zu Rückmeldungen"),
        features=["bold", "link"],
        blank=True,
        help_text=_(
            "Name, Telefon und E-Mail der Ansprechperson zeigt die Seite von selbst "
            "aus dem Adressverzeichnis (Website-Einstellungen → Verantwortliche "
            "Ansprechperson); hier nichts davon eintippen."
        ),
    )
    complaints_office = RichTextField(
        _("Beschwerdestelle"),
        features=["bold", "link"],
        help_text=_(
            "Die Beschwerdestelle für barrierefreie Informationstechnik des Landes."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("conformance_status"),
                FieldPanel("evaluation_method"),
                FieldPanel("statement_date"),
                FieldPanel("last_review"),
            ],
            heading=_("Stand"),
        ),
        FieldPanel("barriers"),
        FieldPanel("feedback_contact"),
        FieldPanel("complaints_office"),
        FieldPanel("body"),
        freshness_panel("last_reviewed"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")

    @property
    def contact_search_text(self) -> str:
        """The page shows the responsible person (or the office) from the
        site settings under "Barriere melden"."""
        contact = SiteSettings.contact()
        words = contact_search_words(
            person=contact.person,
            organisation=None if contact.person else contact.office,
        )
        return f"{super().contact_search_text} {words}".strip()

    @path("barriere-melden/", name="report")
    def report(self, request):
        return barrier_report(request, self)

    @path("barriere-melden/danke/<str:token>/", name="report_thanks")
    def report_thanks(self, request, token):
        return barrier_report_thanks(request, self, token)
