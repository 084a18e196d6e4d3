"""Pages as the demo content has them, for the cache tests."""

import datetime
import zoneinfo

from django.utils import timezone

import pytest

from tests.contacts.factories import OrganisationFactory
from tests.factories import CheckUpPageFactory, HelpPageFactory, OfficePageFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture
def office(home):
    return OfficePageFactory(
        parent=home, slug="koordinierungsstelle", title="Koordinierungsstelle"
    )


@pytest.fixture
def help_page(home):
    return HelpPageFactory(parent=home, slug="wie-kann-geholfen-werden", body=[])


@pytest.fixture
def opening_soon(help_page):
    """An organisation of the directory that opens in two minutes: the help
    page shows its "jetzt geöffnet" state, which changes then."""
    now = timezone.now().astimezone(BERLIN)
    opens = (now + datetime.timedelta(minutes=2)).time().replace(second=0)
    closes = (now + datetime.timedelta(hours=3)).time().replace(second=0)
    return OrganisationFactory(
        name="Sprechstunde",
        slots=[(now.weekday(), opens.isoformat(), closes.isoformat())],
    )


@pytest.fixture
def checkup_page(home):
    return CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
