"""Admin screens of the Check Up Integration, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_choosers import SiteSnippetViewSet
from core.admin_search import snippet_search_area
from core.exports import OfficeExportSnippetIndexView
from core.moderation import CountedSubmenuMenuItem, ModerationPanel, PendingCountMixin
from core.permissions import NoAddPermissionPolicy

from .bulk_actions import ApproveFeedbackBulkAction, RejectFeedbackBulkAction
from .forms import FieldOfActionAdminForm, MeasureSheetAdminForm
from .models import (
    Feedback,
    FieldOfAction,
    MeasureSheet,
    MeasureSheetVersion,
    ProcessStep,
    StatusAnalysis,
)
from .models.feedback import FeedbackStatus

register_permission_policy(Feedback, NoAddPermissionPolicy(Feedback))


class FieldOfActionViewSet(SiteSnippetViewSet):
    model = FieldOfAction
    icon = "tag"
    menu_label = _("Handlungsfelder")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description", "focus_group"]
    search_backend_name = None
    ordering = ["sort_order", "name"]
    edit_handler = ObjectList(
        FieldOfAction.panels, base_form_class=FieldOfActionAdminForm
    )


class StatusAnalysisViewSet(SiteSnippetViewSet):
    model = StatusAnalysis
    icon = "doc-full"
    menu_label = _("Statusanalysen")
    list_display = ["title", "field_of_action", "data_period", "document"]
    list_filter = ["field_of_action"]
    search_fields = ["title", "summary"]
    search_backend_name = None


class MeasureSheetViewSet(SiteSnippetViewSet):
    model = MeasureSheet
    icon = "list-ol"
    menu_label = _("Maßnahmensteckbriefe")
    list_display = ["number", "title", "field_of_action", "status"]
    list_filter = ["field_of_action", "status", "live"]
    search_fields = ["title", "summary", "responsible_body", "partners"]
    search_backend_name = None
    ordering = ["number"]
    edit_handler = ObjectList(
        MeasureSheet.panels, base_form_class=MeasureSheetAdminForm
    )


class ProcessStepViewSet(SiteSnippetViewSet):
    model = ProcessStep
    icon = "date"
    menu_label = _("Zeitleiste")
    list_display = ["title", "date", "date_label"]
    search_fields = ["title", "description"]
    search_backend_name = None


class FeedbackViewSet(PendingCountMixin, SiteSnippetViewSet):
    """Moderation: staff approve feedback before it shows, and export it
    (CSV, XLSX) with the permission "Rückmeldungen exportieren". The menu
    item counts what waits for approval."""

    model = Feedback
    pending_filter = {"status": FeedbackStatus.PENDING}
    icon = "comment"
    menu_label = _("Rückmeldungen")
    list_display = ["text", "measure", "name", "created_at", "status"]
    list_filter = ["status", "measure"]
    search_fields = ["text", "name", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    # Export (CSV, XLSX) for office software: core.exports.
    index_view_class = OfficeExportSnippetIndexView
    list_export = [
        "measure",
        "created_at",
        "get_status_display",
        "name",
        "email",
        "text",
        "moderation_note",
    ]
    export_headings = {
        "measure": _("Maßnahmensteckbrief"),
        "created_at": _("Eingegangen am"),
        "get_status_display": _("Status"),
        "name": _("Name"),
        "email": _("E-Mail"),
        "text": _("Rückmeldung"),
        "moderation_note": _("Interne Notiz"),
    }
    export_filename = "rueckmeldungen"
    copy_view_enabled = False


class CheckUpViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Check Up Integration")
    menu_icon = "clipboard-list"
    menu_order = 200
    items = (
        MeasureSheetViewSet,
        FieldOfActionViewSet,
        StatusAnalysisViewSet,
        ProcessStepViewSet,
        FeedbackViewSet,
    )

    def get_menu_item(self, order=None):
        # Wagtail's group item, adding up the waiting feedback in its label.
        item = super().get_menu_item(order)
        return CountedSubmenuMenuItem(
            label=item.label,
            menu=item.menu,
            name=item.name,
            icon_name=item.icon_name,
            order=item.order,
        )


register_snippet(CheckUpViewSetGroup)
hooks.register("register_bulk_action", ApproveFeedbackBulkAction)
hooks.register("register_bulk_action", RejectFeedbackBulkAction)


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels):
    panels.append(
        ModerationPanel(
            request=request,
            queryset=Feedback.objects.filter(status=FeedbackStatus.PENDING)
            .select_related("measure")
            .order_by("-created_at"),
            panel_id="pending-feedback",
            heading=_("Neue Rückmeldungen"),
            summary=lambda count: (
                ngettext(
                    "%(count)d Rückmeldung wartet auf Freigabe.",
                    "%(count)d Rückmeldungen warten auf Freigabe.",
                    count,
                )
                % {"count": count}
            ),
            listing_url_name="wagtailsnippets_integration_checkup_feedback:list",
            listing_query=f"status={FeedbackStatus.PENDING}",
            listing_label=_("Alle neuen Rückmeldungen ansehen"),
            order=150,
        )
    )


@hooks.register("refuse_document_file_replacement")
def keep_paper_versions(document):
    """A version of a sheet's working paper keeps its file: a new file is a
    new version of the sheet (it goes out with the sheet, after approval, and
    the earlier one stays downloadable)."""
    version = (
        MeasureSheetVersion.objects.filter(document=document)
        .select_related("measure")
        .first()
    )
    if version is None:
        return None
    return _(
        "Diese Datei ist Fassung %(version)s des Arbeitspapiers zum "
        "Maßnahmensteckbrief „%(measure)s“ und wird nicht ersetzt, damit diese "
        "Fassung abrufbar bleibt. Laden Sie die neue Datei im Steckbrief als "
        "neue Fassung hoch: Check Up Integration → Maßnahmensteckbriefe → "
        "Steckbrief bearbeiten → „Fassung hinzufügen“. Titel und die übrigen "
        "Angaben dieses Dokuments können Sie hier ändern."
    ) % {"version": version.number, "measure": version.measure}


# The admin's "Suche" finds measure sheets too, by title, summary,
# responsible body and partners (core.admin_search).
hooks.register(
    "register_admin_search_area",
    snippet_search_area(
        MeasureSheet, label=_("Maßnahmensteckbriefe"), icon="list-ol", order=220
    ),
)
