"""Several app servers on shared PostgreSQL, Redis and S3, behind nginx, here.

``local_cluster()`` brings up on 127.0.0.1, on free ports: a moto S3 server
(in this process, with the media bucket), a PostgreSQL database of its own
(migrated, demo content from ``load_initial_data``, its media in the bucket),
a Redis database number of its own (flushed), ``servers`` gunicorn processes
with the production settings (each in a process group of its own, so
``kill(i)`` takes it down with its workers), and the deployment's nginx
(scripts/local_nginx.py) balancing over all of them. Everything stops and the
database is dropped when the block ends; the servers also die with the
process that started them (Linux). Static files are collected once per
source state into a shared temporary folder (about 40 s the first time).
The shared services are in scripts/cluster_services.py.
Direct requests to a server need ``cluster.direct_headers`` (Host: localhost,
X-Forwarded-Proto: https), as nginx sends them::

    with local_cluster(servers=2) as cluster:
        requests.get(cluster.url + "/", verify=cluster.certificate)
        requests.get(cluster.server_urls[1] + "/", headers=cluster.direct_headers)
        cluster.manage("shell", "-c", "print(1)")    # CompletedProcess
        cluster.s3.list_objects_v2(Bucket=cluster.bucket)
        cluster.kill(0)                               # SIGKILL server 0's group
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scripts.cluster_services import (
    BUCKET,
    S3_KEY,
    S3_REGION,
    S3_SECRET,
    postgres_database,
    redis_database,
    s3_server,
)
from scripts.local_nginx import SERVER_NAME, free_port, local_nginx

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
# Variables of the calling environment that must not reach the cluster.
FOREIGN = re.compile(
    r"^(DJANGO_|DATABASE_|REDIS_|TEST_REDIS|MEDIA_|AWS_|PYTEST|STATIC_ROOT|"
    r"SECRET_KEY$|ALLOWED_HOSTS$|GUNICORN_|WEB_CONCURRENCY$)"
)


class ClusterError(RuntimeError):
    """A part of the cluster did not start."""


@dataclass
class LocalCluster:
    url: str  # the balancer, https://localhost:<port>
    certificate: Path  # verify= for requests through the balancer
    server_urls: list[str]  # each app server, http://127.0.0.1:<port>
    env: dict[str, str]  # the app servers' environment
    s3: object  # boto3 S3 client of the moto server
    bucket: str
    s3_endpoint: str
    media_root: Path  # MEDIA_ROOT of the servers, meant to stay empty
    database_url: str
    redis_url: str
    base: Path  # logs: server-<i>.log, nginx/access.log ($upstream_addr)
    processes: list[subprocess.Popen] = field(default_factory=list)
    # Seconds per start-up step: static, migrate, demo, servers, nginx.
    timings: dict[str, float] = field(default_factory=dict)
    direct_headers: dict[str, str] = field(
        default_factory=lambda: {"Host": SERVER_NAME, "X-Forwarded-Proto": "https"}
    )

    def kill(self, index: int) -> None:
        """SIGKILL app server ``index`` with all its workers (no goodbye)."""
        _signal_group(self.processes[index], signal.SIGKILL)

    def stop(self, index: int) -> None:
        """Stop app server ``index`` gracefully (SIGTERM, then SIGKILL)."""
        _stop(self.processes[index])

    def restart(self, index: int, env: dict[str, str] | None = None) -> None:
        """Start app server ``index`` again (after kill or stop), on its port,
        with the cluster's environment plus ``env``; waits until it answers."""
        _stop(self.processes[index])
        url = self.server_urls[index]
        self.processes[index], _ = _start_server(
            {**self.env, **(env or {})},
            self.base / f"server-{index}.log",
            bind=url.removeprefix("http://"),
        )
        _wait_ready(url, self.direct_headers)

    def manage(
        self, *args: str, check: bool = True, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess:
        """``manage.py <args>`` with the cluster's settings; output as text."""
        return _manage({**self.env, **(env or {})}, *args, check=check)

    def server_log(self, index: int) -> str:
        return (self.base / f"server-{index}.log").read_text(errors="replace")


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """SIGTERM when the process that started it dies (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PDEATHSIG


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signum)


def _stop(process: subprocess.Popen) -> None:
    _signal_group(process, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        _signal_group(process, signal.SIGKILL)
        process.wait()
    # Workers that outlived their master (SIGKILL of the master only).
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _manage(env: dict[str, str], *args: str, check: bool = True):
    completed = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if check and completed.returncode:
        raise ClusterError(
            f"manage.py {' '.join(args)} failed:\n"
            + (completed.stdout + completed.stderr)[-4000:]
        )
    return completed


def _static_key() -> str:
    """Changes whenever a file collectstatic would read changes."""
    digest = hashlib.sha256(sys.version.encode())
    folders = [ROOT / "static", ROOT / "build", *ROOT.glob("*/static")]
    for folder in sorted(folders):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def collected_static(env: dict[str, str]) -> Path:
    """STATIC_ROOT with the collected (compressed, hashed) static files,
    built once per source state under a lock and shared by later clusters."""
    shared = Path(tempfile.gettempdir()) / "flensburg-cluster-static"
    shared.mkdir(exist_ok=True)
    target = shared / _static_key()
    with open(shared / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not target.exists():
            for old in shared.iterdir():
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            building = Path(tempfile.mkdtemp(dir=shared, prefix=".building-"))
            _manage({**env, "STATIC_ROOT": str(building)}, "collectstatic", "--noinput")
            building.rename(target)
    return target


def _start_server(
    env: dict[str, str], log: Path, bind: str = "127.0.0.1:0"
) -> tuple[subprocess.Popen, str]:
    offset = log.stat().st_size if log.exists() else 0
    with open(log, "ab") as output:
        process = subprocess.Popen(
            # gunicorn.conf.py of the project (production), on a free port;
            # gunicorn 27's control socket would sit in ~/.gunicorn, shared.
            [GUNICORN, "--bind", bind, "--no-control-socket"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
            # A process group of its own: kill(i) takes the workers too.
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ClusterError(f"gunicorn exited:\n{log.read_text()[-4000:]}")
        found = re.search(
            r"Listening at: (http://127\.0\.0\.1:\d+)",
            log.read_bytes()[offset:].decode(errors="replace"),
        )
        if found:
            return process, found.group(1)
        time.sleep(0.1)
    _stop(process)
    raise ClusterError(f"gunicorn did not start:\n{log.read_text()[-4000:]}")


def _wait_ready(url: str, headers: dict[str, str]) -> None:
    import requests

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{url}/", headers=headers, timeout=10).status_code == 200:
                return
        time.sleep(0.2)
    raise ClusterError(f"{url} did not answer 200 on /")


def cluster_env(
    *, database_url: str, redis_url: str, s3_endpoint: str, media_root: Path
) -> dict[str, str]:
    """The app servers' environment: production settings, shared services."""
    env = {key: value for key, value in os.environ.items() if not FOREIGN.match(key)}
    env.update(
        DJANGO_SETTINGS_MODULE="flensburg_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{SERVER_NAME},127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        MEDIA_S3_BUCKET=BUCKET,
        MEDIA_S3_ENDPOINT_URL=s3_endpoint,
        MEDIA_S3_ACCESS_KEY_ID=S3_KEY,
        MEDIA_S3_SECRET_ACCESS_KEY=S3_SECRET,
        MEDIA_S3_REGION=S3_REGION,
        MEDIA_S3_ADDRESSING_STYLE="path",
        MEDIA_ROOT=str(media_root),
        TRUST_X_FORWARDED_FOR="true",
        LOG_FORMAT="text",
        WEB_CONCURRENCY="2",
        PYTHONDONTWRITEBYTECODE="1",
        # No mail server here: mail waits in the queue, as when the relay is down.
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(free_port()),
        EMAIL_TIMEOUT="2",
    )
    return env


@contextlib.contextmanager
def local_cluster(
    *,
    servers: int = 2,
    database: str | None = None,
    redis_url: str = "redis://127.0.0.1:6379/13",
    demo: bool = True,
    env: dict[str, str] | None = None,
    server_env: Sequence[dict[str, str]] = (),
    base: Path | None = None,
) -> Iterator[LocalCluster]:
    """The cluster (see the module's docstring). ``database``: name of the
    PostgreSQL database to create (and drop), generated if not given;
    ``redis_url``: a Redis database of its own (flushed at start and end);
    ``demo``: load the demo content; ``env``: extra variables for every
    server and manage.py; ``server_env[i]``: extra variables for server i
    only (e.g. to break one server in a test)."""
    owned_base = base is None
    base = base or Path(tempfile.mkdtemp(prefix="flensburg-cluster-"))
    database = database or f"flensburg_cluster_{os.getpid()}_{secrets.token_hex(3)}"
    media_root = base / "media-root"
    media_root.mkdir(parents=True, exist_ok=True)
    processes: list[subprocess.Popen] = []
    try:
        with (
            s3_server() as (s3_endpoint, s3),
            postgres_database(database) as database_url,
            redis_database(redis_url),
        ):
            common = cluster_env(
                database_url=database_url,
                redis_url=redis_url,
                s3_endpoint=s3_endpoint,
                media_root=media_root,
            ) | (env or {})
            timings, started = {}, time.monotonic()

            def lap(step: str) -> None:
                nonlocal started
                timings[step] = round(time.monotonic() - started, 1)
                started = time.monotonic()

            common["STATIC_ROOT"] = str(collected_static(common))
            lap("static")
            _manage(common, "migrate", "--noinput")
            lap("migrate")
            if demo:
                _manage(common, "load_initial_data")
                lap("demo")
            urls = []
            for index in range(servers):
                extra = server_env[index] if index < len(server_env) else {}
                process, url = _start_server(
                    common | extra, base / f"server-{index}.log"
                )
                processes.append(process)
                urls.append(url)
            cluster = LocalCluster(
                url="",
                certificate=Path(),
                server_urls=urls,
                env=common,
                s3=s3,
                bucket=BUCKET,
                s3_endpoint=s3_endpoint,
                media_root=media_root,
                database_url=database_url,
                redis_url=redis_url,
                base=base,
                processes=processes,
                timings=timings,
            )
            for url in urls:
                _wait_ready(url, cluster.direct_headers)
            lap("servers")
            upstreams = [url.removeprefix("http://") for url in urls]
            # nginx's media folder is the servers' MEDIA_ROOT (the compose
            # volume); with media in the bucket it stays empty.
            with local_nginx(
                upstream=upstreams, base=base / "nginx", media_root=media_root
            ) as proxy:
                cluster.url = f"https://{SERVER_NAME}:{proxy.https_port}"
                cluster.certificate = proxy.certificate
                lap("nginx")
                yield cluster
    finally:
        for process in processes:
            _stop(process)
        if owned_base:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover - by hand
    # SIGTERM (and SIGINT, ignored in background jobs) end the block cleanly:
    # servers and nginx stopped, the database dropped.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: sys.exit(0))
    started = time.monotonic()
    with local_cluster() as running:
        print(f"up in {time.monotonic() - started:.1f} s: {running.url}")
        print("seconds per step:", running.timings)
        print("servers:", *running.server_urls, "S3:", running.s3_endpoint)
        signal.pause()
