from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Adressverzeichnis")

    def ready(self):
        from caching.cache_purge import purge_on_change

        purge_on_change(self.label)  # every model of the directory shows on pages
