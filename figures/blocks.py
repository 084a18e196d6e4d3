"""The block "Kennzahl / Diagramm": an indicator's chart on any page.

The block holds a reference to the indicator, so new values show on every
page at once (``figures`` purges the page cache on every change). All chart
blocks of a page load their figures together (``with_facts``): the same few
queries for one chart or ten, for ten values or ten thousand.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from caching.request_memo import request_memo

from .selectors import chart_data, with_facts


class IndicatorChooserBlock(SnippetChooserBlock):
    """A snippet chooser that loads values, sources and translations for
    all chart blocks of a page at once."""

    def bulk_to_python(self, values):
        objects = super().bulk_to_python(values)
        with_facts(objects)
        return objects

    def deconstruct(self):
        # The same block as before for migrations: only the loading differs.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.snippets.blocks.SnippetChooserBlock", args, kwargs


def chart_key(slug: str) -> str:
    """An id prefix unique on the page: the slug, numbered from the second
    chart of the same indicator on in one request."""
    memo = request_memo("figure-chart-keys")
    if memo is None:
        return slug
    memo[slug] = memo.get(slug, 0) + 1
    return slug if memo[slug] == 1 else f"{slug}-{memo[slug]}"


class IndicatorChartBlock(blocks.StructBlock):
    indicator = IndicatorChooserBlock("figures.Indicator", label=_("Kennzahl"))

    class Meta:
        icon = "table"
        label = _("Kennzahl / Diagramm")
        template = "figures/blocks/indicator_chart_block.html"
        help_text = _(
            "Zeigt das Diagramm der Kennzahl mit Tabelle, Quelle, Lizenz und "
            "Downloads. Neue Werte erscheinen hier von selbst."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        indicator = value.get("indicator")
        if indicator is not None:
            context["chart"] = chart_data(
                indicator, key=chart_key(indicator.original.slug)
            )
            context["indicator"] = indicator
        return context
