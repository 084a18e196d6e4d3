"""Admin screens of the pages app: the translation report (how far each
German page and snippet is translated), the editors' guide and the page
search with its listing's name."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from core.translations import default_locale
from pages.translation_status import (
    OUTDATED,
    target_locales,
    translation_rows,
    translation_status,
)


def can_see_translation_status(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(
        user, ["add", "change", "publish"]
    )


def translation_status_view(request):
    """Every German page and translated snippet; ``?seite=<id>`` one page
    (the link from the page listing)."""
    if not can_see_translation_status(request.user):
        raise PermissionDenied
    page_id = request.GET.get("seite", "")
    if page_id.isdigit():
        pages = Page.objects.filter(pk=page_id, locale=default_locale())
        rows = translation_rows(pages)
    else:
        rows = translation_status()
    return TemplateResponse(
        request,
        "pages/admin/translation_status.html",
        {
            "rows": rows,
            "locales": target_locales(),
            "outdated_count": sum(row.outdated for row in rows),
            "single": page_id.isdigit(),
            "OUTDATED": OUTDATED,
        },
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
