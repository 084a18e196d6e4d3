from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Schnittstelle (API)")

    def ready(self):
        from core.ratelimit import check_rate_settings

        # A malformed API_RATE_LIMIT stops the start instead of every request.
        check_rate_settings("API_RATE_LIMIT")
