"""PostgreSQL "restarts" under load: the site answers 503 fast, then recovers.

The shared PostgreSQL server is not touched: gunicorn (two workers,
production settings) reaches the test database through a small TCP proxy
run by this test. Stopping the proxy and cutting its connections is the
database going down; a proxy that accepts connections but never answers is a
database host that hangs (connect timeout); starting the proxy again on the
same port is the database coming back. gunicorn is never restarted.
"""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from django.db import connection

import psycopg
import pytest
from psycopg import sql

from tests.core.servers import ROOT, fetch, free_port, gunicorn

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs DATABASE_URL=postgres://…"
)

GERMAN_TEXT = "Die Seite ist gerade nicht erreichbar"
CONNECT_TIMEOUT = 2
# Each answer while the database is away; far below gunicorn's 30 s timeout.
FAST = 5.0


class TcpProxy:
    """127.0.0.1:<port> → the PostgreSQL server, in threads of this process."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.hang = False
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._running = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, *, hang: bool = False) -> None:
        self.hang = hang
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(0.1)
        self._running.set()
        self._thread = threading.Thread(target=self._accept, args=(listener,))
        self._thread.start()

    def stop(self) -> None:
        """Refuse new connections and cut the open ones."""
        self._running.clear()
        if self._thread:
            self._thread.join()
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        with listener:
            while self._running.is_set():
                try:
                    client, _ = listener.accept()
                except TimeoutError:
                    continue
                client.settimeout(None)
                self._track(client)
                if self.hang:
                    continue  # accepted, never answered
                try:
                    upstream = socket.create_connection(self.target, timeout=5)
                except OSError:
                    client.close()
                    continue
                upstream.settimeout(None)
                self._track(upstream)
                for source, sink in ((client, upstream), (upstream, client)):
                    threading.Thread(
                        target=self._pump, args=(source, sink), daemon=True
                    ).start()

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


@dataclass
class Answer:
    started: float
    seconds: float
    status: int
    friendly: bool


class Load:
    """Clients requesting the start page in a loop until stopped."""

    def __init__(self, url: str, clients: int):
        self.url = url
        self.answers: list[Answer] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run) for _ in range(clients)]

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                status, headers, body, seconds = fetch(self.url, timeout=40)
            except OSError:
                status, headers, body, seconds = 0, {}, b"", time.monotonic() - started
            friendly = (
                status == 503
                and headers.get("Retry-After") == "30"
                and GERMAN_TEXT in body.decode(errors="replace")
            )
            self.answers.append(Answer(started, seconds, status, friendly))
            time.sleep(0.05)

    def between(self, start: float, end: float) -> list[Answer]:
        return [
            a
            for a in self.answers
            if a.started >= start and a.started + a.seconds <= end
        ]


SETUP_SITE = """
import django
django.setup()
from wagtail.models import Page, Site
from tests.factories import HomePageFactory
root = Page.get_first_root_node()
home = HomePageFactory(parent=root, slug="start")
Site.objects.filter(is_default_site=True).update(root_page=home)
Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
"""


def admin_connection(settings_dict):
    return psycopg.connect(
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture
def database(django_db_setup, django_db_blocker):
    """A throwaway database of its own, migrated, with a start page.

    Not a copy of the suite's test database: CREATE DATABASE … TEMPLATE needs
    the template without sessions, and other tests of the worker (the browser
    tests' live server) keep one open. Dropped at the end.
    """
    with django_db_blocker.unblock():
        settings_dict = dict(connection.settings_dict)
    name = f"flensburg_restart_{os.getpid()}"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
        sql.Identifier(name)
    )
    with admin_connection(settings_dict) as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    copy = {**settings_dict, "NAME": name}
    try:
        user = copy["USER"] + (f":{copy['PASSWORD']}" if copy["PASSWORD"] else "")
        host, port = copy["HOST"] or "127.0.0.1", copy["PORT"] or 5432
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "flensburg_site.settings.test",
            "DATABASE_URL": f"postgres://{user}@{host}:{port}/{name}",
            "PYTHONPATH": str(ROOT),
        }
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=600,
            capture_output=True,
        )
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", SETUP_SITE],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=120,
            capture_output=True,
        )
        yield copy
    finally:
        with admin_connection(settings_dict) as admin:
            admin.execute(drop)


def test_site_answers_503_while_the_database_is_away_and_recovers(database, tmp_path):
    db = database
    proxy = TcpProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    proxy.start()
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env = {
        "DATABASE_URL": f"postgres://{user}@127.0.0.1:{proxy.port}/{db['NAME']}",
        "DATABASE_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "LOG_FORMAT": "json",
    }
    try:
        with gunicorn(tmp_path, env, workers=2) as server:
            assert fetch(f"{server.url}/")[0] == 200, server.output()
            with Load(f"{server.url}/", clients=2) as load:
                time.sleep(1.5)
                down = time.monotonic()
                proxy.stop()  # the database goes down
                time.sleep(4)
                hung = time.monotonic()
                proxy.start(hang=True)  # the host takes connections, never answers
                time.sleep(3 * CONNECT_TIMEOUT + 1)
                proxy.stop()
                back = time.monotonic()
                proxy.start()  # the database is back
                recovered = None
                while time.monotonic() < back + 15:
                    ok = [
                        a
                        for a in load.between(back, time.monotonic())
                        if a.status == 200
                    ]
                    if ok:
                        recovered = ok[0].started + ok[0].seconds
                        break
                    time.sleep(0.1)
                time.sleep(2)
                end = time.monotonic()
    finally:
        proxy.stop()

    statuses = {answer.status for answer in load.answers}
    assert statuses <= {200, 503}, f"unexpected answers {statuses}\n{server.output()}"
    assert [a for a in load.answers if a.started < down and a.status == 200]
    away = load.between(down + 0.5, hung) + load.between(hung + 0.5, back)
    assert len(load.between(down + 0.5, hung)) >= 4
    assert len(load.between(hung + 0.5, back)) >= 2
    for answer in away:
        assert answer.friendly, answer
        assert answer.seconds < FAST, answer
    # The hanging host costs the connect timeout, not gunicorn's timeout.
    assert (
        max(a.seconds for a in load.between(hung + 0.5, back)) >= CONNECT_TIMEOUT - 0.5
    )
    assert recovered is not None, "the site did not recover by itself"
    assert recovered - back < 10
    after = load.between(recovered + 0.5, end)
    assert after
    assert all(answer.status == 200 for answer in after)
    # One warning line per failed request, no traceback.
    assert '"message": "Database unavailable: OperationalError"' in server.output()
    assert "Traceback" not in server.output()
