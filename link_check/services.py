"""Keep the table of found links in step with the content and check them.

``links_collect`` reads the content (no network), ``links_check_internal``
looks pages and documents up in the database, ``links_check_external`` asks
the servers (``http_check``). The ``check_links`` command runs the three.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from .extract import content_links
from .http_check import CheckOptions, check_urls
from .models import FoundLink, LinkKind


def _key(link) -> tuple:
    return (link.content_type_id, link.object_id, link.field_label, link.target)


@transaction.atomic
def links_collect() -> dict[str, int]:
    """Add the links now in the content, drop those no longer there; the
    results of earlier checks stay with the links still there."""
    found = {}
    for link in content_links():
        row = FoundLink(
            content_type=link.content_type,
            object_id=link.object_id,
            object_label=link.object_label,
            field_name=link.field_name,
            field_label=link.field_label,
            kind=link.kind,
            target=link.target,
        )
        found.setdefault(_key(row), row)
    existing = {_key(row): row for row in FoundLink.objects.all()}
    gone = [row.pk for key, row in existing.items() if key not in found]
    FoundLink.objects.filter(pk__in=gone).delete()
    new = [row for key, row in found.items() if key not in existing]
    FoundLink.objects.bulk_create(new)
    for key, row in found.items():
        if key in existing and existing[key].object_label != row.object_label:
            existing[key].object_label = row.object_label
            existing[key].save(update_fields=["object_label"])
    return {"found": len(found), "new": len(new), "gone": len(gone)}


def _ids(links) -> set[int]:
    return {int(link.target) for link in links if link.target.isdigit()}


@transaction.atomic
def links_check_internal() -> int:
    """Links to pages (deleted or unpublished?) and documents (deleted?)."""
    links = list(FoundLink.objects.exclude(kind=LinkKind.EXTERNAL))
    pages = dict(
        Page.objects.filter(
            pk__in=_ids(link for link in links if link.kind == "page")
        ).values_list("pk", "live")
    )
    documents = set(
        get_document_model()
        .objects.filter(pk__in=_ids(link for link in links if link.kind == "document"))
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    for link in links:
        target = int(link.target) if link.target.isdigit() else None
        if link.kind == LinkKind.PAGE:
            if target not in pages:
                error = _("Die verlinkte Seite wurde gelöscht.")
            elif not pages[target]:
                error = _("Die verlinkte Seite ist nicht veröffentlicht.")
            else:
                error = ""
        else:
            error = (
                ""
                if target in documents
                else _("Das verlinkte Dokument wurde gelöscht.")
            )
        link.ok, link.error, link.status_code, link.last_checked = (
            not error,
            error,
            None,
            now,
        )
    FoundLink.objects.bulk_update(links, ["ok", "error", "status_code", "last_checked"])
    return len(links)


def links_check_external(options: CheckOptions | None = None) -> int:
    """Ask each external URL's server once; returns how many URLs."""
    urls = set(
        FoundLink.objects.filter(kind=LinkKind.EXTERNAL).values_list(
            "target", flat=True
        )
    )
    results = check_urls(urls, options)
    now = timezone.now()
    with transaction.atomic():
        for url, result in results.items():
            FoundLink.objects.filter(kind=LinkKind.EXTERNAL, target=url).update(
                ok=result.ok,
                status_code=result.status_code,
                error=result.error,
                last_checked=now,
            )
    return len(results)
