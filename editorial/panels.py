"""The dashboard panel: content whose check is overdue or due soon."""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from .selectors import DUE_SOON_DAYS, review_items_due

PANEL_ROWS = 10


class DueReviewsPanel(Component):
    name = "editorial_due_reviews"
    template_name = "editorial/due_reviews_panel.html"
    order = 150

    def get_context_data(self, parent_context=None):
        items = review_items_due()
        return {
            "items": items[:PANEL_ROWS],
            "more": max(len(items) - PANEL_ROWS, 0),
            "total": len(items),
            "days": DUE_SOON_DAYS,
            "report_url": reverse("editorial_overdue_report"),
        }
