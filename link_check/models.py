from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkKind(models.TextChoices):
    PAGE = "page", _("Seite dieser Website")
    DOCUMENT = "document", _("Dokument")
    EXTERNAL = "external", _("Externe Adresse")


class FoundLink(models.Model):
    """One link in one field of one object, and what its last check found.

    Written only by the ``check_links`` command: it adds the links it finds,
    drops those no longer in the content, and records each check. ``ok`` is
    empty until the first check. ``target`` is the URL of an external link,
    or the id of the page or document linked to.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("Art des Inhalts")
    )
    object_id = models.CharField(_("Nummer des Inhalts"), max_length=64)
    object_label = models.CharField(_("Inhalt"), max_length=255)
    field_name = models.CharField(_("Feldname"), max_length=100)
    field_label = models.CharField(_("Feld"), max_length=255)
    kind = models.CharField(_("Art des Links"), max_length=20, choices=LinkKind)
    target = models.CharField(_("Ziel"), max_length=2000)
    ok = models.BooleanField(_("Funktioniert"), null=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP-Status"), null=True)
    error = models.CharField(_("Fehler"), max_length=500, blank=True)
    first_found = models.DateTimeField(_("Zuerst gefunden"), auto_now_add=True)
    last_checked = models.DateTimeField(_("Zuletzt geprüft"), null=True)

    class Meta:
        verbose_name = _("Gefundener Link")
        verbose_name_plural = _("Gefundene Links")
        ordering = ["content_type", "object_label", "field_label"]
        indexes = [models.Index(fields=["ok"], name="link_check_ok")]

    def __str__(self) -> str:
        return f"{self.object_label}: {self.target}"
