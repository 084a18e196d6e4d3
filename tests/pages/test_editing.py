"""Editors work in the German Wagtail admin: edit, publish, keep drafts private."""

from django.contrib.auth.models import Group

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from tests.conftest import EDITOR_PASSWORD
from tests.factories import OfficePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    """A member of the office staff: Wagtail's "Moderators" may edit and publish."""
    user = django_user_model.objects.create_user(
        username="k.juengling",
        email="k.juengling@example.org",
        password=EDITOR_PASSWORD,
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def office(home):
    page = OfficePageFactory(
        parent=home,
        slug="koordinierungsstelle",
        intro="Alte Einleitung.",
        body=[{"type": "paragraph", "value": "<p>Alter Text.</p>"}],
    )
    page.save_revision().publish()
    return page


def edit_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "last_reviewed": "2026-11-24",
        "menu_title": "",
        "seo_title": "",
        "search_description": "",
        "body": streamfield(
            [("paragraph", rich_text("<p>Neuer Text der Redaktion.</p>"))]
        ),
    }
    data.update(changes)
    return nested_form_data(data)


def log_in(client, user):
    response = client.post(
        "/admin/login/", {"username": user.username, "password": EDITOR_PASSWORD}
    )
    assert response.status_code == 302, "login failed"


def test_admin_speaks_german(client):
    html = client.get("/admin/login/").content.decode()

    assert 'lang="de"' in html
    assert "Anmelden" in html


def test_editor_logs_in_edits_and_publishes_and_the_public_page_changes(
    client, moderator, office
):
    log_in(client, moderator)
    edit_url = f"/admin/pages/{office.pk}/edit/"
    assert "Veröffentlichen" in client.get(edit_url).content.decode()

    response = client.post(
        edit_url, edit_form(office, intro="Neue Einleitung.", **{"action-publish": "1"})
    )

    assert response.status_code == 302
    client.logout()
    html = client.get(office.url).content.decode()
    assert "Neue Einleitung." in html
    assert "Neuer Text der Redaktion." in html
    assert "Alter Text." not in html
    assert 'datetime="2026-11-24"' in html


def test_saved_draft_is_not_public(client, moderator, office):
    log_in(client, moderator)

    response = client.post(
        f"/admin/pages/{office.pk}/edit/", edit_form(office, intro="Noch geheim.")
    )

    assert response.status_code == 302
    office.refresh_from_db()
    assert office.has_unpublished_changes
    client.logout()
    html = client.get(office.url).content.decode()
    assert "Alte Einleitung." in html
    assert "Noch geheim." not in html


def test_new_page_saved_as_draft_is_not_reachable(client, moderator, home):
    log_in(client, moderator)

    response = client.post(
        f"/admin/pages/add/pages/contentpage/{home.pk}/",
        nested_form_data(
            {
                "title": "Interner Entwurf",
                "slug": "interner-entwurf",
                "intro": "Nicht öffentlich.",
                "last_reviewed": "2026-11-24",
                "body": streamfield([]),
            }
        ),
    )

    assert response.status_code == 302
    client.logout()
    assert client.get("/interner-entwurf/").status_code == 404


def test_empty_required_field_shows_german_error_and_keeps_the_input(
    client, moderator, office
):
    log_in(client, moderator)

    response = client.post(
        f"/admin/pages/{office.pk}/edit/",
        edit_form(
            office,
            title="",
            intro="Diese Eingabe darf nicht verloren gehen.",
            **{"action-publish": "1"},
        ),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert "Diese Eingabe darf nicht verloren gehen." in html
    office.refresh_from_db()
    assert office.intro == "Alte Einleitung."


def test_invalid_date_shows_german_error(client, moderator, office):
    log_in(client, moderator)

    response = client.post(
        f"/admin/pages/{office.pk}/edit/",
        edit_form(office, last_reviewed="31.02.2026", **{"action-publish": "1"}),
    )

    assert response.status_code == 200
    assert "Bitte ein gültiges Datum eingeben." in response.content.decode()
