"""Admin screens of the figures, grouped under "Kennzahlen": indicators,
values, sources and the import (with its list of past imports)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_choosers import SiteSnippetViewSet

from .admin_views import ImportViewSet
from .forms import EnteredByForm, IndicatorForm, ValueForm
from .models import Indicator, Source, Value


class IndicatorViewSet(SiteSnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Kennzahlen")
    list_display = ["title", "slug", "unit", "breakdown", "is_example"]
    list_filter = ["is_example", "breakdown", "chart_kind"]
    search_fields = ["title", "slug", "description"]
    search_backend_name = None
    ordering = ["sort_order", "title"]
    edit_handler = ObjectList(Indicator.panels, base_form_class=IndicatorForm)


class ValueViewSet(SiteSnippetViewSet):
    model = Value
    icon = "list-ol"
    menu_label = _("Werte")
    list_display = ["indicator", "period", "breakdown", "value", "source"]
    list_filter = ["indicator", "granularity", "source"]
    search_fields = ["indicator__title", "breakdown"]
    search_backend_name = None
    ordering = ["indicator", "-period_start", "breakdown"]
    list_per_page = 50
    edit_handler = ObjectList(Value.panels, base_form_class=ValueForm)

    def get_queryset(self, request):
        return Value.objects.select_related("indicator", "source")


class SourceViewSet(SiteSnippetViewSet):
    model = Source
    icon = "doc-full"
    menu_label = _("Quellen")
    list_display = ["publisher", "title", "retrieved", "licence", "entered_by"]
    list_filter = ["licence"]
    search_fields = ["publisher", "title", "url"]
    search_backend_name = None
    ordering = ["publisher", "title"]
    edit_handler = ObjectList(Source.panels, base_form_class=EnteredByForm)


class FiguresViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Kennzahlen")
    menu_icon = "table"
    menu_order = 215
    items = (IndicatorViewSet, ValueViewSet, SourceViewSet, ImportViewSet)


register_snippet(FiguresViewSetGroup)
