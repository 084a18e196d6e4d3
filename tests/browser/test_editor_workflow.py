"""The approval workflow in Chromium: a member of "Redaktion" submits a
measure sheet for "Freigabe durch die Koordinierungsstelle"; a member of the
"Koordinierungsstelle" approves it in the admin, and the public sheet shows
the change."""

import re
import subprocess
import sys

from django.conf import settings

import pytest

from tests.browser.conftest import (
    ROOT,
    _add_editor,
    _new_context,
    _served_copy,
    _server_env,
)

pytestmark = pytest.mark.browser
PASSWORD = "Browser-Test-Passwort-2"
SHEET_URL = "/check-up-integration/massnahmen/2/"
NEW_TITLE = "Beispiel: Freigegebener Titel der Maßnahme"

STAFF = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
for username, group in (("r.redakteur", "Redaktion"), ("k.koordination", "Koordinierungsstelle")):
    user = get_user_model().objects.create_user(username, f"{{username}}@example.org", "{PASSWORD}")
    user.groups.add(Group.objects.get(name=group))
"""


def _add_staff(site):
    _add_editor(site)
    subprocess.run(  # noqa: S603 - manage.py of this project
        [sys.executable, "manage.py", "shell", "-c", STAFF],
        cwd=ROOT,
        env=_server_env(site),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory, worker_id):
    """The module's own demo copy, with a "Redaktion" and a
    "Koordinierungsstelle" account besides the superuser."""
    with _served_copy(tmp_path_factory, worker_id, prepare=_add_staff) as server:
        yield server


@pytest.fixture
def log_in(browser, editor_server):
    contexts = []

    def _log_in(username):
        context = _new_context(browser, 1280, 900, locale="de-DE")
        contexts.append(context)
        page = context.new_page()
        admin = f"{editor_server.url}/{settings.ADMIN_URL_PATH}"
        page.goto(f"{admin}login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(admin)
        return page

    yield _log_in
    for context in contexts:
        context.close()


def _open_actions(page):
    """Open the "more actions" menu beside the editor's main button."""
    page.locator("footer .w-dropdown__toggle").click()


def test_measure_sheet_is_approved_through_the_admin_and_goes_live(
    log_in, editor_server
):
    admin = f"/{settings.ADMIN_URL_PATH}"
    editor = log_in("r.redakteur")
    editor.goto(f"{editor_server.url}{admin}snippets/integration_checkup/measuresheet/")
    editor.locator("table tbody").get_by_role("link", name="2", exact=True).click()
    editor.wait_for_url(re.compile(r"/measuresheet/edit/\d+/$"))
    edit_url = editor.url
    # "Redaktion" may not publish: only save a draft or submit.
    assert editor.locator("button[name=action-publish]").count() == 0
    editor.fill("#id_title", NEW_TITLE)
    _open_actions(editor)
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(re.compile(r"/measuresheet/$"))
    assert "zur Moderation eingereicht" in editor.locator(".messages").inner_text()
    assert NEW_TITLE not in editor_server.get(SHEET_URL)[1]

    reviewer = log_in("k.koordination")
    # The dashboard lists it under "awaiting your review".
    assert NEW_TITLE in reviewer.locator("main").inner_text()
    reviewer.goto(edit_url)
    _open_actions(reviewer)
    reviewer.locator(
        "footer button[data-workflow-action-name=approve]"
        ":not([data-workflow-action-modal-url])"
    ).click()
    reviewer.wait_for_url(re.compile(r"/measuresheet/$"))

    status, html = editor_server.get(SHEET_URL)
    assert status == 200
    assert NEW_TITLE in html
