"""Media models shared by every app: documents and images.

They are custom models from the first migration on, because Wagtail cannot
switch document or image models later without a data migration.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.search import index

from core.document_text import extract_text
from core.search_text import search_terms_for, searchable_texts


class SiteDocument(AbstractDocument):
    """A downloadable file (working paper, form, leaflet).

    BITV 2.0 requires saying whether a PDF is accessible, so editors set it.
    The text inside the file is extracted on upload (``extracted_text``), so
    that the site search finds documents by their content.
    """

    accessible = models.BooleanField(
        _("barrierefrei"),
        default=False,
        help_text=_(
            "Ankreuzen, wenn das Dokument barrierefrei ist (z. B. ein getaggtes PDF/UA). "
            "Die Angabe wird neben dem Download-Link angezeigt."
        ),
    )

    extracted_text = models.TextField(
        _("Text des Dokuments"),
        blank=True,
        editable=False,
        help_text=_("Beim Hochladen ausgelesen; die Suche findet Dokumente damit."),
    )

    # Set by the app whose unpublished content is the document's only use
    # (the file of a new version in a measure sheet's draft), cleared when
    # content that uses it is published (core.document_publication).
    awaits_publication = models.BooleanField(
        _("wartet auf Veröffentlichung"),
        default=False,
        # Also in the database: rows written without the field (migrations
        # of other apps, with their historical models) are public.
        db_default=False,
        editable=False,
        help_text=_(
            "Nur im Entwurf verwendet: für Besucherinnen und Besucher erst "
            "abrufbar, wenn der Inhalt veröffentlicht ist, der es verwendet."
        ),
    )

    admin_form_fields = (*WagtailDocument.admin_form_fields, "accessible")
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("extracted_text"),
        # German-aware keys of title and text, what the site search asks for.
        index.AutocompleteField("search_terms"),
        index.FilterField("awaits_publication"),
    ]

    def clean(self):
        # Wagtail checks the extension here even when the form has already
        # rejected the upload and the new document has no file; editors would
        # then read "extension '' not allowed" next to the real reason
        # (uploads are checked in core.forms).
        if self.file:
            super().clean()

    def _set_document_file_metadata(self):
        """Wagtail calls this for every new or replaced file (add and edit
        views, multiple upload), so the text is read exactly then."""
        super()._set_document_file_metadata()
        self.extracted_text = extract_text(self.file, name=self.file.name)

    @property
    def search_terms(self) -> str:
        return search_terms_for(title=self.title, texts=searchable_texts(self))

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        permissions = [("choose_document", "Can choose document")]


class SiteImage(AbstractImage):
    """An image with its credit line, which German copyright law asks us to show."""

    credit = models.CharField(
        _("Bildnachweis"),
        max_length=255,
        blank=True,
        help_text=_("Urheber/in und ggf. Lizenz, z. B. „Foto: Stadt Flensburg“."),
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")
        permissions = [("choose_image", "Can choose image")]


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(
        SiteImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
