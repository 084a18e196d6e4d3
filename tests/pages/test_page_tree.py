"""Tree bookkeeping of translations: a translated parent keeps its children."""

import importlib

from django.apps import apps

from wagtail.models import Locale, Page

import pytest

from core.bootstrap import content_locales
from demo.translations import object_translate
from tests.factories import OfficePageFactory

pytestmark = pytest.mark.django_db

NOT_TRANSLATED = "Diese Seite gibt es noch nicht in Ihrer Sprache."
repair = importlib.import_module("pages.migrations.0004_repair_page_tree_numchild")


@pytest.fixture
def office(home):
    content_locales()
    return OfficePageFactory(
        parent=home, slug="koordinierungsstelle", title="Koordinierungsstelle"
    )


def test_parent_and_child_translated_in_one_transaction_keep_the_tree(
    client, home, office, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes each translation when the transaction
    # commits, as when an editor translates a page with its subpages.
    with django_capture_on_commit_callbacks(execute=True):
        object_translate(
            instance=home,
            language="ar",
            strings={home.title: {"ar": "اللاجئون في فلنسبورغ"}},
        )
        object_translate(
            instance=office,
            language="ar",
            strings={office.title: {"ar": "مكتب التنسيق"}},
        )

    arabic_home = home.get_translation(Locale.objects.get(language_code="ar"))
    assert Page.objects.get(pk=arabic_home.pk).numchild == 1
    response = client.get("/ar/koordinierungsstelle/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "مكتب التنسيق" in html
    assert NOT_TRANSLATED not in html


def test_migration_recounts_the_children_of_every_page(home, office):
    Page.objects.filter(pk=home.pk).update(numchild=0)
    Page.objects.filter(pk=office.pk).update(numchild=3)

    repair.numchild_recount(apps, None)

    assert Page.objects.get(pk=home.pk).numchild == 1
    assert Page.objects.get(pk=office.pk).numchild == 0
    assert Page.objects.get(depth=1).numchild == Page.objects.filter(depth=2).count()
