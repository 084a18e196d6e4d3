"""The demo's editorial part: groups, workflow, owners and dates relative to
the day it is loaded (one page overdue, one measure sheet due soon)."""

import datetime

from django.contrib.auth import get_user_model

from wagtail.models import Revision, Workflow

import pytest

from demo.editorial import editorial_demo_load
from editorial.selectors import review_items_due
from editorial.setup import WORKFLOW_NAME
from tests.factories import OfficePageFactory, StateLinksPageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2027, 3, 10)


@pytest.fixture
def content(home):
    for page in (
        StateLinksPageFactory(parent=home, title="Landesangebote"),
        OfficePageFactory(parent=home, title="Koordinierungsstelle"),
    ):
        page.save_revision().publish()
    for number in (1, 2):
        MeasureSheetFactory(number=number, title=f"Maßnahme {number}")


def test_one_page_overdue_and_one_sheet_due_soon_on_the_day_it_is_loaded(content):
    editorial_demo_load(today=DAY)

    items = review_items_due(today=DAY)
    assert [(item.title, item.overdue) for item in items] == [
        ("Landesangebote", True),
        ("Maßnahme 1", False),
    ]
    assert items[0].owner.groups.get().name == "Redaktion"
    assert items[1].owner.groups.get().name == "Koordinierungsstelle"
    assert not items[0].owner.has_usable_password()
    assert Workflow.objects.get(active=True).name == WORKFLOW_NAME


def test_loading_again_changes_nothing(content):
    editorial_demo_load(today=DAY)
    before = (Revision.objects.count(), get_user_model().objects.count())

    assert editorial_demo_load(today=DAY + datetime.timedelta(days=40)) == 0
    assert (Revision.objects.count(), get_user_model().objects.count()) == before
