"""The Check Up Integration page moved from ``pages`` into this app
(integration_checkup.0002, pages.0007): a site that holds the demo content
and an editor's unpublished change keeps its pages, revisions and
translations across the move, both ways."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Page, Revision

import pytest

from integration_checkup.models import CheckUpPage

BEFORE = [
    ("integration_checkup", "0001_initial"),
    ("pages", "0006_site_settings_office"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_moving_the_check_up_page_keeps_pages_revisions_and_translations(client):
    call_command("load_initial_data", verbosity=0)
    german = CheckUpPage.objects.get(locale__language_code="de")
    # An editor's draft on top of the published page.
    german.title = "Check Up Integration (Entwurf)"
    german.save_revision()
    pages = {page.pk: page.locale.language_code for page in CheckUpPage.objects.all()}
    revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in pages])
    revision_count = revisions.count()
    content_type_id = ContentType.objects.get_for_model(CheckUpPage).pk
    assert len(pages) > 1  # the German page and its translations
    assert revision_count > len(pages)

    migrate(BEFORE)

    ContentType.objects.clear_cache()
    moved_back = ContentType.objects.get(pk=content_type_id)
    assert (moved_back.app_label, moved_back.model) == ("pages", "checkuppage")
    assert rows("pages_checkuppage") == len(pages)
    assert (
        "integration_checkup_checkuppage" not in connection.introspection.table_names()
    )

    migrate(latest())

    ContentType.objects.clear_cache()
    content_type = ContentType.objects.get(pk=content_type_id)
    assert (content_type.app_label, content_type.model) == (
        "integration_checkup",
        "checkuppage",
    )
    assert not ContentType.objects.filter(
        app_label="pages", model="checkuppage"
    ).exists()
    assert rows("integration_checkup_checkuppage") == len(pages)
    for pk, language in pages.items():
        page = Page.objects.get(pk=pk)
        assert isinstance(page.specific, CheckUpPage)
        assert page.locale.language_code == language
    assert revisions.count() == revision_count
    draft = Page.objects.get(pk=german.pk).get_latest_revision_as_object()
    assert draft.title == "Check Up Integration (Entwurf)"
    # The pages serve, in German and in a translation.
    assert client.get("/check-up-integration/").status_code == 200
    arabic = client.get("/ar/check-up-integration/massnahmen/")
    assert arabic.status_code == 200
    assert '<html lang="ar" dir="rtl"' in arabic.content.decode()
