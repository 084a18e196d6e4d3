from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkCheckConfig(AppConfig):
    name = "link_check"
    verbose_name = _("Linkprüfung")

    def ready(self):
        from caching.cache_purge import never_purge

        never_purge(self.label)  # check results never show on public pages
