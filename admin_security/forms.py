"""The admin's login form: Wagtail's, with German labels.

Wagtail's ``LoginForm`` gives its password field no label, so the page showed
the field's name, "Password" (settings.WAGTAILADMIN_USER_LOGIN_FORM).
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Benutzername")
        self.fields["password"].label = _("Passwort")
        self.fields["password"].widget.attrs["placeholder"] = _("Ihr Passwort")
