from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = _("Zwischenspeicher")

    def ready(self):
        from caching.cache_purge import register_purge_signals

        register_purge_signals()
