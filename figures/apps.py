from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "figures"
    verbose_name = _("Lage in Zahlen")

    def ready(self):
        from caching.cache_purge import purge_on_change

        # Indicators, values and sources show on pages with charts and on
        # /zahlen/; an import record shows nowhere, but purging on it costs
        # nothing a new import would not cost anyway.
        purge_on_change(self.label)
