"""Admin screens of the pages app."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.models import Locale
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.admin_choosers import SiteSnippetViewSet
from core.permissions import NoAddPermissionPolicy
from core.rich_text import SitePageLinkHandler
from pages.admin_views import (
    SitePageViewSet,
    can_see_translation_status,
    editors_guide_view,
    translation_status_view,
)
from pages.models import BarrierReport, SiteSettings

register_permission_policy(BarrierReport, NoAddPermissionPolicy(BarrierReport))


@hooks.register("register_rich_text_features", order=10)
def page_links_read_once_per_request(features):
    """After Wagtail's own registration (order 0): page links in rich text
    cost one query per page, not three per paragraph (core.rich_text)."""
    features.register_link_type(SitePageLinkHandler)


class SiteSettingsForm(WagtailAdminModelForm):
    """One set of settings per language; a second one gets a German message."""

    def clean(self):
        cleaned = super().clean()
        locale_id = self.instance.locale_id or Locale.get_default().pk
        others = SiteSettings.objects.filter(locale_id=locale_id).exclude(
            pk=self.instance.pk
        )
        if others.exists():
            self.add_error(
                None, _("Für diese Sprache gibt es die Website-Einstellungen schon.")
            )
        return cleaned


class SiteSettingsViewSet(SiteSnippetViewSet):
    model = SiteSettings
    icon = "cogs"
    menu_label = _("Website-Einstellungen")
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["__str__", "office_name", "phone", "email"]
    edit_handler = ObjectList(SiteSettings.panels, base_form_class=SiteSettingsForm)


class BarrierReportViewSet(SiteSnippetViewSet):
    """Reports from the accessibility statement's form; staff answer them."""

    model = BarrierReport
    icon = "warning"
    menu_label = _("Gemeldete Barrieren")
    add_to_admin_menu = True
    menu_order = 810
    list_display = ["description", "page_url", "created_at", "status"]
    list_filter = ["status"]
    search_fields = ["description", "page_url", "name", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_export = ["created_at", "status", "page_url", "description", "name", "email"]
    export_filename = "gemeldete-barrieren"
    copy_view_enabled = False


register_snippet(SiteSettingsViewSet)
register_snippet(BarrierReportViewSet)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path("uebersetzungsstand/", translation_status_view, name="translation_status"),
        path("anleitung/", editors_guide_view, name="editors_guide"),
    ]


@hooks.register("register_admin_viewset")
def register_page_viewset():
    """After Wagtail's own (order -1), so that it serves every page type."""
    return SitePageViewSet()


@hooks.register("register_help_menu_item")
def register_editors_guide_menu_item():
    return MenuItem(
        _("Anleitung für die Redaktion"),
        reverse("editors_guide"),
        name="editors-guide",
        icon_name="help",
        order=100,
    )


@hooks.register("insert_global_admin_js")
def translation_editor_heading_in_german():
    """wagtail-localize writes one heading of its translation editor in
    English in its script; static/js/admin-translation-heading.js renames it."""
    return format_html(
        '<script src="{}" defer></script>',
        static("js/admin-translation-heading.js"),
    )


@hooks.register("construct_help_menu")
def keep_help_menu_german(request, menu_items):
    """Wagtail's "What's new" and its English "Editor Guide" lead to
    wagtail.org; the office's own guide replaces them."""
    menu_items[:] = [
        item
        for item in menu_items
        if not item.name.startswith(("whats-new-in-wagtail", "editor-guide"))
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Übersetzungsstand"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=900,
    )
