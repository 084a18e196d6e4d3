"""Admin wiring of the editorial app: the report, its menu item and the
dashboard panel (own hook functions; other apps add their own panels)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .panels import DueReviewsPanel
from .views import OverdueContentReportView


@hooks.register("register_admin_urls")
def editorial_admin_urls():
    return [
        path(
            "berichte/ueberfaellige-inhalte/",
            OverdueContentReportView.as_view(),
            name="editorial_overdue_report",
        ),
        path(
            "berichte/ueberfaellige-inhalte/ergebnisse/",
            OverdueContentReportView.as_view(results_only=True),
            name="editorial_overdue_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def editorial_overdue_report_menu_item():
    return MenuItem(
        _("Überfällige Inhalte"),
        reverse_lazy("editorial_overdue_report"),
        name="ueberfaellige-inhalte",
        icon_name="time",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def editorial_due_reviews_panel(request, panels):
    panels.append(DueReviewsPanel())
