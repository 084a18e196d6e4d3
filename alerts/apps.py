from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("E-Mail-Benachrichtigungen")

    def ready(self):
        from core.follow import register_follow_link
        from core.ratelimit import check_rate_settings

        from .follow import follow_link

        register_follow_link(follow_link)
        check_rate_settings("ALERTS_SUBSCRIBE_RATE", "ALERTS_EMAIL_RATE")

        from .changes import connect  # the sending side (A2)

        connect()
