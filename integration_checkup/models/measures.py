from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.freshness import FreshnessMixin, freshness_panel
from core.search_text import search_terms_for, searchable_texts

from .fields import FieldOfAction
from .versions import PAPER_VERSIONS_PANEL

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class MeasureStatus(models.TextChoices):
    """Where a measure stands. The order is the usual course of a measure."""

    DRAFT = "draft", _("Entwurf")
    FORUM = "forum", _("im Forum diskutiert")
    COMMITTEE = "committee", _("im Ausschuss beraten")
    ADOPTED = "adopted", _("beschlossen")
    IN_PROGRESS = "in_progress", _("in Umsetzung")
    DONE = "done", _("umgesetzt")
    DEFERRED = "deferred", _("zurückgestellt")


class MeasureSheet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    FreshnessMixin,
    index.Indexed,
    ClusterableModel,
):
    """A measure sheet (Maßnahmensteckbrief): a municipal measure as an object.

    Its current ``status`` is not typed in: it follows the newest entry of the
    dated status history, which the public sees. Draft/publish lets staff
    prepare a change before it goes live; the approval workflow
    (``editorial``) and locking come with Wagtail's snippet mixins. The next
    content check counts from the last publication.
    """

    review_basis_field = "last_published_at__date"

    number = models.PositiveSmallIntegerField(
        _("Nummer"),
        validators=[MinValueValidator(1)],
        help_text=_(
            "Die Nummer des Steckbriefs (1–22); bestimmt die Adresse der Seite."
        ),
    )
    title = models.CharField(_("Titel"), max_length=200)
    field_of_action = models.ForeignKey(
        FieldOfAction,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("Handlungsfeld"),
    )
    summary = models.TextField(_("Kurzbeschreibung"), max_length=1000)
    goals = RichTextField(_("Ziele"), features=RICH_TEXT_FEATURES, blank=True)
    responsible_body = models.CharField(_("Federführung"), max_length=200, blank=True)
    partners = models.TextField(_("Beteiligte und Partner"), blank=True)
    status = models.CharField(
        _("Aktueller Stand"),
        max_length=20,
        choices=MeasureStatus.choices,
        default=MeasureStatus.DRAFT,
        help_text=_("Ergibt sich aus dem jüngsten Eintrag im Statusverlauf."),
    )
    council_decision_url = models.URLField(
        _("Link zum Beschluss"),
        blank=True,
        help_text=_(
            "Adresse des Beschlusses im Ratsinformationssystem, falls vorhanden."
        ),
    )
    feedback_outcome = RichTextField(
        _("Was aus den Rückmeldungen wurde"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Was sich durch Rückmeldungen aus Forum und Website geändert hat."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("title"), FieldPanel("field_of_action")],
            heading=_("Steckbrief"),
        ),
        FieldPanel("summary"),
        FieldPanel("goals"),
        MultiFieldPanel(
            [FieldPanel("responsible_body"), FieldPanel("partners")],
            heading=_("Zuständigkeit"),
        ),
        FieldPanel("status", read_only=True),
        InlinePanel(
            "status_changes",
            heading=_("Statusverlauf"),
            label=_("Statuswechsel"),
            min_num=1,
            help_text=_(
                "Jeder Wechsel mit Datum. Der jüngste Eintrag ist der aktuelle Stand."
            ),
        ),
        FieldPanel("council_decision_url"),
        PAPER_VERSIONS_PANEL,
        FieldPanel("feedback_outcome"),
        freshness_panel(),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary"),
        index.SearchField("goals"),
        index.SearchField("responsible_body"),
        index.SearchField("partners"),
        index.SearchField("feedback_outcome"),
        # German-aware keys of the above and the field of action, what the
        # site search asks for (core.search_text, site_search.search).
        index.AutocompleteField("search_terms"),
        index.FilterField("status"),
        index.FilterField("field_of_action"),
        index.FilterField("live"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Maßnahmensteckbrief")
        verbose_name_plural = _("Maßnahmensteckbriefe")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "locale"],
                name="unique_measure_number_per_locale",
                violation_error_message=_(
                    "Es gibt schon einen Maßnahmensteckbrief mit dieser Nummer."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def paper(self):
        """The newest version of the working paper (from prefetched or
        in-memory versions), or None."""
        versions = self.paper_versions.all()
        return max(versions, key=lambda version: version.number or 0, default=None)

    @property
    def search_terms(self) -> str:
        return search_terms_for(
            title=self.title,
            texts=[*searchable_texts(self), self.field_of_action.name],
            language=self.locale.language_code,
        )


class MeasureStatusChange(Orderable):
    """One dated step in a measure's public status history."""

    measure = ParentalKey(
        MeasureSheet, on_delete=models.CASCADE, related_name="status_changes"
    )
    date = models.DateField(_("Datum"))
    status = models.CharField(_("Stand"), max_length=20, choices=MeasureStatus.choices)
    note = models.CharField(
        _("Anmerkung"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „Vorgestellt beim 3. Forum“ oder die Nummer der Vorlage."),
    )

    panels = [FieldPanel("date"), FieldPanel("status"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Statusverlauf")
        ordering = ["date", "sort_order"]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y}: {self.get_status_display()}"
