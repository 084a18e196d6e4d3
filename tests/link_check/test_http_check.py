"""External links are asked over HTTP, politely, with German results."""

import socket
from itertools import pairwise

import pytest

from link_check.http_check import USER_AGENT, CheckOptions, check_urls

FAST = CheckOptions(timeout=0.5, host_delay=0, workers=2)


def test_each_answer_is_judged_and_explained_in_german(stand_in):
    urls = {
        name: f"{stand_in.base}/{name}"
        for name in ("ok", "fehlt", "umgezogen", "langsam", "kein-head")
    }

    results = check_urls(urls.values(), FAST)

    assert results[urls["ok"]].ok is True
    assert results[urls["ok"]].status_code == 200
    assert results[urls["kein-head"]].ok is True  # GET after a refused HEAD
    missing = results[urls["fehlt"]]
    assert (missing.ok, missing.status_code) == (False, 404)
    assert missing.error == "Seite nicht gefunden (Fehler 404)."
    moved = results[urls["umgezogen"]]
    assert (moved.ok, moved.status_code) == (False, 404)
    assert moved.error == "Weiterleitung auf eine Adresse mit Fehler 404."
    slow = results[urls["langsam"]]
    assert (slow.ok, slow.status_code) == (False, None)
    assert slow.error == "Keine Antwort innerhalb von 0.5 Sekunden."


def test_a_server_that_is_not_there_is_reported():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    result = check_urls([f"http://127.0.0.1:{port}/"], FAST)[
        f"http://127.0.0.1:{port}/"
    ]

    assert result.ok is False
    assert "nicht erreichbar" in result.error


def test_requests_carry_the_sites_user_agent_and_each_url_is_asked_once(stand_in):
    url = f"{stand_in.base}/ok"

    check_urls([url, url, url], FAST)

    assert [(method, path) for method, path, _agent, _at in stand_in.requests] == [
        ("HEAD", "/ok")
    ]
    assert stand_in.requests[0][2] == USER_AGENT


def test_one_host_is_asked_one_url_after_the_other_with_a_pause(stand_in):
    urls = [f"{stand_in.base}/ok?{n}" for n in range(3)]

    check_urls(urls, CheckOptions(timeout=1, host_delay=0.3, workers=4))

    times = sorted(at for _method, _path, _agent, at in stand_in.requests)
    assert len(times) == 3
    assert all(later - earlier >= 0.3 for earlier, later in pairwise(times))


def test_the_guard_refuses_the_internet():
    with pytest.raises(AssertionError):
        socket.getaddrinfo("example.org", 443)
