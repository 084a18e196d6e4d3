"""Admin report "Defekte Links": what the last check found broken, each with
a link to the object to fix."""

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import FoundLink, LinkKind


def can_see_broken_links(user) -> bool:
    """Editors of pages, and whoever was given the report's own permission."""
    return user.has_perm("link_check.view_foundlink") or policy_registry.get_by_type(
        Page
    ).user_has_any_permission(user, ["add", "change", "publish"])


def _objects(links) -> dict[tuple[int, str], object]:
    ids = defaultdict(set)
    for link in links:
        ids[link.content_type].add(link.object_id)
    found = {}
    for content_type, object_ids in ids.items():
        for obj in content_type.get_all_objects_for_this_type(pk__in=object_ids):
            found[(content_type.pk, str(obj.pk))] = obj
    return found


def _target_label(link, pages) -> str:
    if link.kind == LinkKind.PAGE:
        page = pages.get(int(link.target)) if link.target.isdigit() else None
        if page is None:
            return _("Seite Nr. %(id)s") % {"id": link.target}
        return _("Seite „%(title)s“") % {"title": page.title}
    if link.kind == LinkKind.DOCUMENT:
        return _("Dokument Nr. %(id)s") % {"id": link.target}
    return link.target


def broken_links_view(request):
    if not can_see_broken_links(request.user):
        raise PermissionDenied
    links = list(FoundLink.objects.filter(ok=False).select_related("content_type"))
    objects = _objects(links)
    page_ids = [
        int(link.target)
        for link in links
        if link.kind == LinkKind.PAGE and link.target.isdigit()
    ]
    pages = Page.objects.in_bulk(page_ids)
    finder = AdminURLFinder(request.user)
    rows = []
    for link in links:
        obj = objects.get((link.content_type_id, link.object_id))
        rows.append(
            {
                "link": link,
                "kind": link.content_type.model_class()._meta.verbose_name,
                "edit_url": finder.get_edit_url(obj) if obj is not None else None,
                "target": _target_label(link, pages),
                "external": link.kind == LinkKind.EXTERNAL,
            }
        )
    last_checked = FoundLink.objects.aggregate(last=Max("last_checked"))["last"]
    return TemplateResponse(
        request,
        "link_check/broken_links.html",
        {"rows": rows, "last_checked": last_checked},
    )
