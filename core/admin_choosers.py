"""Snippet choosers titled in German.

Wagtail titles a snippet chooser "Choose" with the model's name as a
subtitle, which reads "Auswählen Ort" in German; the choosers of
``SiteSnippetViewSet`` say "Ort auswählen" instead. Every app's snippet
viewsets derive from it.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet


class GermanTitleMixin:
    page_subtitle = None


class GermanChooseView(GermanTitleMixin, ChooseView):
    pass


class GermanChooseResultsView(GermanTitleMixin, ChooseResultsView):
    pass


class GermanSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = GermanChooseView
    choose_results_view_class = GermanChooseResultsView

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_title = format_lazy(
            _("{name} auswählen"), name=self.model._meta.verbose_name
        )


class SiteSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = GermanSnippetChooserViewSet
