from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Grundlagen")

    def ready(self):
        from core.cache_purge import register_purge_signals
        from core.ratelimit import check_rate_settings

        register_purge_signals()
        # A malformed rate stops the start instead of every form submission.
        check_rate_settings("FEEDBACK_RATE", "BARRIER_REPORT_RATE")
