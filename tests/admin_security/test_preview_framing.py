"""The editor's preview renders inside the admin.

Wagtail renders a preview by sending a made-up request for the page's public
path through the middleware, so the page arrives with the public policy
(``frame-ancestors 'none'``) and the admin's preview panel stays blank. Under
the admin path the admin's policy (``frame-ancestors 'self'``) replaces it;
the public page keeps ``'none'``."""

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def frame_ancestors(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if "frame-ancestors" in part)


@pytest.fixture
def page(home):
    page = ContentPageFactory(parent=home, slug="vorschau", title="Vorschau")
    page.title = "Vorschau (Entwurf)"
    page.save_revision()
    return page


def test_a_draft_preview_may_be_framed_by_the_admin(editor_client, page, settings):
    response = editor_client.get(
        f"/{settings.ADMIN_URL_PATH}pages/{page.pk}/view_draft/"
    )
    assert response.status_code == 200
    assert "Vorschau (Entwurf)" in response.content.decode()
    assert frame_ancestors(response) == "frame-ancestors 'self'"


def test_the_public_page_still_refuses_every_frame(client, page):
    response = client.get("/vorschau/")
    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'none'"
