"""Admin report: translations out of date against their German source."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

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
