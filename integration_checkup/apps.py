from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationCheckupConfig(AppConfig):
    name = "integration_checkup"
    verbose_name = _("Check Up Integration")
