from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Schnittstelle (API)")

    def ready(self):
        from django.conf import settings

        from .throttling import parse_rate

        # A malformed API_RATE_LIMIT stops the start instead of every request.
        parse_rate(settings.API_RATE_LIMIT)
