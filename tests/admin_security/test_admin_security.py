"""Hardened admin: login lockout, admin path, password policy, staff sessions."""

import importlib.util
import sys
from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import clear_url_caches, reverse

import pytest
from axes.models import AccessAttempt

from tests.conftest import EDITOR_PASSWORD
from tests.flensburg_site.test_settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
OFFICE = "198.51.100.7"
STRANGER = "203.0.113.9"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _lockout_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_IP_FAILURE_LIMIT = 20


WRONG_PASSWORD = "falsch-falsch"


def attempt(client, username, password=WRONG_PASSWORD, address=OFFICE, **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_axes_checks_every_login_first_and_answers_last():
    assert django_settings.AUTHENTICATION_BACKENDS[0] == (
        "axes.backends.AxesStandaloneBackend"
    )
    assert django_settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_repeated_failures_lock_user_and_address_out(client, superuser):
    for _ in range(4):
        assert attempt(client, superuser.username).status_code == 200

    fifth = attempt(client, superuser.username)
    # Locked: even the right password does not get in now.
    right = attempt(client, superuser.username, EDITOR_PASSWORD)

    for response in (fifth, right):
        assert response.status_code == 429
        html = response.content.decode()
        assert "Anmeldung vorübergehend gesperrt" in html
        assert "15 Minuten" in html
        assert response["Retry-After"] == "900"
        assert "no-store" in response["Cache-Control"]
    assert "admin_security/login_locked.html" in [t.name for t in fifth.templates]
    assert "_auth_user_id" not in client.session


def test_a_stranger_cannot_lock_an_editor_out_of_her_office(client, superuser):
    for _ in range(8):
        attempt(client, superuser.username, address=STRANGER)
    assert attempt(client, superuser.username, address=STRANGER).status_code == 429

    response = attempt(client, superuser.username, EDITOR_PASSWORD, address=OFFICE)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_one_address_cannot_try_name_after_name(client, superuser):
    for number in range(19):
        assert attempt(client, f"name{number}").status_code == 200

    assert attempt(client, "name19").status_code == 429
    # The address is locked for every name, the editor's too.
    assert attempt(client, superuser.username, EDITOR_PASSWORD).status_code == 429
    # Other addresses are not.
    assert (
        attempt(client, superuser.username, EDITOR_PASSWORD, address=STRANGER)
    ).status_code == 302


def test_forwarded_for_is_ignored_unless_trusted(client, settings):
    settings.TRUST_X_FORWARDED_FOR = False
    for number in range(5):
        attempt(client, "redaktion", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OFFICE}
    assert (
        attempt(client, "redaktion", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code
        == 429
    )


def test_behind_a_trusted_proxy_the_forwarded_address_counts(
    client, settings, superuser
):
    settings.TRUST_X_FORWARDED_FOR = True
    proxy = "10.0.0.2"
    for _ in range(5):
        attempt(
            client, superuser.username, address=proxy, HTTP_X_FORWARDED_FOR=STRANGER
        )

    # The proxy appends the real address; another client through it gets in.
    response = attempt(
        client,
        superuser.username,
        EDITOR_PASSWORD,
        address=proxy,
        HTTP_X_FORWARDED_FOR=f"{STRANGER}, {OFFICE}",
    )

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {STRANGER}
    assert response.status_code == 302


def test_a_forged_forwarded_address_that_is_no_address_gives_no_500(client, settings):
    settings.TRUST_X_FORWARDED_FOR = True

    response = attempt(client, "redaktion", HTTP_X_FORWARDED_FOR="<script>, x" * 50)

    assert response.status_code == 200
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [OFFICE]


def test_axes_reset_unlocks(client, superuser):
    for _ in range(5):
        attempt(client, superuser.username)
    assert attempt(client, superuser.username, EDITOR_PASSWORD).status_code == 429

    call_command("axes_reset", verbosity=0)

    assert attempt(client, superuser.username, EDITOR_PASSWORD).status_code == 302


def test_failures_are_forgotten_after_the_cool_off(client, superuser, settings):
    from datetime import timedelta

    from django.utils import timezone

    for _ in range(5):
        attempt(client, superuser.username)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert attempt(client, superuser.username, EDITOR_PASSWORD).status_code == 302


# Admin path -----------------------------------------------------------------


@pytest.fixture
def custom_admin_path(settings):
    """flensburg_site.urls imported afresh with ADMIN_URL_PATH="redaktion-7f3a/"."""
    settings.ADMIN_URL_PATH = "redaktion-7f3a/"
    name = "tests_core_custom_admin_urls"
    spec = importlib.util.spec_from_file_location(
        name, ROOT / "flensburg_site" / "urls.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    settings.ROOT_URLCONF = name
    clear_url_caches()
    yield "/redaktion-7f3a/"
    del sys.modules[name]
    clear_url_caches()


def test_admin_answers_under_the_configured_path_only(
    client, home, superuser, custom_admin_path
):
    login = client.get(f"{custom_admin_path}login/")
    client.force_login(superuser)
    dashboard = client.get(custom_admin_path)

    assert login.status_code == 200
    assert reverse("wagtailadmin_home") == custom_admin_path
    assert dashboard.status_code == 200
    # The admin's looser CSP follows the path.
    assert "'unsafe-inline'" in dashboard["Content-Security-Policy"]
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404


# Password policy ------------------------------------------------------------


def new_user_form(password: str, **changes) -> dict:
    return {
        "username": "neue.kollegin",
        "email": "kollegin@example.org",
        "first_name": "Neue",
        "last_name": "Kollegin",
        "password1": password,
        "password2": password,
        "groups": [],
        **changes,
    }


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Kurz-1x", "Dieses Passwort ist zu kurz"),
        ("123456789012345", "Dieses Passwort ist komplett numerisch"),
        ("telechargement", "Dieses Passwort ist zu üblich"),
    ],
)
def test_weak_password_is_refused_when_creating_a_user(
    editor_client, django_user_model, password, message
):
    response = editor_client.post(
        reverse("wagtailusers_users:add"), new_user_form(password)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not django_user_model.objects.filter(username="neue.kollegin").exists()


def test_strong_password_is_accepted_when_creating_a_user(
    editor_client, django_user_model
):
    response = editor_client.post(
        reverse("wagtailusers_users:add"),
        new_user_form("Fördeblick-Hafenspitze-2017"),
    )

    assert response.status_code == 302
    user = django_user_model.objects.get(username="neue.kollegin")
    assert user.check_password("Fördeblick-Hafenspitze-2017")


def test_weak_password_is_refused_when_editing_a_user(editor_client, django_user_model):
    user = django_user_model.objects.create_user(
        "kollege", "kollege@example.org", "Ein-gutes-altes-Passwort"
    )
    form = {
        "username": "kollege",
        "email": "kollege@example.org",
        "first_name": "Karl",
        "last_name": "Kollege",
        "is_active": "on",
        "groups": [],
    }
    url = reverse("wagtailusers_users:edit", args=[user.pk])

    weak = editor_client.post(url, {**form, "password1": "kurz", "password2": "kurz"})
    user.refresh_from_db()
    assert weak.status_code == 200
    assert "Dieses Passwort ist zu kurz" in weak.content.decode()
    assert user.check_password("Ein-gutes-altes-Passwort")

    strong = "Neues-Passwort-für-2026"
    editor_client.post(url, {**form, "password1": strong, "password2": strong})
    user.refresh_from_db()
    assert user.check_password(strong)


# Sessions and settings from the environment ---------------------------------


def test_staff_session_lasts_a_working_day_at_most(client, superuser):
    # Without "remember me" the cookie ends with the browser, the session on
    # the server after SESSION_COOKIE_AGE either way.
    response = attempt(client, superuser.username, EDITOR_PASSWORD)
    assert client.session.get_expiry_age() == 10 * 3600
    assert response.cookies[django_settings.SESSION_COOKIE_NAME]["max-age"] == ""

    remembered = client.post(
        reverse("wagtailadmin_login"),
        {"username": superuser.username, "password": EDITOR_PASSWORD, "remember": "on"},
        REMOTE_ADDR=OFFICE,
    )
    cookie = remembered.cookies[django_settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 10 * 3600
    assert cookie["httponly"]


def settings_from_env(show: str, **env: str) -> str:
    result = load_settings(
        "flensburg_site.settings.dev",
        show,
        drop_prefixes=("AXES_", "WAGTAIL_2FA", "ADMIN_URL", "SESSION_"),
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_admin_security_settings_come_from_the_environment():
    show = (
        "settings.AXES_FAILURE_LIMIT, settings.AXES_IP_FAILURE_LIMIT, "
        "settings.AXES_COOLOFF_TIME.total_seconds(), settings.WAGTAIL_2FA_REQUIRED, "
        "settings.ADMIN_URL_PATH, settings.SESSION_COOKIE_AGE"
    )

    assert settings_from_env(show) == "5 20 900.0 False admin/ 36000"
    assert (
        settings_from_env(
            show,
            AXES_FAILURE_LIMIT="3",
            AXES_IP_FAILURE_LIMIT="12",
            AXES_COOLOFF_MINUTES="60",
            WAGTAIL_2FA_REQUIRED="true",
            ADMIN_URL_PATH="/redaktion-7f3a/",
            SESSION_COOKIE_HOURS="4",
        )
        == "3 12 3600.0 True redaktion-7f3a/ 14400"
    )
