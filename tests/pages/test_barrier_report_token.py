"""The thanks page after a barrier report is addressed by a random token, so
that nobody can count through the reports (pages.0008 gives old ones theirs)."""

import base64
import re

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from pages.models import BarrierReport
from tests.factories import AccessibilityStatementPageFactory
from tests.pages.test_accessibility_statement import VALID

FORM = "/barrierefreiheit/barriere-melden/"
THANKS = "/barrierefreiheit/barriere-melden/danke/"


@pytest.fixture
def statement(home):
    return AccessibilityStatementPageFactory(parent=home)


def report(client) -> tuple[BarrierReport, str]:
    response = client.post(FORM, VALID)
    assert response.status_code == 302
    return BarrierReport.objects.latest("pk"), response["Location"]


def token_bits(token: str) -> int:
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token), token
    return 8 * len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))


@pytest.mark.django_db
def test_a_report_is_thanked_at_its_token_not_its_number(client, statement):
    stored, location = report(client)

    assert location == f"{THANKS}{stored.public_token}/"
    assert token_bits(stored.public_token) >= 128
    thanks = client.get(location)
    assert thanks.status_code == 200
    assert f"unter der Nummer {stored.pk} gespeichert" in thanks.content.decode()


@pytest.mark.django_db
def test_numbers_and_guessed_tokens_find_nothing(client, statement):
    first, first_location = report(client)
    second, _ = report(client)

    assert first.public_token != second.public_token
    for guess in (
        f"{THANKS}{first.pk}/",
        f"{THANKS}{second.pk}/",
        f"{THANKS}{first.public_token[:-1]}/",
        f"{THANKS}{first.public_token.upper()}/",
        f"{THANKS}{'A' * 43}/",
    ):
        assert client.get(guess).status_code == 404, guess
    # Each token shows its own report.
    assert f"Nummer {first.pk} " in client.get(first_location).content.decode()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_reports_stored_before_get_tokens_of_their_own():
    before = [("pages", "0007_delete_checkuppage")]
    old_apps = migrate(before)
    OldReport = old_apps.get_model("pages", "BarrierReport")
    for number in range(3):
        OldReport.objects.create(description=f"Alte Meldung {number}", consent=True)

    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())

    tokens = list(BarrierReport.objects.values_list("public_token", flat=True))
    assert len(tokens) == len(set(tokens)) == 3
    assert all(token_bits(token) >= 128 for token in tokens)
