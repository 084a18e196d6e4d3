"""Start the site under gunicorn (with the repository's gunicorn.conf.py) for tests.

The server binds 127.0.0.1 on a free port, writes its output to files in a
temporary directory and is stopped by its PID when the block ends.
"""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"

# Production settings, except that static files come from the finders (no
# collectstatic manifest in a test run).
SETTINGS_MODULE = "production_like_settings"
SETTINGS_SOURCE = """\
from flensburg_site.settings.production import *  # noqa: F403
from flensburg_site.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict | None = None,
    timeout: float = 30,
):
    """(status, headers, body, seconds) of one request to a local server.

    http.client, not urllib: the suite forbids urlopen (no internet in tests).
    """
    parts = urllib.parse.urlsplit(url)
    start = time.monotonic()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target or "/", body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return response.status, response.headers, content, time.monotonic() - start
    finally:
        connection.close()


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    stdout: Path
    stderr: Path

    def output(self) -> str:
        return self.stdout.read_text(errors="replace") + self.stderr.read_text(
            errors="replace"
        )


@contextlib.contextmanager
def gunicorn(tmp_path: Path, env: dict[str, str], *, workers: int = 2):
    """Run gunicorn with production-like settings; yields a ``Server``."""
    (tmp_path / f"{SETTINGS_MODULE}.py").write_text(SETTINGS_SOURCE)
    (tmp_path / "static").mkdir(exist_ok=True)
    port = free_port()
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "SECRET_KEY": "test-only-secret-key-for-gunicorn-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE_SECONDS": "0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "WEB_CONCURRENCY": str(workers),
        **env,
    }
    stdout, stderr = tmp_path / "gunicorn.out", tmp_path / "gunicorn.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(  # noqa: S603
            [
                str(GUNICORN),
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=full_env,
            stdout=out,
            stderr=err,
        )
    server = Server(f"http://127.0.0.1:{port}", process, stdout, stderr)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{server.output()}")
            with contextlib.suppress(OSError):
                if fetch(f"{server.url}/healthz", timeout=5)[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer:\n{server.output()}")
            time.sleep(0.2)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


@contextlib.contextmanager
def silent_server(*, lifetime: float = 120):
    """A TCP server on 127.0.0.1 that accepts connections and never answers
    (a hung Redis); yields its port.

    A daemon thread holds the connections; everything is closed when the block
    ends, or after ``lifetime`` seconds if a test never leaves it.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.1)
    stop = threading.Event()
    held: list[socket.socket] = []

    def hold() -> None:
        deadline = time.monotonic() + lifetime
        while not stop.is_set() and time.monotonic() < deadline:
            with contextlib.suppress(TimeoutError):
                held.append(listener.accept()[0])
        for connection in [*held, listener]:
            connection.close()

    thread = threading.Thread(target=hold, name="silent-server", daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
