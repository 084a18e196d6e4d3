"""Admin screens of the Check Up Integration, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_choosers import SiteSnippetViewSet
from core.permissions import NoAddPermissionPolicy

from .forms import FieldOfActionAdminForm, MeasureSheetAdminForm
from .models import Feedback, FieldOfAction, MeasureSheet, ProcessStep, StatusAnalysis

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


class FeedbackViewSet(SiteSnippetViewSet):
    """Moderation: staff approve feedback before it shows, and export it as CSV."""

    model = Feedback
    icon = "comment"
    menu_label = _("Rückmeldungen")
    list_display = ["text", "measure", "name", "created_at", "status"]
    list_filter = ["status", "measure"]
    search_fields = ["text", "name", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_export = ["measure", "created_at", "status", "name", "email", "text"]
    export_headings = {
        "measure": _("Maßnahmensteckbrief"),
        "created_at": _("Eingegangen am"),
        "status": _("Status"),
        "name": _("Name"),
        "email": _("E-Mail"),
        "text": _("Rückmeldung"),
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


register_snippet(CheckUpViewSetGroup)
