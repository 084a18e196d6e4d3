"""What purges the page cache: publishing, moving and deleting pages, and
changes to what pages show (caching.cache_purge)."""

from __future__ import annotations

from django.core.cache import cache

from wagtail.models import Page

import pytest

from caching.page_cache import (
    GENERATION_KEY,
)
from integration_checkup.models.feedback import FeedbackStatus
from pages.models import SiteSettings
from tests.caching.cache_client import warm
from tests.contacts.factories import OrganisationFactory
from tests.factories import OfficePageFactory
from tests.integration_checkup.factories import (
    DocumentFactory,
    FeedbackFactory,
    MeasureSheetFactory,
)

pytestmark = pytest.mark.django_db


# Purge -----------------------------------------------------------------------------


def test_publishing_a_page_purges(client, office):
    warm(client, office.url)

    office.title = "Koordinierungsstelle (neu)"
    office.save_revision().publish()

    response = client.get(office.url)
    assert response["X-Cache"] == "MISS"
    assert "Koordinierungsstelle (neu)" in response.content.decode()


def test_unpublishing_a_page_purges_it_and_the_menus(client, home, office):
    warm(client, home.url)
    warm(client, office.url)

    office.unpublish()

    assert client.get(office.url).status_code == 404
    assert client.get(home.url)["X-Cache"] == "MISS"


def test_moving_a_page_purges(client, home, office):
    other = OfficePageFactory(parent=home, slug="neu", title="Neu")
    warm(client, office.url)

    office.move(other, pos="last-child")

    old_address = client.get("/koordinierungsstelle/")
    assert old_address.status_code == 301  # Wagtail's automatic redirect
    assert old_address["Location"] == "/neu/koordinierungsstelle/"
    assert client.get("/neu/koordinierungsstelle/").status_code == 200


def test_deleting_a_page_purges(client, home, office):
    warm(client, office.url)

    Page.objects.get(pk=office.pk).delete()

    assert client.get(office.url).status_code == 404


def test_saving_a_measure_sheet_purges(client, checkup_page):
    sheet = MeasureSheetFactory(number=3, title="Sprachcafé")
    url = f"{checkup_page.url}massnahmen/"
    warm(client, url)

    sheet.title = "Sprachcafé am Abend"
    sheet.save()

    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "Sprachcafé am Abend" in response.content.decode()


def test_saving_a_contact_purges(client, help_page):
    organisation = OrganisationFactory(name="Kleiderkammer Nord")
    warm(client, help_page.url)

    organisation.name = "Kleiderkammer Süd"
    organisation.save()

    response = client.get(help_page.url)
    assert response["X-Cache"] == "MISS"
    assert "Kleiderkammer Süd" in response.content.decode()


def test_deleting_a_contact_purges(client, help_page):
    organisation = OrganisationFactory(name="Kleiderkammer Nord")
    warm(client, help_page.url)

    organisation.delete()

    assert "Kleiderkammer Nord" not in client.get(help_page.url).content.decode()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda: DocumentFactory(title="Statusanalyse"), id="document"),
        pytest.param(
            lambda: SiteSettings.objects.update_or_create(
                locale_id=Page.objects.get(depth=2).locale_id,
                defaults={"contact_note": "Termine nach Vereinbarung"},
            ),
            id="site-settings",
        ),
        pytest.param(
            lambda: __import__(
                "wagtail.contrib.redirects.models", fromlist=["Redirect"]
            ).Redirect.objects.create(old_path="/alt", redirect_link="/neu/"),
            id="redirect",
        ),
    ],
)
def test_saving_what_pages_show_purges(client, office, change):
    warm(client, office.url)
    generation = cache.get(GENERATION_KEY)

    change()

    assert cache.get(GENERATION_KEY) != generation
    assert client.get(office.url)["X-Cache"] == "MISS"


def test_a_new_visitor_submission_does_not_purge_but_moderating_it_does(client, office):
    sheet = MeasureSheetFactory(number=4)
    warm(client, office.url)

    feedback = FeedbackFactory(measure=sheet, status=FeedbackStatus.PENDING)
    assert client.get(office.url)["X-Cache"] == "HIT"

    feedback.status = FeedbackStatus.APPROVED
    feedback.save()
    assert client.get(office.url)["X-Cache"] == "MISS"


def test_purge_recovers_from_a_lost_generation_counter(client, office):
    warm(client, office.url)

    cache.delete(GENERATION_KEY)

    assert client.get(office.url)["X-Cache"] == "MISS"
    assert client.get(office.url)["X-Cache"] == "HIT"
