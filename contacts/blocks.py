"""A contact from the directory, placed on any page. It is a reference, so a
change in the directory shows on every page at once."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock


class ContactBlock(blocks.StructBlock):
    person = SnippetChooserBlock("contacts.Person", label=_("Person"), required=False)
    organisation = SnippetChooserBlock(
        "contacts.Organisation", label=_("Organisation"), required=False
    )
    heading = blocks.CharBlock(
        label=_("Überschrift"),
        required=False,
        max_length=120,
        help_text=_("z. B. „Ihre Ansprechpartnerin“; leer lassen für keine."),
    )

    class Meta:
        icon = "user"
        label = _("Kontakt aus dem Adressverzeichnis")
        template = "contacts/blocks/contact_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("person")) == bool(value.get("organisation")):
            message = _("Bitte genau eines wählen: eine Person oder eine Organisation.")
            raise StructBlockValidationError(
                block_errors={
                    "person": ErrorList([ValidationError(message)]),
                    "organisation": ErrorList([ValidationError(message)]),
                }
            )
        return value
