"""Admin hooks of the admin security app: the two-factor login pages (admin_security.two_factor).

wagtail-2fa registers these itself in its own ``wagtail_hooks``, which does
not import under Wagtail 8; the URL names stay wagtail-2fa's, which its views
and middleware reverse.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from admin_security import two_factor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/auth", two_factor.VerifyView.as_view(), name="wagtail_2fa_auth"),
        path(
            "2fa/devices/<int:user_id>",
            two_factor.DeviceListView.as_view(),
            name="wagtail_2fa_device_list",
        ),
        path(
            "2fa/devices/new",
            two_factor.DeviceCreateView.as_view(),
            name="wagtail_2fa_device_new",
        ),
        path(
            "2fa/devices/<int:pk>/update",
            two_factor.DeviceUpdateView.as_view(),
            name="wagtail_2fa_device_update",
        ),
        path(
            "2fa/devices/<int:pk>/remove",
            two_factor.DeviceDeleteView.as_view(),
            name="wagtail_2fa_device_remove",
        ),
        path(
            "2fa/devices/qr-code",
            two_factor.DeviceQRCodeView.as_view(),
            name="wagtail_2fa_device_qrcode",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("wagtail_2fa_device_list", kwargs={"user_id": request.user.pk}),
        "label": _("Zwei-Faktor-Anmeldung"),
        "help_text": _(
            "Richten Sie eine App ein, die bei jeder Anmeldung einen Code erzeugt."
        ),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_user_button(user, request_user):
    if two_factor.may_manage_devices(request_user, user.pk):
        yield Button(
            _("Zwei-Faktor-Geräte"),
            reverse("wagtail_2fa_device_list", kwargs={"user_id": user.pk}),
            icon_name="key",
            priority=100,
        )
