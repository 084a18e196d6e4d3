"""Security headers and cookies on every public page of the demo site.

The pages are those the sitemap lists (every page, measure sheet, field and
list in every language), plus the routes a sitemap leaves out.
"""

import io
import re
import subprocess
import sys
from unittest import mock

from django.core.management import call_command
from django.test import Client

import pytest

from tests.flensburg_site.test_settings import PRODUCTION_ENV, ROOT

NOT_FOUND_URL = "/gibt-es-nicht/"
EXTRA_PUBLIC_URLS = [
    "/suche/?q=Sprachkurs",
    "/ar/suche/?q=Kurs",
    "/aktuelles/feed/rss/",
    "/robots.txt",
    "/sitemap.xml",
    NOT_FOUND_URL,
]
# A sample of what the demo sitemap must list: pages in German and translated,
# and the routes below the Check Up page.
EXPECTED_SITEMAP_URLS = {
    "/",
    "/en/",
    "/ar/",
    "/koordinierungsstelle/",
    "/en/koordinierungsstelle/",
    "/barrierefreiheit/",
    "/veranstaltungen/",
    "/aktuelles/",
    "/check-up-integration/",
    "/check-up-integration/massnahmen/",
    "/check-up-integration/massnahmen/1/",
    "/check-up-integration/statusanalysen/",
    "/check-up-integration/handlungsfelder/arbeit/",
    "/en/check-up-integration/handlungsfelder/arbeit/",
}
FORM_FIELD = 'name="csrfmiddlewaretoken"'


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_initial_data", stdout=io.StringIO())


def public_urls(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sitemap = response.content.decode()
    urls = [
        re.sub(r"^https?://[^/]+", "", loc)
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    ]
    assert len(urls) > 50, "the demo sitemap should list the whole site"
    assert EXPECTED_SITEMAP_URLS - set(urls) == set()
    # The forms live below the pages they belong to.
    feedback = [
        f"{url}rueckmeldung/" for url in urls if re.search(r"/massnahmen/\d+/$", url)
    ]
    barrier = [
        f"{url}barriere-melden/" for url in urls if url.endswith("/barrierefreiheit/")
    ]
    assert feedback and barrier
    return urls + feedback[:2] + barrier[:2] + EXTRA_PUBLIC_URLS


def test_every_public_page_has_the_strict_headers(client, demo):
    for url in public_urls(client):
        response = client.get(url)
        # Every address the sitemap lists answers; the made-up one is a 404.
        assert response.status_code == (404 if url == NOT_FOUND_URL else 200), url

        csp = response.headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in csp, url
        assert "'unsafe-eval'" not in csp, url
        assert "object-src 'none'" in csp, url
        assert "frame-ancestors 'none'" in csp, url
        assert response.headers["X-Frame-Options"] == "DENY", url
        assert response.headers["X-Content-Type-Options"] == "nosniff", url
        assert response.headers["Referrer-Policy"] == "same-origin", url
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin", url
        policy = response.headers["Permissions-Policy"]
        assert "camera=()" in policy, url
        assert "geolocation=()" in policy, url


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/gibt-es-nicht/",
        # Static files: whitenoise answers before the inner middleware.
        "/static/css/site.css",
        "/static/fonts/files/fira-sans-latin-400-normal.woff2",
        # Media below /media/, answered by Django (core.media).
        "/media/images/gibt-es-nicht.jpg",
        # The admin and a redirect of CommonMiddleware (APPEND_SLASH).
        "/admin/login/",
        "/barrierefreiheit",
    ],
)
def test_every_answer_keeps_to_its_own_origin(client, home, path):
    response = client.get(path)

    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin", path


def test_https_redirect_and_500_page_keep_to_their_own_origin(settings, home):
    settings.SECURE_SSL_REDIRECT = True
    redirect = Client().get("/")
    settings.SECURE_SSL_REDIRECT = False
    with mock.patch(
        "wagtail.models.Site.find_for_request", side_effect=RuntimeError("kaputt")
    ):
        error = Client(raise_request_exception=False).get("/")

    assert redirect.status_code == 301
    assert error.status_code == 500
    for response in (redirect, error):
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "path", ["/api/v1/measures", "/api/v1/measures/99999", "/api/gibt-es-nicht"]
)
def test_the_open_api_may_be_used_by_other_sites(client, home, path):
    """CORS open to every origin, and no-cors use allowed too."""
    response = client.get(path)

    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_no_cookie_without_a_form_and_only_csrf_with_one(client, demo):
    with_form = without_form = 0
    for url in public_urls(client):
        client.cookies.clear()
        response = client.get(url)
        html = response.content.decode(errors="replace")
        if FORM_FIELD in html:
            with_form += 1
            assert set(response.cookies) == {"csrftoken"}, url
            cookie = response.cookies["csrftoken"]
            assert cookie["httponly"], url
            assert cookie["samesite"] == "Lax", url
        else:
            without_form += 1
            assert not response.cookies, f"{url} sets {set(response.cookies)}"
    # Both kinds exist on the demo site: the feedback form on measure sheets.
    assert with_form and without_form


def test_admin_keeps_its_own_policy_so_that_previews_work(client, superuser, home):
    client.force_login(superuser)

    response = client.get(f"/admin/pages/{home.pk}/edit/")

    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "frame-src 'self'" in csp
    # The preview answers inside the editor's iframe (same origin only).
    shown = client.get(f"/admin/pages/{home.pk}/edit/preview/")
    assert shown.status_code == 200
    assert shown.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in shown.headers["Content-Security-Policy"]


def test_hsts_and_secure_cookies_in_production(client, home, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True

    response = client.get("/", secure=True)

    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_production_deploy_check_is_clean_at_warning_level():
    env = {
        **PRODUCTION_ENV,
        "SECRET_KEY": "deploy-check-only-" + "k3y-" * 12,
        "DATABASE_URL": "sqlite:///:memory:",
        "DJANGO_SETTINGS_MODULE": "flensburg_site.settings.production",
        "PATH": "/usr/bin:/bin",
    }

    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_silenced_deploy_check_carries_its_reason():
    source = (ROOT / "flensburg_site" / "settings" / "production.py").read_text()
    block = source.split("SILENCED_SYSTEM_CHECKS = [", 1)[1].split("]", 1)[0]
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        if line.startswith('"'):
            assert index > 0, f"{line} has no reason"
            assert lines[index - 1].startswith(("#", '"')), line
    assert lines[0].startswith("#")
