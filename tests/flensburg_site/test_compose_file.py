"""docker-compose.yml and the Dockerfile: the services, health checks and image.

No Docker engine runs here and PyYAML is not installed, so the compose file
is read with a small parser for its block-style YAML (enough to find services
and their keys); the proxy's configuration itself is run in test_proxy_config.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = (ROOT / "docker-compose.yml").read_text()
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def services() -> dict[str, str]:
    """Service name -> the text of its block, without comment lines."""
    block = re.search(r"^services:\n(.*?)(?=^\S)", COMPOSE, re.MULTILINE | re.DOTALL)
    assert block, "docker-compose.yml has no services"
    parts = re.split(r"^  (\w[\w-]*):\n", block[1], flags=re.MULTILINE)
    return {
        name: re.sub(r"^\s*#.*\n", "", text, flags=re.MULTILINE)
        for name, text in zip(parts[1::2], parts[2::2], strict=True)
    }


def test_compose_runs_web_db_redis_and_the_proxy():
    assert {"web", "db", "redis", "proxy"} <= set(services())


@pytest.mark.parametrize("name", ["web", "db", "redis", "proxy"])
def test_every_long_running_service_has_a_health_check(name):
    block = services()[name]

    assert re.search(r"^    healthcheck:\n      test:", block, re.MULTILINE)


def test_web_health_check_asks_healthz_without_curl():
    block = services()["web"]

    assert "http://127.0.0.1:8000/healthz" in block
    assert "urllib.request" in block
    check = block.split("healthcheck:")[1].split("interval:")[0]
    assert "curl" not in check


def test_web_waits_for_healthy_db_and_redis_and_proxy_for_web():
    web, proxy = services()["web"], services()["proxy"]

    for dependency in ("db", "redis"):
        assert re.search(
            rf"^      {dependency}:\n        condition: service_healthy",
            web,
            re.MULTILINE,
        )
    assert re.search(
        r"^      web:\n        condition: service_healthy", proxy, re.MULTILINE
    )


def test_database_and_media_live_in_named_volumes():
    assert "- pgdata:/var/lib/postgresql/data" in services()["db"]
    assert "image: postgres:15" in services()["db"]
    assert "- media:/app/media" in services()["web"]
    # The proxy reads the same media volume, read-only.
    assert "- media:/srv/media:ro" in services()["proxy"]
    volumes = COMPOSE.split("\nvolumes:\n", 1)[1]
    assert {"pgdata", "media", "backups"} <= set(
        re.findall(r"^  (\w+):", volumes, re.MULTILINE)
    )


def test_proxy_uses_the_tested_template_and_publishes_https():
    proxy = services()["proxy"]

    assert "./deploy/nginx/templates:/etc/nginx/templates:ro" in proxy
    assert '"443:443"' in proxy
    template = (ROOT / "deploy/nginx/templates/default.conf.template").read_text()
    placeholders = set(re.findall(r"\$\{(NGINX_\w+)\}", template))
    configured = set(re.findall(r"^      (NGINX_\w+):", proxy, re.MULTILINE))
    assert placeholders <= configured


def test_web_hands_document_downloads_to_the_proxy():
    # The proxy sends them from the media volume the app writes
    # (test_proxy_documents runs that part of the template).
    assert re.search(
        r"^      DOCUMENT_SERVE_METHOD: x-accel$", services()["web"], re.MULTILINE
    )
    assert "NGINX_MEDIA_ROOT: /srv/media" in services()["proxy"]


def test_web_is_not_published_directly():
    assert "ports:" not in services()["web"]


def test_image_is_python_313_slim_and_runs_as_non_root():
    final_stage = DOCKERFILE.split("\nFROM ")[-1]

    assert final_stage.startswith("python:3.13")
    users = re.findall(r"^USER (\S+)", final_stage, re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}
    assert "gunicorn" in final_stage
    # pg_dump / pg_restore for manage.py backup and restore in the container.
    assert "postgresql-client" in final_stage
