"""Purge cached pages when editors change what public pages show.

Connected in ``CachingConfig.ready``. Every change that can show on a public page
purges the whole page cache (``caching.page_cache.purge_page_cache``: one
increment of the generation counter; finding exactly the pages that show a
contact or a document is not worth the risk of missing one):

- pages: published, unpublished, moved, saved or deleted;
- every snippet, Wagtail's redirects, sites, locales and view restrictions,
  and what each app registers in its ``AppConfig.ready`` with
  ``purge_on_change`` (e.g. every model of ``contacts``, documents, images,
  the site settings): saved, deleted or their many-to-many relations changed;
- what visitors submit (registered with ``purge_on_edit``: feedback, barrier
  reports) purges only when an editor changes or deletes it (approved
  feedback shows on the measure sheet); a new submission does not, or anyone
  could empty the cache;
- what is written while pages render (``never_purge``: image renditions)
  never purges, even as a snippet.

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

from caching.page_cache import purge_page_cache

logger = logging.getLogger(__name__)

ALWAYS, ON_EDIT, NEVER = "always", "on_change", None
# Wagtail's own models that show on public pages; apps add theirs.
_rules: dict[str, str | None] = {
    "wagtailredirects.Redirect": ALWAYS,
    "wagtailcore.Site": ALWAYS,
    "wagtailcore.PageViewRestriction": ALWAYS,
    "wagtailcore.CollectionViewRestriction": ALWAYS,
    "wagtailcore.Locale": ALWAYS,
}

_pending = threading.local()


def _register(rule: str | None, labels: tuple[str, ...]) -> None:
    for label in labels:
        _rules[label] = rule
    _purge_rule.cache_clear()


def purge_on_change(*labels: str) -> None:
    """Changes to these models purge: an app label ("contacts") for every
    model of the app, or a model label ("pages.SiteSettings")."""
    _register(ALWAYS, labels)


def purge_on_edit(*labels: str) -> None:
    """Visitor submissions: only an editor's change or deletion purges."""
    _register(ON_EDIT, labels)


def never_purge(*labels: str) -> None:
    """Written while pages render; never a reason to purge."""
    _register(NEVER, labels)


@functools.cache
def _purge_rule(model) -> str | None:
    """ "always", "on_change" (not on creation) or None for a model class."""
    meta = model._meta
    for label in (meta.label, meta.app_label):
        if label in _rules:
            return _rules[label]
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, Page) or model in get_snippet_models():
        return ALWAYS
    return NEVER


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
    if raw or rule is NEVER or (created and rule == ON_EDIT):
        return
    # A page's draft does not reach the CDN; its publication does (below).
    _purge(frontend=not isinstance(instance, Page))


def _on_delete(sender, instance, **kwargs):
    if _purge_rule(sender) is not NEVER:
        _purge(frontend=True)


def _on_m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _purge_rule(type(instance)) is not NEVER:
        _purge(frontend=True)


def _on_page_changed(sender, instance, **kwargs):
    # Published, unpublished or moved: menus, breadcrumbs, lists and teasers
    # of other pages change too.
    _purge(frontend=True)


def register_purge_signals() -> None:
    post_save.connect(_on_save, dispatch_uid="caching.page_cache.save")
    post_delete.connect(_on_delete, dispatch_uid="caching.page_cache.delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="caching.page_cache.m2m")
    page_published.connect(_on_page_changed, dispatch_uid="caching.page_cache.pub")
    page_unpublished.connect(_on_page_changed, dispatch_uid="caching.page_cache.unpub")
    post_page_move.connect(_on_page_changed, dispatch_uid="caching.page_cache.move")
