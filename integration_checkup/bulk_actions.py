"""Approve or reject many pieces of feedback at once from the admin listing
(Wagtail's snippet bulk actions: tick the rows, choose the action, confirm).

Each piece is saved on its own, as when one is approved in its edit form:
the save purges the page cache (``caching.cache_purge.purge_on_edit``), so
the measure sheet shows approved feedback at once. Only feedback whose
status changes is saved. The confirmation page lists what will change.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import Feedback
from .models.feedback import FeedbackStatus


class FeedbackStatusBulkAction(SnippetBulkAction):
    """Sets the status of the chosen feedback; subclasses name the status."""

    models = [Feedback]
    template_name = "integration_checkup/admin/feedback_bulk_status.html"
    new_status: str = ""
    question = ""
    button_label = ""

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing" sends the listing's filters and search
        # along: act on what the listing shows (e.g. only the new ones), not
        # on every piece of feedback, as Wagtail's default would.
        viewset = self.model.snippet_viewset
        view = viewset.construct_view(
            viewset.index_view_class, **viewset.get_index_view_kwargs()
        )
        listing = view.view_class(**view.view_initkwargs)
        listing.setup(self.request)
        return listing.get_queryset().values_list("pk", flat=True)

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    @classmethod
    def execute_action(cls, objects, **kwargs):
        changed = 0
        for feedback in objects:
            if feedback.status != cls.new_status:
                feedback.status = cls.new_status
                feedback.save(update_fields=["status"])
                changed += 1
        return changed, 0

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "question": self.question,
            "button_label": self.button_label,
            "action_name": self.display_name,
        }


class ApproveFeedbackBulkAction(FeedbackStatusBulkAction):
    display_name = _("Freigeben")
    action_type = "approve"
    aria_label = _("Ausgewählte Rückmeldungen freigeben")
    action_priority = 10
    new_status = FeedbackStatus.APPROVED
    question = _(
        "Diese Rückmeldungen freigeben? Sie erscheinen danach öffentlich "
        "beim Maßnahmensteckbrief."
    )
    button_label = _("Ja, freigeben")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Rückmeldung freigegeben.",
            "%(count)d Rückmeldungen freigegeben.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectFeedbackBulkAction(FeedbackStatusBulkAction):
    display_name = _("Nicht veröffentlichen")
    action_type = "reject"
    aria_label = _("Ausgewählte Rückmeldungen nicht veröffentlichen")
    action_priority = 20
    new_status = FeedbackStatus.REJECTED
    question = _(
        "Diese Rückmeldungen nicht veröffentlichen? Freigegebene verschwinden "
        "danach vom Maßnahmensteckbrief."
    )
    button_label = _("Ja, nicht veröffentlichen")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Rückmeldung wird nicht veröffentlicht.",
            "%(count)d Rückmeldungen werden nicht veröffentlicht.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
