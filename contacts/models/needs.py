from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .organisations import Organisation
from .places import Place


class Need(models.Model):
    """Something an organisation needs now ("Aktuell gesucht").

    It disappears from the site by itself after ``needed_until``.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="needs",
        verbose_name=_("Organisation"),
    )
    title = models.CharField(_("Was gebraucht wird"), max_length=200)
    details = models.TextField(_("Einzelheiten"), blank=True)
    needed_until = models.DateField(
        _("Gebraucht bis"), help_text=_("Danach verschwindet der Eintrag von selbst.")
    )
    drop_off_place = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Wo abgeben"),
        help_text=_("Leer lassen, wenn es der Ort der Organisation ist."),
    )
    drop_off_times = models.CharField(
        _("Wann abgeben"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Mo–Fr 10–16 Uhr“"),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("title"),
        FieldPanel("details"),
        FieldPanel("needed_until"),
        FieldPanel("drop_off_place"),
        FieldPanel("drop_off_times"),
    ]

    class Meta:
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Aktuell gesucht")
        ordering = ["needed_until", "title"]

    def __str__(self) -> str:
        return self.title
