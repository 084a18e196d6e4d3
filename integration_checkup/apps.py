from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationCheckupConfig(AppConfig):
    name = "integration_checkup"
    verbose_name = _("Check Up Integration")

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail.models import Revision
        from wagtail.signals import unpublished

        from caching.cache_purge import purge_on_change, purge_on_edit

        from .models import MeasureSheet
        from .paper_publication import (
            hold_back_draft_papers,
            hold_back_papers_of_unpublished,
        )

        purge_on_change(self.label)
        # Submitted by visitors: approved feedback shows on the measure sheet.
        purge_on_edit("integration_checkup.Feedback")
        # The file of a new version goes live with the sheet (publishing
        # releases it: core.document_publication).
        post_save.connect(
            hold_back_draft_papers, sender=Revision, dispatch_uid="checkup-drafts"
        )
        unpublished.connect(
            hold_back_papers_of_unpublished,
            sender=MeasureSheet,
            dispatch_uid="checkup-unpublished",
        )
