"""StreamField blocks editors build pages from.

Each block renders with its own template in ``templates/components/blocks/``.
``CONTENT_BLOCKS`` is the list every page body offers.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from contacts.blocks import ContactBlock
from core.translations import localized
from figures.blocks import IndicatorChartBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

# The image block's display width for the browser's choice among the
# renditions: the text column (--site-measure: 48rem) on wide screens, the
# container (96 % of the viewport less 2rem padding) below.
IMAGE_SIZES = "(min-width: 52rem) 48rem, calc(96vw - 2rem)"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[
            ("h2", _("Zwischenüberschrift (H2)")),
            ("h3", _("Unterüberschrift (H3)")),
        ],
        default="h2",
        help_text=_(
            "H2 für Abschnitte, H3 für Unterabschnitte. Keine Ebene überspringen."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "components/blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def bulk_to_python(self, values):
        # All paragraphs of a page at once: their page links in one query.
        from core.rich_text import preload_page_links

        preload_page_links(values)
        return super().bulk_to_python(values)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "components/blocks/paragraph_block.html"


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required unless it is marked decorative."""

    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=250,
        help_text=_(
            "Beschreibt, was das Bild zeigt, für Menschen, die es nicht sehen."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Rein dekorativ"),
        required=False,
        help_text=_("Nur ankreuzen, wenn das Bild keine Information trägt."),
    )
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"), required=False, max_length=250
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "components/blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                _(
                                    "Bitte einen Alternativtext eingeben oder das Bild "
                                    "als rein dekorativ markieren."
                                )
                            )
                        ]
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        """Rendition choices for the template: the image that opens a page's
        body is in the first view, so it loads at once and first; any other
        image loads lazily when it nears the viewport."""
        context = super().get_context(value, parent_context=parent_context)
        body = getattr((parent_context or {}).get("page"), "body", None)
        opens_page = bool(body) and body[0].value is value
        context["alt"] = "" if value.get("decorative") else value.get("alt_text")
        context["loading"] = "eager" if opens_page else "lazy"
        context["fetchpriority"] = "high" if opens_page else None
        context["sizes"] = IMAGE_SIZES
        return context


class LinkValue(blocks.StructValue):
    """Resolves a LinkBlock to a URL and a visible text in templates."""

    @property
    def href(self) -> str:
        if self.get("page"):
            return localized(self["page"]).url or ""
        if self.get("document"):
            return self["document"].url
        return self.get("url") or ""

    @property
    def text(self) -> str:
        if (self.get("label") or "").strip():
            return self["label"]
        if self.get("page"):
            return localized(self["page"]).title
        if self.get("document"):
            return self["document"].title
        return self.get("url") or ""

    @property
    def is_external(self) -> bool:
        return (
            bool(self.get("url")) and not self.get("page") and not self.get("document")
        )


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site, a document or an external address."""

    page = blocks.PageChooserBlock(label=_("Seite dieser Website"), required=False)
    document = DocumentChooserBlock(label=_("Dokument"), required=False)
    url = blocks.URLBlock(label=_("Externe Adresse"), required=False)
    label = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        max_length=120,
        help_text=_(
            "Leer lassen, um den Titel der Seite oder des Dokuments zu verwenden."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "url") if value.get(name)]
        if len(targets) != 1:
            message = _(
                "Bitte genau ein Ziel angeben: eine Seite, ein Dokument oder eine Adresse."
            )
            raise StructBlockValidationError(
                block_errors={
                    name: ErrorList([ValidationError(message)])
                    for name in ("page", "document", "url")
                }
            )
        if value.get("url") and not (value.get("label") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "label": ErrorList(
                        [
                            ValidationError(
                                _("Für externe Adressen bitte einen Linktext angeben.")
                            )
                        ]
                    )
                }
            )
        return value


class DescribedLinkBlock(LinkBlock):
    description = blocks.TextBlock(
        label=_("Beschreibung"), required=False, max_length=400
    )

    class Meta:
        icon = "link"
        label = _("Link mit Beschreibung")


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    links = blocks.ListBlock(DescribedLinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Linkliste")
        template = "components/blocks/link_list_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=500)
    link = LinkBlock(label=_("Ziel"))
    button_label = blocks.CharBlock(
        label=_("Beschriftung der Schaltfläche"), max_length=60
    )

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "components/blocks/call_to_action_block.html"


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Frage / Titel"), max_length=250)
    content = ParagraphBlock(label=_("Antwort / Inhalt"))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open and close without JavaScript (<details>)."""

    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Einträge"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Aufklappbereich / FAQ")
        template = "components/blocks/accordion_block.html"


class NoticeBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Art"),
        choices=[
            ("info", _("Information")),
            ("warning", _("Wichtiger Hinweis")),
            ("success", _("Erledigt / positiv")),
            ("danger", _("Warnung")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    text = ParagraphBlock(label=_("Text"), required=False)

    class Meta:
        icon = "warning"
        label = _("Hinweiskasten")
        template = "components/blocks/notice_block.html"


CONTENT_BLOCKS = [
    ("heading", HeadingBlock()),
    ("paragraph", ParagraphBlock()),
    ("image", ImageBlock()),
    ("link_list", LinkListBlock()),
    ("call_to_action", CallToActionBlock()),
    ("accordion", AccordionBlock()),
    ("contact", ContactBlock()),
    ("notice", NoticeBlock()),
    ("indicator_chart", IndicatorChartBlock()),
]


class QuickLinkBlock(LinkBlock):
    """One entry of the home page's "Oft gesucht" list."""

    class Meta:
        icon = "link"
        label = _("Schnelllink")


class TeaserBlock(blocks.StructBlock):
    """A teaser on the home page: heading, short text and a "Mehr" link to a page."""

    page = blocks.PageChooserBlock(label=_("Zielseite"))
    title = blocks.CharBlock(
        label=_("Überschrift"),
        required=False,
        max_length=150,
        help_text=_("Leer lassen, um den Titel der Zielseite zu verwenden."),
    )
    text = blocks.TextBlock(
        label=_("Text"),
        required=False,
        max_length=600,
        help_text=_("Leer lassen, um die Einleitung der Zielseite zu verwenden."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Teaser")
        template = "components/blocks/teaser_block.html"


class ExternalLinkBlock(blocks.StructBlock):
    """A curated link to another authority's information, with who offers it."""

    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    url = blocks.URLBlock(label=_("Adresse"))
    provider = blocks.CharBlock(
        label=_("Anbieter"),
        required=False,
        max_length=200,
        help_text=_("z. B. Land Schleswig-Holstein"),
    )
    description = blocks.TextBlock(label=_("Beschreibung"), max_length=600)
    languages = blocks.CharBlock(
        label=_("Sprachen des Angebots"),
        required=False,
        max_length=200,
        help_text=_("z. B. Deutsch, Englisch, Arabisch"),
    )

    class Meta:
        icon = "site"
        label = _("Externes Angebot")
        template = "components/blocks/external_link_block.html"
