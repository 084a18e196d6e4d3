"""The report "Überfällige Inhalte" in the admin's "Berichte" menu."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView

from .selectors import DUE_SOON_DAYS, review_items_due


class OverdueContentReportView(ReportView):
    """Pages and objects whose next check is past or within two weeks, with
    owner and a link to edit them; exportable as CSV and XLSX."""

    page_title = _("Überfällige Inhalte")
    header_icon = "time"
    index_url_name = "editorial_overdue_report"
    index_results_url_name = "editorial_overdue_report_results"
    paginate_by = 50
    list_export = ["title", "kind", "owner", "due", "status_label"]
    export_headings = {
        "title": _("Titel"),
        "kind": _("Art"),
        "owner": _("Verantwortlich"),
        "due": _("Nächste Prüfung"),
        "status_label": _("Stand der Prüfung"),
    }
    export_filename = "ueberfaellige-inhalte"

    @property
    def columns(self):
        return [
            TitleColumn("title", label=_("Titel"), get_url=lambda item: item.edit_url),
            Column("kind", label=_("Art")),
            UserColumn(
                "owner", label=_("Verantwortlich"), blank_display_name=_("niemand")
            ),
            DateColumn("due", label=_("Nächste Prüfung")),
            Column("status_label", label=_("Stand der Prüfung")),
        ]

    @property
    def no_results_message(self):
        return _(
            "Nichts ist überfällig oder in den nächsten %(days)s Tagen zu prüfen."
        ) % {"days": DUE_SOON_DAYS}

    def get_queryset(self):
        return review_items_due()
