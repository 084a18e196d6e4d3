import pytest

from tests.factories import CheckUpPageFactory


@pytest.fixture
def checkup_page(home):
    return CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])


@pytest.fixture
def checkup_url(checkup_page):
    return checkup_page.url
