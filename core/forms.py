"""The admin form for documents, used by Wagtail's add, edit and multiple-upload views.

Wagtail builds its document forms on ``WAGTAILDOCS_DOCUMENT_FORM_BASE``; ours
swaps in a file field that enforces the allowed types and the size limit
(``core.validators``), so a rejected file never reaches the storage.

Replacing the file of a document deletes the old file (Wagtail's form does).
An app that must keep a document's file as it is (a published version of a
working paper) says so with the hook ``refuse_document_file_replacement``:
a function of the document that returns the editor's message, or None.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm

from core.formatting import format_file_size
from core.validators import ALLOWED_EXTENSIONS, validate_document_file


class DocumentFileField(WagtailDocumentField):
    """Wagtail's document file field with our limit, type check and German texts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_upload_size = settings.DOCUMENT_MAX_UPLOAD_SIZE
        self.max_upload_size_text = format_file_size(self.max_upload_size)
        self.help_text = _(
            "Erlaubt sind PDF, ODT, DOCX, XLSX und ODS bis %(max_size)s."
        ) % {"max_size": self.max_upload_size_text}
        # The multiple-upload page checks the size in the browser with this text.
        self.error_messages["file_too_large_unknown_size"] = _(
            "Die Datei ist zu groß. Erlaubt sind höchstens %(max_size)s."
        ) % {"max_size": self.max_upload_size_text}
        self.widget.attrs["accept"] = ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)

    def check_document_file_size(self, f):
        """Wagtail's own size check; ours runs together with the type check."""

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is not None:
            validate_document_file(uploaded, max_size=self.max_upload_size)
        return uploaded


class SiteDocumentForm(BaseDocumentForm):
    """Base of every document form in the admin (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail creates the file field itself (not through Meta), so replace
        # it here. The multiple-upload edit form has no file field.
        wagtail_field = self.fields.get("file")
        if wagtail_field is not None:
            self.fields["file"] = DocumentFileField(
                label=wagtail_field.label,
                required=wagtail_field.required,
                widget=wagtail_field.widget,
            )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "file" in self.changed_data:
            for refusal in hooks.get_hooks("refuse_document_file_replacement"):
                if message := refusal(self.instance):
                    self.add_error("file", message)
                    break
        return cleaned
