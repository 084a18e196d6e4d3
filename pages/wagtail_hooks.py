"""Admin screens of the pages app."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.models import Locale
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_search import snippet_search_area
from core.permissions import NoAddPermissionPolicy
from core.rich_text import SitePageLinkHandler
from pages.admin_views import can_see_translation_status, translation_status_view
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


class SiteSettingsViewSet(SnippetViewSet):
    model = SiteSettings
    icon = "cogs"
    menu_label = _("Website-Einstellungen")
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["__str__", "office_name", "office", "contact_person"]
    # The settings show the office and the person from the directory: the
    # search finds them by the directory's name, number and e-mail address.
    search_fields = [
        "office_name",
        "city_name",
        "contact_note",
        "office__name",
        "office__phone",
        "office__email",
        "contact_person__given_name",
        "contact_person__family_name",
        "contact_person__email",
    ]
    search_backend_name = None
    edit_handler = ObjectList(SiteSettings.panels, base_form_class=SiteSettingsForm)


class BarrierReportViewSet(SnippetViewSet):
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
        path("uebersetzungsstand/", translation_status_view, name="translation_status")
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


hooks.register(
    "register_admin_search_area",
    snippet_search_area(
        SiteSettings, label=_("Website-Einstellungen"), icon="cogs", order=230
    ),
)
