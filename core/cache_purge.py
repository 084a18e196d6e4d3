"""Purge cached pages when editors change what public pages show.

Connected in ``CoreConfig.ready``. Every change that can show on a public page
purges the whole page cache (``core.page_cache.purge_page_cache``: one
increment of the generation counter; finding exactly the pages that show a
contact or a document is not worth the risk of missing one):

- pages: published, unpublished, moved, saved or deleted;
- every model of ``contacts`` and ``integration_checkup`` (organisations,
  people, places, opening hours, needs, measure sheets, fields of action,
  status analyses, ...), documents, images, every snippet, the site settings,
  redirects, sites and page view restrictions: saved, deleted or their
  many-to-many relations changed.
- What visitors submit (feedback, barrier reports) purges only when an editor
  changes or deletes it (approved feedback shows on the measure sheet); a new
  submission does not, or anyone could empty the cache.

The purge runs at once (so that the next request in the same process and the
tests see it) and again after the transaction commits: a page rendered by
another request between the two, still from the old data, is dropped too.

The front-end cache (a CDN, ``settings.WAGTAILFRONTENDCACHE``, off unless
configured) is purged the same way: for every change above, the URLs of all
live public pages are purged once per transaction, after the commit, because
a page's publication changes other pages too (menus, the lists and teasers of
its parents, the start page). A page's URLs are the ones its
``get_cached_paths`` names: the page and its routes (measure sheets, fields
of action, feeds, calendars, handouts; ``pages.models.base.BasePage``).
What is not below a page (contact vCards, the API) expires in the CDN after
``PAGE_CACHE_SECONDS`` (its ``s-maxage``).
"""

from __future__ import annotations

import functools
import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.page_cache import purge_page_cache

logger = logging.getLogger(__name__)

PURGE_APPS = {"contacts", "integration_checkup"}
PURGE_MODELS = {
    "core.SiteDocument",
    "core.SiteImage",
    "pages.SiteSettings",
    "wagtailredirects.Redirect",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Locale",
}
# Submitted by visitors: only an editor's change or deletion purges.
VISITOR_SUBMITTED = {"integration_checkup.Feedback", "pages.BarrierReport"}
# Written while pages render; never a reason to purge.
NEVER = {"core.SiteRendition"}

_pending = threading.local()


@functools.cache
def _purge_rule(model) -> str | None:
    """ "always", "on_change" (not on creation) or None for a model class."""
    label = model._meta.label
    if label in NEVER:
        return None
    if label in VISITOR_SUBMITTED:
        return "on_change"
    from wagtail.snippets.models import get_snippet_models

    if (
        issubclass(model, Page)
        or label in PURGE_MODELS
        or model._meta.app_label in PURGE_APPS
        or model in get_snippet_models()
    ):
        return "always"
    return None


def _purge(*, frontend: bool) -> None:
    purge_page_cache()
    transaction.on_commit(purge_page_cache)
    if frontend and settings.WAGTAILFRONTENDCACHE:
        _schedule_frontend_purge()


def _schedule_frontend_purge() -> None:
    # One purge of the whole site per transaction, however many objects it
    # saved: every save registers a callback, the first one after the commit
    # does the work. (After a rollback the flag stays set: the next commit
    # purges once more, which does no harm.)
    _pending.site = True
    transaction.on_commit(_run_frontend_purge)


def _run_frontend_purge() -> None:
    if not getattr(_pending, "site", False):
        return
    _pending.site = False
    purge_frontend_cache_site()


def purge_frontend_cache_site() -> None:
    """Purge the URLs of all live public pages from the front-end cache."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().filter(depth__gt=1).specific())
    batch.purge()


def _on_save(sender, instance, created=False, raw=False, **kwargs):
    rule = _purge_rule(sender)
    if raw or rule is None or (created and rule == "on_change"):
        return
    # A page's draft does not reach the CDN; its publication does (below).
    _purge(frontend=not isinstance(instance, Page))


def _on_delete(sender, instance, **kwargs):
    if _purge_rule(sender) is not None:
        _purge(frontend=True)


def _on_m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _purge_rule(type(instance)) is not None:
        _purge(frontend=True)


def _on_page_changed(sender, instance, **kwargs):
    # Published, unpublished or moved: menus, breadcrumbs, lists and teasers
    # of other pages change too.
    _purge(frontend=True)


def register_purge_signals() -> None:
    post_save.connect(_on_save, dispatch_uid="core.page_cache.save")
    post_delete.connect(_on_delete, dispatch_uid="core.page_cache.delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="core.page_cache.m2m")
    page_published.connect(_on_page_changed, dispatch_uid="core.page_cache.pub")
    page_unpublished.connect(_on_page_changed, dispatch_uid="core.page_cache.unpub")
    post_page_move.connect(_on_page_changed, dispatch_uid="core.page_cache.move")
