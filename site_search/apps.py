from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    name = "site_search"
    verbose_name = _("Suche")
