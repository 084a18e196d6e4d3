from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationCheckupConfig(AppConfig):
    name = "integration_checkup"
    verbose_name = _("Check Up Integration")

    def ready(self):
        from caching.cache_purge import purge_on_change, purge_on_edit

        purge_on_change(self.label)
        # Submitted by visitors: approved feedback shows on the measure sheet.
        purge_on_edit("integration_checkup.Feedback")
