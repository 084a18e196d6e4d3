"""The blocks editors build "Wer ist zuständig?" from: questions with their
answers, and results naming the answers they are for.

Everything sits in one stream field, so that the checks that need questions
and results together (a result naming an answer that does not exist, a
missing general result) run in the stream's ``clean`` and show in the admin
beside the block concerned, in German.

Keys are the parts of the addresses (``…/wer-ist-zustaendig/asylbewerber/``)
and what results name: a ``RegexBlock``, which wagtail-localize does not
offer for translation, so they are the same in every language.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from contacts.blocks import CardChooserBlock
from responsibility.finder import structure_errors

KEY_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def key_block(**kwargs) -> blocks.RegexBlock:
    return blocks.RegexBlock(
        regex=KEY_PATTERN,
        max_length=40,
        error_messages={
            "invalid": _(
                "Nur Kleinbuchstaben (ohne Umlaute), Ziffern und einzelne "
                "Bindestriche, z. B. „asylbewerber“ oder „schule-kita“."
            )
        },
        **kwargs,
    )


class AnswerBlock(blocks.StructBlock):
    key = key_block(
        label=_("Schlüssel (Teil der Adresse)"),
        help_text=_(
            "Kurz und eindeutig im ganzen Wegweiser, z. B. „wohnen“. Erscheint in "
            "der Adresse und gilt in allen Sprachen; nach der Veröffentlichung "
            "nicht mehr ändern."
        ),
    )
    label = blocks.CharBlock(label=_("Antwort"), max_length=120)
    hint = blocks.CharBlock(
        label=_("Erläuterung"),
        required=False,
        max_length=200,
        help_text=_("Optional, z. B. „mit Aufenthaltsgestattung“."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Antwort")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage"), max_length=160)
    help = blocks.TextBlock(
        label=_("Hilfe zur Frage"),
        required=False,
        max_length=400,
        help_text=_("Optional: ein Satz, der bei der Antwort hilft."),
    )
    answers = blocks.ListBlock(AnswerBlock(), label=_("Antworten"), min_num=2)

    class Meta:
        icon = "help"
        label = _("Frage")


class FinderContactBlock(blocks.StructBlock):
    """A person or an organisation of the directory, shown as its card."""

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

    class Meta:
        icon = "user"
        label = _("Kontakt aus dem Adressverzeichnis")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("person")) == bool(value.get("organisation")):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        _(
                            "Bitte genau eines wählen: eine Person oder eine Organisation."
                        )
                    )
                ]
            )
        return value


class ResultBlock(blocks.StructBlock):
    answers = blocks.ListBlock(
        key_block(label=_("Schlüssel einer Antwort")),
        label=_("Gilt für die Antworten"),
        help_text=_(
            "Die Schlüssel der Antworten, für die dieses Ergebnis gilt. Je Frage "
            "reicht eine der genannten Antworten; nennt es zu einer Frage keine, "
            "gilt es für jede Antwort darauf. Ganz leer: das allgemeine Ergebnis "
            "für alle Wege ohne eigenes Ergebnis (genau eines ist nötig)."
        ),
        min_num=0,
    )
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=160)
    text = blocks.RichTextBlock(
        label=_("Text"),
        required=False,
        features=["bold", "italic", "link", "ul", "ol"],
    )
    contacts = blocks.ListBlock(
        FinderContactBlock(), label=_("Zuständige Stellen"), min_num=0
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Seite")),
        label=_("Weitere Informationen"),
        min_num=0,
    )

    class Meta:
        icon = "tick"
        label = _("Ergebnis")


class FinderStreamBlock(blocks.StreamBlock):
    question = QuestionBlock()
    result = ResultBlock()

    class Meta:
        block_counts = {"question": {"min_num": 1, "max_num": 5}}

    def clean(self, value):
        value = super().clean(value)
        block_errors, general = structure_errors(value)
        if block_errors or general:
            raise StreamBlockValidationError(
                block_errors={
                    index: StructBlockValidationError(
                        non_block_errors=[ValidationError(message)]
                    )
                    for index, message in block_errors.items()
                },
                non_block_errors=[ValidationError(message) for message in general],
            )
        return value
