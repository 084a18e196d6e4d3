"""Admin screens of the pages app: the translation report, the editors'
guide and the page search with its listing's name."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from pages.translation_status import translation_status


def can_see_translation_status(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(
        user, ["add", "change", "publish"]
    )


def translation_status_view(request):
    if not can_see_translation_status(request.user):
        raise PermissionDenied
    rows = translation_status()
    return TemplateResponse(
        request,
        "pages/admin/translation_status.html",
        {"rows": rows, "outdated_count": sum(row.outdated for row in rows)},
    )


def editors_guide_view(request):
    """The office's own guide for editors, in German, linked from "Hilfe"."""
    return TemplateResponse(request, "pages/admin/editors_guide.html", {})


class PageSearchView(SearchView):
    """Wagtail's page search, whose listing otherwise counts "1-2 von 2 None"
    (the view names no model)."""

    verbose_name = _("Seite")
    verbose_name_plural = _("Seiten")


class SitePageViewSet(PageViewSet):
    """Wagtail's default viewset for every page type, with that search."""

    search_view_class = PageSearchView
