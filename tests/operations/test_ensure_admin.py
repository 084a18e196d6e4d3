"""The first admin account gets a generated password, shown once."""

import io
import re

from django.contrib.auth import authenticate
from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_creates_superuser_with_a_generated_password_that_works():
    output = run()

    password = re.search(r"Password:\s+(\S+)", output).group(1)
    assert len(password) >= 16
    user = authenticate(username="admin", password=password)
    assert user is not None
    assert user.is_superuser


def test_second_run_changes_nothing_and_prints_no_password(django_user_model):
    first = re.search(r"Password:\s+(\S+)", run()).group(1)

    output = run()

    assert "exists already" in output
    assert "Password:" not in output
    assert django_user_model.objects.count() == 1
    assert authenticate(username="admin", password=first) is not None


def test_passwords_are_never_the_same(django_user_model):
    first = re.search(r"Password:\s+(\S+)", run()).group(1)
    django_user_model.objects.all().delete()

    second = re.search(r"Password:\s+(\S+)", run()).group(1)

    assert first != second
