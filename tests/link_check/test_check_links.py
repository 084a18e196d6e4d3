"""``check_links`` finds the links in pages, measure sheets and the
directory, checks them (internal ones in the database, external ones against
a stand-in server on 127.0.0.1) and the report lists the broken ones with a
link to the object to fix."""

import json

from django.core.management import call_command
from django.test import Client

from wagtail.admin.admin_url_finder import AdminURLFinder

import pytest

from link_check.models import FoundLink
from tests.admin_users import sidebar_labels, staff_user
from tests.contacts.factories import OrganisationFactory
from tests.factories import ContentPageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db
REPORT_URL = "/admin/defekte-links/"


def run_check():
    call_command("check_links", "--timeout", "0.5", "--pause", "0")


def body(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def link_list(*links) -> dict:
    empty = {"page": None, "document": None, "url": "", "label": "", "description": ""}
    return {
        "title": "Links",
        "links": [{"type": "item", "value": {**empty, **link}} for link in links],
    }


@pytest.fixture
def content(home, stand_in):
    gone = ContentPageFactory(parent=home, title="Alte Seite")
    gone_id = gone.pk
    gone.delete()
    draft = ContentPageFactory(parent=home, title="Entwurf", live=False)
    fine = ContentPageFactory(parent=home, title="Gute Seite")
    page = ContentPageFactory(
        parent=home,
        title="Beratung",
        body=body(
            (
                "paragraph",
                f'<p><a linktype="page" id="{gone_id}">alt</a> und '
                f'<a href="{stand_in.base}/fehlt">extern</a></p>',
            ),
            (
                "link_list",
                link_list(
                    {"page": draft.pk},
                    {"page": gone_id},
                    {"page": fine.pk},
                    {"url": f"{stand_in.base}/ok"},
                ),
            ),
        ),
    )
    sheet = MeasureSheetFactory(
        number=3,
        title="Sprachcafés",
        council_decision_url=f"{stand_in.base}/umgezogen",
        goals=f'<p><a href="{stand_in.base}/ok">Ziele</a></p>',
    )
    organisation = OrganisationFactory(
        name="Beratungsstelle",
        website=f"{stand_in.base}/langsam",
        appointment_url=f"{stand_in.base}/kein-head",
    )
    return {"page": page, "sheet": sheet, "organisation": organisation}


def broken() -> list[tuple[str, str, str]]:
    return sorted(
        FoundLink.objects.filter(ok=False).values_list(
            "object_label", "field_label", "error"
        )
    )


def test_finds_and_checks_every_kind_of_link(content, stand_in):
    run_check()

    assert broken() == [
        (
            "3. Sprachcafés",
            "Link zum Beschluss",
            "Weiterleitung auf eine Adresse mit Fehler 404.",
        ),
        (
            "Beratung",
            "Inhalt › Linkliste",
            "Die verlinkte Seite ist nicht veröffentlicht.",
        ),
        ("Beratung", "Inhalt › Linkliste", "Die verlinkte Seite wurde gelöscht."),
        ("Beratung", "Inhalt › Text", "Die verlinkte Seite wurde gelöscht."),
        ("Beratung", "Inhalt › Text", "Seite nicht gefunden (Fehler 404)."),
        ("Beratungsstelle", "Website", "Keine Antwort innerhalb von 0.5 Sekunden."),
    ]
    working = FoundLink.objects.filter(ok=True)
    assert sorted(working.values_list("object_label", "field_label")) == [
        ("3. Sprachcafés", "Ziele"),
        ("Beratung", "Inhalt › Linkliste"),  # the published page
        ("Beratung", "Inhalt › Linkliste"),  # /ok
        ("Beratungsstelle", "Link zur Terminvereinbarung"),
    ]
    assert not FoundLink.objects.filter(ok=None).exists()


def test_report_lists_the_broken_links_with_the_object_to_fix(
    content, editor_client, superuser
):
    run_check()

    html = editor_client.get(REPORT_URL).content.decode()

    finder = AdminURLFinder(superuser)
    for obj in content.values():
        assert f'href="{finder.get_edit_url(obj)}"' in html
    assert "Die verlinkte Seite wurde gelöscht." in html
    assert "Die verlinkte Seite ist nicht veröffentlicht." in html
    assert "Seite „Entwurf“" in html
    assert "Weiterleitung auf eine Adresse mit Fehler 404." in html
    assert "Keine Antwort innerhalb von 0.5 Sekunden." in html
    assert "wurden 6 defekte Links gefunden" in html
    assert "/kein-head" not in html  # working links are not listed


def test_a_fixed_link_leaves_the_report_after_the_next_check(content, stand_in):
    run_check()
    organisation = content["organisation"]
    organisation.website = f"{stand_in.base}/ok"
    organisation.save()

    run_check()

    assert (
        "Beratungsstelle",
        "Website",
        "Keine Antwort innerhalb von 0.5 Sekunden.",
    ) not in broken()
    assert FoundLink.objects.get(
        object_label="Beratungsstelle", field_label="Website"
    ).ok


def test_internal_only_asks_no_server(content, stand_in):
    call_command("check_links", "--nur-intern")

    assert stand_in.requests == []
    assert len(broken()) == 3  # the deleted (twice) and the unpublished page


def test_saving_content_and_opening_the_report_check_nothing(
    content, stand_in, editor_client
):
    """Checks run only from the command: not on saving, not in the admin."""
    page = content["page"]
    page.save_revision().publish()
    content["organisation"].save()
    content["sheet"].save()

    editor_client.get(REPORT_URL)
    editor_client.get("/admin/")

    assert stand_in.requests == []
    assert not FoundLink.objects.exists()


def test_report_only_for_editors(django_user_model, editor_client):
    client = Client()  # not the editor's: the fixtures share one
    client.force_login(staff_user(django_user_model, "ohne"))

    refused = client.get(REPORT_URL)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "Defekte Links" not in sidebar_labels(client.get("/admin/").content.decode())
    assert "Defekte Links" in sidebar_labels(
        editor_client.get("/admin/").content.decode()
    )
    assert "Keine defekten Links." in editor_client.get(REPORT_URL).content.decode()
