"""Two-factor login for staff (TOTP): optional, but binding once set up.

Built on wagtail-2fa 1.8 and django-otp, with the parts that do not work with
Wagtail 8 and django-otp 1.7 replaced here:

- wagtail-2fa's ``wagtail_hooks`` imports ``wagtail.users.widgets``, which
  Wagtail 8 removed, so the package is not an installed app; its URLs, menu
  item and user-listing button are registered in ``admin_security.wagtail_hooks``.
- its token form names no device, and django-otp 1.7 refuses a token without
  one ("Please select a device."); ``TokenForm`` names the device.
- its templates are replaced by German ones in ``templates/admin_security/two_factor/``.

``TwoFactorMiddleware``: wagtail-2fa's middleware asks nobody for a code
unless ``WAGTAIL_2FA_REQUIRED`` is on, not even staff who set up a device.
Here a device always counts: staff with a confirmed TOTP device must give a
code before they reach anything but the login, code and logout pages. Staff
without a device get in with their password, unless 2FA is required; then
they are sent to set one up.
"""

import base64
from functools import partial

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

import django_otp
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import forms as wagtail_2fa_forms
from wagtail_2fa import utils as wagtail_2fa_utils
from wagtail_2fa import views as wagtail_2fa_views
from wagtail_2fa.middleware import VerifyUserMiddleware


class TwoFactorMiddleware(VerifyUserMiddleware):
    def process_request(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # No session, so nobody logged in: no session lookup and no
            # device query for a visitor; the user stays unevaluated.
            request.user = SimpleLazyObject(
                partial(self._verify_user_sync, request, request.user)
            )
            return None
        return super().process_request(request)

    def _require_verified_user(self, request) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        # Users who may not use the admin anyway are none of our business.
        if not (
            user.is_staff
            or user.is_superuser
            or user.has_perms(["wagtailadmin.access_admin"])
        ):
            return False
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in self._allowed_url_names:
            return False
        if django_otp.user_has_device(user, confirmed=True):
            return True
        # No device yet: only where 2FA is required, and then not on the
        # pages that set one up.
        return (
            settings.WAGTAIL_2FA_REQUIRED
            and url_name not in self._allowed_url_names_no_device
        )


def may_manage_devices(request_user, owner_id: int) -> bool:
    """Everyone manages their own devices; user administrators anyone's."""
    return owner_id == request_user.pk or request_user.has_perm("auth.change_user")


class TokenForm(OTPAuthenticationFormMixin, forms.Form):
    """The code from the app, checked against one of the user's devices."""

    otp_device = forms.ChoiceField(label=_("Gerät"))
    otp_token = forms.CharField(
        label=_("Code aus der App"),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autofocus": "autofocus",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
            }
        ),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        self.fields["otp_device"].choices = [
            (device.persistent_id, device.name) for device in devices
        ]
        if len(devices) == 1:
            self.fields["otp_device"].initial = devices[0].persistent_id
            self.fields["otp_device"].widget = forms.HiddenInput()

    def clean(self):
        self.clean_otp(self.user)
        return self.cleaned_data


class DeviceForm(wagtail_2fa_forms.DeviceForm):
    """wagtail-2fa's set-up form, in German."""

    def __init__(self, request, **kwargs):
        super().__init__(request, **kwargs)
        self.fields["name"].label = _("Name des Geräts")
        self.fields["name"].help_text = _("Zum Beispiel „Diensthandy“.")
        self.fields["password"].label = _("Ihr Passwort")
        self.fields["password"].help_text = _(
            "Zur Sicherheit bestätigen Sie die Einrichtung mit Ihrem Passwort."
        )
        if "otp_token" in self.fields:
            self.fields["otp_token"].label = _("Code aus der App")
            self.fields["otp_token"].help_text = _(
                "Die sechsstellige Zahl, die die App nach dem Scannen anzeigt."
            )

    def clean_otp_token(self):
        try:
            return super().clean_otp_token()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Der Code stimmt nicht. Bitte geben Sie den aktuellen Code ein."),
                code="invalid",
            ) from None

    def clean_password(self):
        try:
            return super().clean_password()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Das Passwort stimmt nicht."), code="invalid"
            ) from None


class VerifyView(wagtail_2fa_views.LoginView):
    """Asks for the code after the password (URL name ``wagtail_2fa_auth``)."""

    template_name = "admin_security/two_factor/verify.html"
    form_class = TokenForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        return super().dispatch(request, *args, **kwargs)


class DeviceListView(wagtail_2fa_views.DeviceListView):
    template_name = "admin_security/two_factor/device_list.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_devices(request.user, int(kwargs["user_id"])):
            raise PermissionDenied
        if not self.user_allowed(request.user):
            return self.handle_no_permission(request)
        return super(wagtail_2fa_views.DeviceListView, self).dispatch(
            request, *args, **kwargs
        )


class DeviceCreateView(wagtail_2fa_views.DeviceCreateView):
    template_name = "admin_security/two_factor/device_form.html"
    form_class = DeviceForm

    def get_form_kwargs(self):
        if self.device is None:  # a POST without the page that made the device
            raise Http404
        return super().get_form_kwargs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The secret to type in by hand, as authenticator apps show it.
        context["secret"] = base64.b32encode(self.device.bin_key).decode()
        return context


class DeviceUpdateView(wagtail_2fa_views.DeviceUpdateView):
    template_name = "admin_security/two_factor/device_form.html"
    form_class = DeviceForm


class DeviceDeleteView(wagtail_2fa_views.DeviceDeleteView):
    template_name = "admin_security/two_factor/device_confirm_delete.html"

    def dispatch(self, request, *args, **kwargs):
        device = get_object_or_404(TOTPDevice, pk=kwargs["pk"], confirmed=True)
        if not may_manage_devices(request.user, device.user_id):
            raise PermissionDenied
        if not self.user_allowed(request.user):
            return self.handle_no_permission(request)
        self.owner_id = device.user_id
        return super(wagtail_2fa_views.DeviceDeleteView, self).dispatch(
            request, *args, **kwargs
        )

    def get_queryset(self):
        return TOTPDevice.objects.filter(user_id=self.owner_id, confirmed=True)

    def get_success_url(self):
        return reverse("wagtail_2fa_device_list", kwargs={"user_id": self.owner_id})


class DeviceQRCodeView(wagtail_2fa_views.DeviceQRCodeView):
    def get(self, request):
        if wagtail_2fa_utils.get_unconfirmed_device(request.user) is None:
            raise Http404
        return super().get(request)
