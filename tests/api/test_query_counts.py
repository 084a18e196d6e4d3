"""Every list costs a fixed number of SQL queries, whatever the amount of content."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from tests.contacts.factories import (
    HelpCategoryFactory,
    LanguageFactory,
    OrganisationFactory,
)
from tests.factories import (
    CheckUpPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    OfficePageFactory,
)
from tests.integration_checkup.factories import DocumentFactory, MeasureSheetFactory

from .helpers import translate_page

pytestmark = pytest.mark.django_db


def add_pages(home, count):
    for _ in range(count):
        ContentPageFactory(parent=home)


def add_measures(home, count):
    for _ in range(count):
        MeasureSheetFactory(document=DocumentFactory())


def add_organisations(home, count):
    for _ in range(count):
        organisation = OrganisationFactory(
            slots=[(0, "09:00", "12:00"), (2, "14:00", "16:00")],
            categories=[HelpCategoryFactory()],
            languages=[LanguageFactory(code="ar"), LanguageFactory(code="fa")],
        )
        OfficePageFactory(
            parent=home, slug=f"stelle-{organisation.pk}", organisation=organisation
        )


def add_events(home, count):
    index = home.get_children().type(EventIndexPageFactory._meta.model).first()
    for number in range(count):
        EventPageFactory(
            parent=index.specific,
            start=timezone.now() + datetime.timedelta(days=number + 1),
            place=OrganisationFactory().place,
            organiser=OrganisationFactory(),
        )


def add_documents(home, count):
    for _ in range(count):
        DocumentFactory()


CASES = {
    "pages": add_pages,
    "measures": add_measures,
    "organisations": add_organisations,
    "events": add_events,
    "documents": add_documents,
}


def queries(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries), response.json()


@pytest.mark.parametrize("endpoint", CASES)
@pytest.mark.parametrize("language", ["", "?sprache=en"])
def test_list_queries_do_not_grow_with_content(
    client, home, locales, django_assert_num_queries, endpoint, language
):
    CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    EventIndexPageFactory(parent=home)
    translate_page(home, locales["en"], title="Refugees in Flensburg")
    add = CASES[endpoint]
    add(home, 1)
    path = f"/api/v1/{endpoint}{language}"
    client.get(path)  # warms Wagtail's site root paths and the content types

    few, small = queries(client, path)
    add(home, 6)
    client.get(path)  # adding purged the site of the host kept in the cache
    with django_assert_num_queries(few):
        large = client.get(path).json()

    # Pages cost one query per page type shown; a handful in all.
    assert few <= 13
    if not language or endpoint in {"measures", "organisations"}:
        assert len(large["items"]) > len(small["items"])
