"""Browser tests: Debian's chromium driven by Playwright against a demo server.

The demo server is the site with its demo content (``load_initial_data``),
served by gunicorn from a process of its own on 127.0.0.1 and a free port,
once per pytest(-xdist) worker. The database (a SQLite file) and the media
files are built once per test run: the first worker that needs them runs
``migrate`` and ``load_initial_data`` under a file lock, every worker serves
its own copy. The server stops (by its PID) at the end of the worker's session,
and also when the worker dies (Linux: parent-death signal); its temporary
files are removed.

Browser tests (marked ``browser``: they need chromium or the demo server)
read the demo and are not about database behaviour: they run once, on SQLite.
With DATABASE_URL pointing to PostgreSQL they are skipped unless
ALL_TESTS_ON_POSTGRES is set (tests/conftest.py; the demo server always uses
its own SQLite file).
"""

import contextlib
import fcntl
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""
ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "flensburg_site.settings.browser"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but no chromium was found.")
        pytest.skip("Browser tests need chromium (apt-get install chromium).")
    # Playwright's sync API runs an event loop in this thread for the rest of
    # the worker's session; the database tests that xdist gives this worker
    # afterwards are plain synchronous code, which Django would refuse there.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


# The demo server -------------------------------------------------------------


@dataclass
class DemoServer:
    url: str
    pid: int

    def get(self, path: str) -> tuple[int, str]:
        """GET a path the way a plain client would; (status, body)."""
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            connection.request("GET", path, headers={"Accept-Language": "de"})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()


def _server_env(site: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "MEDIA_ROOT"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        DATABASE_URL=f"sqlite:///{site / 'db.sqlite3'}",
        MEDIA_ROOT=str(site / "media"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _manage(site: Path, *args: str) -> None:
    completed = subprocess.run(  # noqa: S603 - manage.py of this project
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_server_env(site),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode:
        pytest.fail(
            f"manage.py {' '.join(args)} failed for the demo server:\n"
            + (completed.stdout + completed.stderr)[-4000:]
        )


@contextlib.contextmanager
def _locked(lock_file: Path):
    with open(lock_file, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _die_with_parent():  # pragma: no cover - runs in the child before exec
    """Linux: the server gets SIGTERM when the pytest process that started it
    dies, so a killed test run leaves no server behind."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _start_gunicorn(site: Path) -> tuple[subprocess.Popen, str]:
    log = site / "server.log"
    # An empty config file: the project's gunicorn.conf.py is for production.
    config = site / "gunicorn.conf.py"
    config.write_text("")
    process = subprocess.Popen(  # noqa: S603 - gunicorn from the venv
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "flensburg_site.wsgi:application",
            "--config",
            str(config),
            "--bind",
            "127.0.0.1:0",
            "--workers",
            "1",
            "--worker-class",
            "gthread",
            "--threads",
            "8",
            "--timeout",
            "120",
            "--graceful-timeout",
            "3",
            "--log-level",
            "info",
            # gunicorn 27's control socket would sit in ~/.gunicorn, shared.
            "--no-control-socket",
            "--error-logfile",
            str(log),
        ],
        cwd=ROOT,
        env=_server_env(site),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
    )
    deadline = time.monotonic() + 90
    url = ""
    while time.monotonic() < deadline and process.poll() is None:
        if not url and log.exists():
            found = re.search(
                r"Listening at: (http://127\.0\.0\.1:\d+)", log.read_text()
            )
            url = found.group(1) if found else ""
        if url:
            with contextlib.suppress(OSError):
                status, _ = DemoServer(url, process.pid).get("/")
                if status == 200:
                    return process, url
        time.sleep(0.2)
    _stop(process)
    log_text = log.read_text()[-4000:] if log.exists() else "(no log)"
    pytest.fail(f"The demo server did not answer on {url or '127.0.0.1'}:\n{log_text}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def _served_copy(tmp_path_factory, worker_id, prepare=None):
    """Serve a fresh copy of the demo site (built once per run) on a free port;
    ``prepare(site)`` runs on the copy before the server starts."""
    # Shared by all workers of this run (pytest-xdist's documented pattern).
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    template = shared / "flensburg-demo"
    users = shared / "flensburg-demo.users"
    lock = shared / "flensburg-demo.lock"
    site = Path(tempfile.mkdtemp(prefix="flensburg-browser-"))
    process = None
    registered = False
    try:
        with _locked(lock):
            if not (template / "built").exists():
                shutil.rmtree(template, ignore_errors=True)
                template.mkdir()
                (template / "media").mkdir()
                _manage(template, "migrate", "--noinput")
                _manage(template, "load_initial_data")
                (template / "built").touch()
            count = int(users.read_text() or 0) if users.exists() else 0
            users.write_text(str(count + 1))
            registered = True
            shutil.copytree(template, site, dirs_exist_ok=True)
        if prepare is not None:
            prepare(site)
        process, url = _start_gunicorn(site)
        yield DemoServer(url=url, pid=process.pid)
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(site, ignore_errors=True)
        if registered:
            # The last one out removes the built demo.
            with _locked(lock):
                count = int(users.read_text() or 0) - 1
                if count <= 0:
                    shutil.rmtree(template, ignore_errors=True)
                    users.unlink(missing_ok=True)
                else:
                    users.write_text(str(count))


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory, worker_id):
    """The demo site served on http://127.0.0.1:<free port> (DemoServer), for
    readers: tests must not change its content (editor_server does).

    While working on the tests, BROWSER_DEMO_URL=http://127.0.0.1:<port> uses
    a demo server you started yourself (same settings) instead."""
    if url := os.environ.get("BROWSER_DEMO_URL"):
        yield DemoServer(url=url.rstrip("/"), pid=0)
        return
    with _served_copy(tmp_path_factory, worker_id) as server:
        yield server


# The editor's side: a copy of the demo of its own per test module, with an
# editor account, so that what editors change never reaches the readers' tests.
EDITOR = {"username": "redakteurin", "password": "Browser-Test-Passwort-1"}


def _add_editor(site: Path) -> None:
    """A superuser account on the copy (the demo's editors' groups come from
    load_initial_data; tests that need a narrower account make their own)."""
    env = _server_env(site) | {"DJANGO_SUPERUSER_PASSWORD": EDITOR["password"]}
    completed = subprocess.run(  # noqa: S603 - manage.py of this project
        [
            sys.executable,
            "manage.py",
            "createsuperuser",
            "--noinput",
            "--username",
            EDITOR["username"],
            "--email",
            "redaktion@example.org",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if completed.returncode:
        pytest.fail(f"createsuperuser failed: {completed.stdout}{completed.stderr}")


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory, worker_id):
    """A copy of the demo site of this test module's own, served like
    demo_server, with the account EDITOR; tests may change its content."""
    with _served_copy(tmp_path_factory, worker_id, prepare=_add_editor) as server:
        yield server


@pytest.fixture
def admin_page(browser, editor_server):
    """``admin_page(width=1280)``: a new browser page logged into the Wagtail
    admin of editor_server as EDITOR (German admin); returns the page on the
    dashboard. ``page.server`` is the editor_server."""
    from django.conf import settings

    contexts = []

    def _open(width=1280, height=900):
        context = _new_context(browser, width, height, locale="de-DE")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{editor_server.url}/{settings.ADMIN_URL_PATH}login/")
        page.fill("input[name=username]", EDITOR["username"])
        page.fill("input[name=password]", EDITOR["password"])
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(f"{editor_server.url}/{settings.ADMIN_URL_PATH}")
        page.server = editor_server
        return page

    yield _open
    for context in contexts:
        context.close()


# Pages -----------------------------------------------------------------------

# A failing step fails after this long instead of Playwright's 30 s.
TIMEOUT_MS = 10_000


def _new_context(browser, width, height, **options):
    context = browser.new_context(
        viewport={"width": width, "height": height}, **options
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def open_page(browser, demo_server):
    """Open a path of the demo server in a new browser context of the given
    width; returns (page, list of requested URLs)."""
    contexts = []

    def _open(path, width, height=800, status=200, **options):
        context = _new_context(browser, width, height, **options)
        contexts.append(context)
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        response = page.goto(demo_server.url + path, wait_until="networkidle")
        # The web fonts swap in after they arrive (font-display: swap); the
        # geometry the tests measure is the one with the fonts applied.
        page.evaluate("document.fonts.ready.then(() => true)")
        assert response.status == status, f"{path}: HTTP {response.status}"
        return page, requests

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def shared_page(browser, demo_server):
    """One page per (width, height, context options) for the whole worker:
    tests that only load a URL and look at it save a new context each time.
    ``shared_page(width)`` returns the page; ``visit(page, path)`` loads a path."""
    pages = {}

    def _page(width, height=800, **options):
        key = (width, height, tuple(sorted(options.items())))
        if key not in pages or pages[key].is_closed():
            pages[key] = _new_context(browser, width, height, **options).new_page()
        return pages[key]

    yield _page
    for page in pages.values():
        page.context.close()


@pytest.fixture(scope="session")
def visit(demo_server):
    def _visit(page, path, status=200):
        # "networkidle" would wait another 500 ms on every page; the site
        # loads nothing late but its web fonts.
        response = page.goto(demo_server.url + path, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        assert response.status == status, f"{path}: HTTP {response.status}"
        return page

    return _visit
