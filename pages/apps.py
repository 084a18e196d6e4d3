from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Seiten")

    def ready(self):
        from caching.cache_purge import purge_on_change, purge_on_edit

        purge_on_change("pages.SiteSettings")
        purge_on_edit("pages.BarrierReport")  # submitted by visitors
