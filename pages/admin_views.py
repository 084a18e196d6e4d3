"""Admin report: how far each German page and snippet is translated."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

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
