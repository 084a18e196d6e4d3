"""The worker as deployed: docker-compose runs it with the web's settings,
the sweep before it starts, and the settings put tasks in the database."""

import re

from tests.flensburg_site.test_compose_file import services
from tests.flensburg_site.test_settings import PRODUCTION_ENV, load_settings


def test_compose_runs_the_worker_with_the_apps_environment():
    worker = services()["worker"]
    assert "environment: *app-environment" in worker
    assert re.search(
        r"alerts_resend_pending --every \d+ && exec python manage.py db_worker", worker
    )
    assert "restart: unless-stopped" in worker


def test_tasks_go_to_the_database_outside_the_tests():
    """Production: the database backend and an SMTP timeout from the
    environment (a fresh interpreter, as test_settings loads them)."""
    result = load_settings(
        "flensburg_site.settings.production",
        "settings.TASKS['default']['BACKEND'], "
        "settings.MAILERS['default']['OPTIONS']['timeout']",
        EMAIL_TIMEOUT="12",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django_tasks_db.DatabaseBackend", "12"]
