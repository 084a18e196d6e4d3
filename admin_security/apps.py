from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdminSecurityConfig(AppConfig):
    name = "admin_security"
    verbose_name = _("Sicherheit der Redaktion")
