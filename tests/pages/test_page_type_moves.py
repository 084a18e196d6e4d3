"""Page types moved from ``pages`` into apps of their own: the Check Up
Integration page (integration_checkup.0002, pages.0007), events and news
(events.0001, news.0001, pages.0009; ``core.model_moves``). A site that holds
the demo content and editors' unpublished changes keeps its pages, revisions
and translations across the moves, both ways."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Page, Revision

import pytest

from events.models import EventIndexPage, EventPage
from integration_checkup.models import CheckUpPage
from news.models import NewsIndexPage, NewsPage

# Before any of the moves.
BEFORE = [
    ("integration_checkup", "0001_initial"),
    ("pages", "0006_site_settings_office"),
    ("events", None),
    ("news", None),
]
MOVED = {
    CheckUpPage: "integration_checkup",
    EventIndexPage: "events",
    EventPage: "events",
    NewsIndexPage: "news",
    NewsPage: "news",
}


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
def test_moving_page_types_keeps_pages_revisions_and_translations(client):
    call_command("load_initial_data", verbosity=0)
    drafts = {}
    for model in (CheckUpPage, EventPage, NewsPage):
        german = model.objects.filter(locale__language_code="de").first()
        # An editor's draft on top of the published page.
        german.title = f"{german.title} (Entwurf)"
        german.save_revision()
        drafts[german.pk] = german.title
    pages = {
        model: {page.pk: page.locale.language_code for page in model.objects.all()}
        for model in MOVED
    }
    all_pks = [str(pk) for by_pk in pages.values() for pk in by_pk]
    revisions = Revision.page_revisions.filter(object_id__in=all_pks)
    revision_count = revisions.count()
    content_type_ids = {
        model: ContentType.objects.get_for_model(model).pk for model in MOVED
    }
    for model, by_pk in pages.items():
        assert by_pk, model
    for model in (CheckUpPage, EventIndexPage, NewsIndexPage):
        # The German page and its translations.
        assert len(set(pages[model].values())) > 1, model
    assert revision_count > len(all_pks)

    migrate(BEFORE)

    ContentType.objects.clear_cache()
    tables = connection.introspection.table_names()
    for model, app in MOVED.items():
        name = model._meta.model_name
        moved_back = ContentType.objects.get(pk=content_type_ids[model])
        assert (moved_back.app_label, moved_back.model) == ("pages", name)
        assert rows(f"pages_{name}") == len(pages[model])
        assert f"{app}_{name}" not in tables

    migrate(latest())

    ContentType.objects.clear_cache()
    for model, app in MOVED.items():
        name = model._meta.model_name
        content_type = ContentType.objects.get(pk=content_type_ids[model])
        assert (content_type.app_label, content_type.model) == (app, name)
        assert not ContentType.objects.filter(app_label="pages", model=name).exists()
        assert rows(f"{app}_{name}") == len(pages[model])
        for pk, language in pages[model].items():
            page = Page.objects.get(pk=pk)
            assert isinstance(page.specific, model)
            assert page.locale.language_code == language
    assert revisions.count() == revision_count
    for pk, title in drafts.items():
        assert Page.objects.get(pk=pk).get_latest_revision_as_object().title == title
    # The pages serve, in German and in a translation.
    for path in (
        "/check-up-integration/",
        "/veranstaltungen/",
        "/veranstaltungen/kalender/",
        "/aktuelles/",
        "/aktuelles/feed/rss/",
    ):
        assert client.get(path).status_code == 200, path
    arabic = client.get("/ar/check-up-integration/massnahmen/")
    assert arabic.status_code == 200
    assert '<html lang="ar" dir="rtl"' in arabic.content.decode()
    ukrainian = client.get("/uk/veranstaltungen/")
    assert ukrainian.status_code == 200
    assert '<html lang="uk"' in ukrainian.content.decode()
