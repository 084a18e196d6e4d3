"""Admin screens of the pages app."""

from django.templatetags.static import static
from django.urls import path, reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button, ButtonWithDropdown
from wagtail.models import Locale, Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from caching.request_memo import request_memo
from core.admin_choosers import SiteSnippetViewSet
from core.admin_search import snippet_search_area
from core.exports import OfficeExportSnippetIndexView
from core.moderation import ModerationPanel, PendingCountMixin
from core.permissions import NoAddPermissionPolicy
from core.rich_text import SitePageLinkHandler
from pages.admin_views import (
    SitePageViewSet,
    can_see_translation_status,
    editors_guide_view,
    translation_status_view,
)
from pages.models import BarrierReport, SiteSettings
from pages.models.barrier_report import BarrierReportStatus
from pages.translation_status import (
    OUTDATED,
    outdated_translations,
    translation_rows,
)

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


class BarrierReportViewSet(PendingCountMixin, SiteSnippetViewSet):
    """Reports from the accessibility statement's form; staff answer them.
    The menu item counts the new ones."""

    model = BarrierReport
    pending_filter = {"status": BarrierReportStatus.NEW}
    icon = "warning"
    menu_label = _("Gemeldete Barrieren")
    add_to_admin_menu = True
    menu_order = 810
    list_display = ["description", "page_url", "created_at", "status"]
    list_filter = ["status"]
    search_fields = ["description", "page_url", "name", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    # Export (CSV, XLSX) for office software: core.exports.
    index_view_class = OfficeExportSnippetIndexView
    list_export = [
        "created_at",
        "get_status_display",
        "page_url",
        "description",
        "name",
        "email",
        "staff_note",
    ]
    export_headings = {"get_status_display": _("Status")}
    export_filename = "gemeldete-barrieren"
    copy_view_enabled = False


register_snippet(SiteSettingsViewSet)
register_snippet(BarrierReportViewSet)


@hooks.register("construct_homepage_panels")
def add_barrier_report_panel(request, panels):
    panels.append(
        ModerationPanel(
            request=request,
            queryset=BarrierReport.objects.filter(
                status=BarrierReportStatus.NEW
            ).order_by("-created_at"),
            panel_id="new-barrier-reports",
            heading=_("Neu gemeldete Barrieren"),
            summary=lambda count: (
                ngettext(
                    "%(count)d gemeldete Barriere wartet auf Bearbeitung.",
                    "%(count)d gemeldete Barrieren warten auf Bearbeitung.",
                    count,
                )
                % {"count": count}
            ),
            listing_url_name="wagtailsnippets_pages_barrierreport:list",
            listing_query=f"status={BarrierReportStatus.NEW}",
            listing_label=_("Alle neuen Meldungen ansehen"),
            order=160,
        )
    )


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
        reverse_lazy("editors_guide"),
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
        reverse_lazy("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=900,
    )


def _translation_row(page):
    """The page's row of the translation report; the rows of its siblings
    (the rest of the explorer listing) are made with it, once per request."""
    memo = request_memo("translation-rows")
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    pages = [page]
    if memo is not None and not page.is_root():
        pages = list(Page.objects.sibling_of(page).filter(locale_id=page.locale_id))
    rows = dict(zip([each.pk for each in pages], translation_rows(pages), strict=True))
    if memo is not None:
        memo.update(rows)
    return rows.get(page.pk)


@hooks.register("register_page_listing_buttons")
def translation_status_button(page, user, next_url=None):
    """In the page explorer, per German page: how many languages are up to
    date, outdated, in progress or missing; the menu names each language
    with the link to its next step."""
    if (
        page.is_root()
        or page.locale_id != Locale.get_default().pk
        or not can_see_translation_status(user)
    ):
        return
    row = _translation_row(page)
    if row is None:
        return
    buttons = [
        Button(
            f"{language.language}: {language.label} – {language.action}",
            language.action_url,
            icon_name="warning" if language.status == OUTDATED else "globe",
            priority=index,
        )
        for index, language in enumerate(row.languages)
    ]
    buttons.append(
        Button(
            _("Übersetzungsstand dieser Seite"),
            f"{reverse('translation_status')}?seite={page.pk}",
            icon_name="list-ul",
            priority=len(buttons),
        )
    )
    yield ButtonWithDropdown(
        label=row.summary,
        buttons=buttons,
        icon_name="globe",
        priority=60,
        attrs={"data-translation-status": ""},
    )


class OutdatedTranslationsPanel(Component):
    """Dashboard: translations whose German text changed since."""

    name = "outdated_translations"
    order = 150
    template_name = "pages/admin/outdated_translations_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "outdated": outdated_translations(),
            "report_url": reverse("translation_status"),
        }


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    if can_see_translation_status(request.user):
        panels.append(OutdatedTranslationsPanel())


hooks.register(
    "register_admin_search_area",
    snippet_search_area(
        SiteSettings, label=_("Website-Einstellungen"), icon="cogs", order=230
    ),
)
