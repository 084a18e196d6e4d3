"""The report "Defekte Links" in the admin's "Berichte" menu."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import broken_links_view, can_see_broken_links


@hooks.register("register_admin_urls")
def register_broken_links_url():
    return [path("defekte-links/", broken_links_view, name="broken_links")]


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_broken_links(request.user)


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return BrokenLinksMenuItem(
        _("Defekte Links"),
        reverse_lazy("broken_links"),
        name="broken-links",
        icon_name="warning",
        order=910,
    )
