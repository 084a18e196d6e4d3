"""Two-factor login for staff (admin_security.two_factor): optional, binding once set up."""

from django.urls import reverse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _lockout_on(settings):
    """The real login stack, django-axes included."""
    settings.AXES_ENABLED = True


def code(device: TOTPDevice, *, offset: int = 0) -> str:
    """The code the app shows now (offset: steps later or earlier)."""
    value = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + offset,
    )
    return f"{value:0{device.digits}d}"


def log_in(client, user):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.username, "password": EDITOR_PASSWORD},
    )
    assert response.status_code == 302, "the password was refused"
    return response


@pytest.fixture
def device(superuser):
    return TOTPDevice.objects.create(user=superuser, name="Diensthandy", confirmed=True)


def test_user_with_device_must_give_a_code_before_the_dashboard(
    client, superuser, device
):
    log_in(client, superuser)

    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailusers_users:index"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("wagtail_2fa_auth")), url

    page = client.get(reverse("wagtail_2fa_auth"))
    assert page.status_code == 200
    assert "Code aus Ihrer Authenticator-App" in page.content.decode()


def test_the_right_code_lets_the_user_in(client, superuser, device):
    log_in(client, superuser)

    response = client.post(
        reverse("wagtail_2fa_auth"),
        {
            "otp_device": device.persistent_id,
            "otp_token": code(device),
            "next": reverse("wagtailadmin_home"),
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_wrong_code_is_refused(client, superuser, device):
    log_in(client, superuser)
    wrong = code(device, offset=10)

    response = client.post(
        reverse("wagtail_2fa_auth"),
        {"otp_device": device.persistent_id, "otp_token": wrong},
    )

    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_a_code_of_another_users_device_is_refused(
    client, superuser, device, django_user_model
):
    other = django_user_model.objects.create_user("kollegin", password="x" * 20)
    foreign = TOTPDevice.objects.create(user=other, name="Fremd", confirmed=True)
    log_in(client, superuser)

    response = client.post(
        reverse("wagtail_2fa_auth"),
        {"otp_device": foreign.persistent_id, "otp_token": code(foreign)},
    )

    assert response.status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_user_without_device_gets_in_when_not_required(client, superuser, settings):
    settings.WAGTAIL_2FA_REQUIRED = False
    log_in(client, superuser)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_user_without_device_is_sent_to_set_up_when_required(
    client, superuser, settings
):
    settings.WAGTAIL_2FA_REQUIRED = True
    log_in(client, superuser)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtail_2fa_device_new"))


def test_device_setup_page_renders_with_qr_code(client, superuser):
    log_in(client, superuser)

    page = client.get(reverse("wagtail_2fa_device_new"))
    qr = client.get(reverse("wagtail_2fa_device_qrcode"))

    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("wagtail_2fa_device_qrcode") in html
    assert "Authenticator-App" in html
    assert qr.status_code == 200
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content
    # The admin's Content-Security-Policy lets the QR code (same origin) show.
    policy = page["Content-Security-Policy"]
    assert "img-src 'self'" in policy


def test_setting_up_a_device_needs_a_code_and_the_password(client, superuser):
    log_in(client, superuser)
    client.get(reverse("wagtail_2fa_device_new"))
    pending = TOTPDevice.objects.get(user=superuser, confirmed=False)

    wrong_password = client.post(
        reverse("wagtail_2fa_device_new"),
        {"name": "Diensthandy", "otp_token": code(pending), "password": "falsch"},
    )
    assert wrong_password.status_code == 200
    assert "Das Passwort stimmt nicht." in wrong_password.content.decode()

    # A code counts once (replay protection): the app's next one.
    done = client.post(
        reverse("wagtail_2fa_device_new"),
        {
            "name": "Diensthandy",
            "otp_token": code(pending, offset=1),
            "password": EDITOR_PASSWORD,
        },
    )

    assert done.status_code == 302
    assert TOTPDevice.objects.get(user=superuser).confirmed
    # This session counts as verified; the next login asks for a code.
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    client.post(reverse("wagtailadmin_logout"))
    log_in(client, superuser)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_device_list_account_item_and_user_button_render(client, superuser, device):
    client.force_login(superuser)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()

    devices = client.get(
        reverse("wagtail_2fa_device_list", kwargs={"user_id": superuser.pk})
    )
    account = client.get(reverse("wagtailadmin_account"))
    users = client.get(reverse("wagtailusers_users:index"))

    assert devices.status_code == 200
    assert "Diensthandy" in devices.content.decode()
    assert "Zwei-Faktor-Anmeldung" in account.content.decode()
    assert users.status_code == 200
    assert "Zwei-Faktor-Geräte" in users.content.decode()


def test_editor_cannot_see_or_remove_other_users_devices(
    client, device, django_user_model
):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("redakteurin", password="x" * 20)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    listing = client.get(
        reverse("wagtail_2fa_device_list", kwargs={"user_id": device.user_id})
    )
    removal = client.post(
        reverse("wagtail_2fa_device_remove", kwargs={"pk": device.pk})
    )

    # Wagtail's admin answers "permission denied" with a redirect home.
    assert listing.status_code == 302
    assert listing.url == reverse("wagtailadmin_home")
    assert removal.status_code == 302
    assert removal.url == reverse("wagtailadmin_home")
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_bad_device_urls_give_404_not_500(client, superuser):
    client.force_login(superuser)

    assert (
        client.get(reverse("wagtail_2fa_device_remove", kwargs={"pk": 999})).status_code
        == 404
    )
    # The QR code of a set-up that was never started.
    assert client.get(reverse("wagtail_2fa_device_qrcode")).status_code == 404


def test_code_page_without_login_goes_to_the_login(client):
    response = client.get(reverse("wagtail_2fa_auth"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
