"""The admin's search ("Suche" in the menu) across more than pages.

Wagtail's search page searches pages; its tabs ("search areas", the
``register_admin_search_area`` hook) take the same words to other listings.
``snippet_search_area`` gives a snippet listing such a tab, shown to those
who may see the listing; the listing searches its view set's
``search_fields``.
"""

from __future__ import annotations

from django.urls import reverse

from wagtail.admin.search import SearchArea


class SnippetSearchArea(SearchArea):
    def __init__(self, model, **kwargs):
        super().__init__(url="", **kwargs)
        self.model = model

    @property
    def url(self) -> str:
        # Read on every request: Wagtail keeps its search areas for the
        # process, and the admin's address is a setting (ADMIN_URL_PATH).
        return reverse(self.model.snippet_viewset.get_url_name("list"))

    @url.setter
    def url(self, value) -> None:
        """Wagtail's constructor sets it; the property above answers."""

    def is_shown(self, request):
        opts = self.model._meta
        return any(
            request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("view", "change")
        )


def snippet_search_area(model, *, label, icon: str, order: int):
    """A hook function for ``register_admin_search_area``: a tab with
    ``label`` that searches the snippet listing of ``model``."""

    def area():
        return SnippetSearchArea(
            model,
            label=label,
            name=f"{model._meta.app_label}-{model._meta.model_name}",
            icon_name=icon,
            order=order,
        )

    return area
