"""A contact from the directory, placed on any page. It is a reference, so a
change in the directory shows on every page at once."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock


def _card_lookups(prefix: str = "") -> list:
    """What an organisation card shows besides the organisation itself."""
    from contacts.models import OpeningHoursSlot

    return [
        f"{prefix}place",
        f"{prefix}categories",
        f"{prefix}languages",
        Prefetch(
            f"{prefix}opening_hours",
            queryset=OpeningHoursSlot.objects.order_by("weekday", "opens"),
        ),
    ]


class CardChooserBlock(SnippetChooserBlock):
    """A snippet chooser that loads, for all contact blocks of a page at once,
    everything the contact cards show: a fixed number of queries per page,
    not a few per contact."""

    def __init__(self, target_model, *, organisation_path: str, **kwargs):
        super().__init__(target_model, **kwargs)
        self.organisation_path = organisation_path

    def bulk_to_python(self, values):
        objects = super().bulk_to_python(values)
        prefix = f"{self.organisation_path}__" if self.organisation_path else ""
        prefetch_related_objects(
            [obj for obj in objects if obj is not None],
            *([self.organisation_path] if self.organisation_path else []),
            *_card_lookups(prefix),
        )
        return objects

    def deconstruct(self):
        # The same block as before for migrations: only the loading differs.
        _path, args, kwargs = super().deconstruct()
        kwargs.pop("organisation_path", None)
        return "wagtail.snippets.blocks.SnippetChooserBlock", args, kwargs


def contact_search_words(*, person=None, organisation=None) -> str:
    """Whom a contact shows, as search words: the person's name, the number
    as readers see it ("0461 85-1653": "1653" is a word) and the e-mail
    address. The admin search finds the pages that show a contact by these.
    Not the organisation's name: a search for a page's title (often an
    organisation's name) would list every page with its contact box first."""
    from contacts.models.organisations import phone_search_text

    words = []
    if person is not None:
        facts = person.original
        words += [person.name, phone_search_text(facts.contact_phone)]
        words.append(facts.contact_email)
        organisation = organisation or facts.organisation
    if organisation is not None:
        facts = organisation.original
        words += [phone_search_text(facts.phone), facts.email]
    return " ".join(word for word in words if word)


class ContactBlock(blocks.StructBlock):
    person = CardChooserBlock(
        "contacts.Person",
        organisation_path="organisation",
        label=_("Person"),
        required=False,
    )
    organisation = CardChooserBlock(
        "contacts.Organisation",
        organisation_path="",
        label=_("Organisation"),
        required=False,
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
