"""Header and breadcrumb navigation, built from the page tree."""

from django import template
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

register = template.Library()


def _site_root(request) -> Page | None:
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("navigation/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The start page's children that editors marked "In Menüs anzeigen"."""
    request = context.get("request")
    root = _site_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        # specific() costs one query per page type, not one per page; the
        # menu needs no page bodies (large JSON on every request).
        children = (
            root.get_children()
            .live()
            .public()
            .in_menu()
            .defer_streamfields()
            .specific()
        )
        for child in children:
            in_section = current is not None and current.path.startswith(child.path)
            items.append(
                {
                    "page": child,
                    "is_current": in_section and current.pk == child.pk,
                    "is_ancestor": in_section and current.pk != child.pk,
                }
            )
    return {"request": request, "root": root, "items": items, "page": current}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the start page to the current page (none on the start page).

    Views below a page (e.g. a measure sheet under "Check Up Integration") add
    ``breadcrumb_trail``, a list of (title, url); its last entry is current.
    """
    page = context.get("page")
    root = _site_root(context.get("request"))
    trail = list(context.get("breadcrumb_trail") or [])
    links = []
    if page is not None and root is not None and (page.depth > root.depth or trail):
        ancestors = Page.objects.ancestor_of(page, inclusive=bool(trail)).filter(
            depth__gte=root.depth
        )
        for ancestor in ancestors.only("title", "url_path", "path", "depth"):
            title = _("Startseite") if ancestor.depth == root.depth else ancestor.title
            links.append((title, ancestor.get_url(context.get("request"))))
        current = trail.pop()[0] if trail else page.title
        links.extend(trail)
    else:
        current = None
    return {
        "links": links,
        "current": current,
        "request": context.get("request"),
        "page": page,
    }
