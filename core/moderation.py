"""What visitors submit and staff moderate (feedback, barrier reports): the
number waiting in the admin menu and a panel on the admin's start page.

The apps that own such models use these pieces in their ``wagtail_hooks``:
``PendingCountMixin`` on the model's viewset (its menu item reads
"Rückmeldungen (3 neu)"), ``CountedSubmenuMenuItem`` for a menu group that
holds one (the group adds up its items' counts), and ``ModerationPanel`` in
the ``construct_homepage_panels`` hook.

Wagtail's own menu badge belongs to its "dismissible" items (the dot and the
number on "Hilfe"): it marks what a user has not opened yet and goes away for
good on the first click, so it cannot say how many items wait. The count
goes into the label instead, where screen readers read it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from caching.request_memo import request_memo

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.db.models import Model, QuerySet
    from django.http import HttpRequest

# Entries a start-page panel lists; the rest are behind its link.
PANEL_ENTRIES = 5


def counted_label(label, count: int) -> str:
    if not count:
        return str(label)
    return _("%(label)s (%(count)s neu)") % {"label": label, "count": count}


class CountedMenuItemMixin:
    """A menu item whose label carries a number counted for each request
    (menu items are built once and shared: the label of the item itself
    never changes, only the component rendered for one request)."""

    def pending_count(self, request: HttpRequest) -> int:
        raise NotImplementedError

    def render_component(self, request):
        component = super().render_component(request)
        component.label = counted_label(component.label, self.pending_count(request))
        return component


class CountedSubmenuMenuItem(CountedMenuItemMixin, SubmenuMenuItem):
    """A menu group that adds up the counts of the items the user sees."""

    def pending_count(self, request):
        return sum(
            item.pending_count(request)
            for item in self.menu.menu_items_for_request(request)
            if isinstance(item, CountedMenuItemMixin)
        )


class PendingCountMixin:
    """For a ``SnippetViewSet`` of visitor submissions: ``pending_filter``
    names what still waits for staff (e.g. ``{"status": "pending"}``)."""

    pending_filter: dict = {}

    def pending_queryset(self) -> QuerySet:
        return self.model._default_manager.filter(**self.pending_filter)

    @cached_property
    def menu_item_class(self):
        viewset = self

        def pending_count(_item, request):
            # Counted once per request: the item and its menu group ask.
            memo = request_memo("pending-counts")
            key = viewset.model._meta.label
            if memo is None:
                return viewset.pending_queryset().count()
            if key not in memo:
                memo[key] = viewset.pending_queryset().count()
            return memo[key]

        base = super().menu_item_class
        return type(
            base.__name__,
            (CountedMenuItemMixin, base),
            {"pending_count": pending_count},
        )


def can_moderate(user, model: type[Model]) -> bool:
    policy = policy_registry.get_by_type(model)
    return policy.user_has_permission(user, "change")


class ModerationPanel(Component):
    """A start-page panel: how many submissions wait (``summary`` says it
    for a count), the newest of them with a link to each, and a link to the
    filtered listing. The model has a ``created_at`` date.

    Shown only to staff who may change the model, and only while something
    waits (like Wagtail's own panels, an empty panel is left out)."""

    template_name = "core/moderation_panel.html"

    def __init__(
        self,
        *,
        request: HttpRequest,
        queryset: QuerySet,
        panel_id: str,
        heading: str,
        summary: Callable[[int], str],
        listing_url_name: str,
        listing_query: str,
        listing_label: str,
        order: int,
    ):
        self.request = request
        self.queryset = queryset
        self.panel_id = panel_id
        self.heading = heading
        self.summary = summary
        self.listing_url_name = listing_url_name
        self.listing_query = listing_query
        self.listing_label = listing_label
        self.order = order

    @cached_property
    def count(self) -> int:
        return self.queryset.count()

    def render_html(self, parent_context=None):
        if not can_moderate(self.request.user, self.queryset.model) or not self.count:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        finder = AdminURLFinder(self.request.user)
        entries = [
            {"item": item, "edit_url": finder.get_edit_url(item)}
            for item in self.queryset[:PANEL_ENTRIES]
        ]
        return {
            "panel_id": self.panel_id,
            "heading": self.heading,
            "summary": self.summary(self.count),
            "entries": entries,
            "listing_url": f"{reverse(self.listing_url_name)}?{self.listing_query}",
            "listing_label": self.listing_label,
        }
