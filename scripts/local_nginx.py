"""The deployment's nginx proxy, run on this machine on free local ports.

The server configuration is deploy/nginx/templates/default.conf.template,
rendered the way the nginx image renders it (its ${NGINX_*} variables filled
in) with a self-signed certificate for ``localhost``; only the surrounding
nginx.conf (pid, logs, temporary paths) is this module's. Used by the proxy
test (tests/flensburg_site/test_proxy_config.py) and the Lighthouse bench
(bench/lighthouse.py):

    with local_nginx(upstream="127.0.0.1:8001", base=tmp) as proxy:
        proxy.https_port, proxy.certificate

``upstream`` may also be a list of "host:port": the template's line with
``${NGINX_UPSTREAM}`` is then repeated once per app server, with the same
parameters on each line, as Docker's DNS gives nginx every container of a
scaled service (scripts/local_cluster.py balances over several gunicorns).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "nginx" / "templates" / "default.conf.template"
NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
OPENSSL = shutil.which("openssl")
SERVER_NAME = "localhost"


class NginxError(RuntimeError):
    """nginx refused the configuration or did not start."""


@dataclass(frozen=True)
class LocalNginx:
    http_port: int
    https_port: int
    certificate: Path
    base: Path


def render_template(values: dict[str, str], *, upstreams: Sequence[str] = ()) -> str:
    """Fill in ${NAME} as the nginx image's envsubst does; every one must be known.

    With ``upstreams``, the line naming ${NGINX_UPSTREAM} comes once per
    upstream (``values`` then needs no NGINX_UPSTREAM)."""
    text = TEMPLATE.read_text()
    if upstreams:
        text = re.sub(
            r"^.*\$\{NGINX_UPSTREAM\}.*\n",
            lambda line: "".join(
                line[0].replace("${NGINX_UPSTREAM}", upstream) for upstream in upstreams
            ),
            text,
            flags=re.MULTILINE,
        )
    names = set(re.findall(r"\$\{(\w+)\}", text))
    if names != set(values):
        raise NginxError(f"placeholders {sorted(names)} vs values {sorted(values)}")
    return re.sub(r"\$\{(\w+)\}", lambda match: values[match[1]], text)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "fullchain.pem", directory / "privkey.pem"
    subprocess.run(
        [
            OPENSSL,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={SERVER_NAME}",
            "-addext",
            f"subjectAltName=DNS:{SERVER_NAME}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _wait_for_port(port: int, process: subprocess.Popen, error_log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NginxError(f"nginx exited: {error_log.read_text()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise NginxError("nginx did not start listening")


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """nginx gets SIGTERM when the process that started it dies (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PDEATHSIG


def _main_config(base: Path) -> str:
    # As root, the workers would otherwise run as "nobody" and not see a
    # private temporary directory.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
daemon off;
pid {base}/nginx.pid;
error_log {base}/error.log warn;
# As the nginx image has it: a proxied request holds two connections (the
# client's and the upstream's), so 200 clients need more than 256.
events {{ worker_connections 1024; }}
http {{
    types {{
        text/html html; text/css css; application/javascript js;
        image/jpeg jpg jpeg; image/png png; image/webp webp; image/avif avif;
        image/svg+xml svg; application/pdf pdf; text/plain txt;
    }}
    default_type application/octet-stream;
    # Which app server answered, for tests of several upstreams.
    log_format upstream '$remote_addr "$request" $status $upstream_addr';
    access_log {base}/access.log upstream;
    client_body_temp_path {base}/body;
    proxy_temp_path {base}/proxy;
    fastcgi_temp_path {base}/fastcgi;
    uwsgi_temp_path {base}/uwsgi;
    scgi_temp_path {base}/scgi;
    include {base}/site.conf;
}}
"""


@contextlib.contextmanager
def local_nginx(
    *, upstream: str | Sequence[str], base: Path, media_root: Path | None = None
):
    """nginx with the deployment's configuration in front of ``upstream``
    (host:port, or a list of them: round robin), its files in ``base``;
    stopped when the block ends."""
    if NGINX is None or OPENSSL is None:
        raise NginxError("nginx and openssl are needed (Debian: nginx-light, openssl)")
    media_root = media_root or base / "media"
    media_root.mkdir(parents=True, exist_ok=True)
    (base / "acme" / ".well-known" / "acme-challenge").mkdir(
        parents=True, exist_ok=True
    )
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (base / temp).mkdir(exist_ok=True)
    cert, key = self_signed_certificate(base)
    http_port, https_port = free_port(), free_port()
    upstreams = [upstream] if isinstance(upstream, str) else list(upstream)
    if not upstreams:
        raise NginxError("no upstream")
    site = render_template(
        {
            "NGINX_SERVER_NAME": SERVER_NAME,
            "NGINX_HTTP_LISTEN": f"127.0.0.1:{http_port}",
            "NGINX_HTTPS_LISTEN": f"127.0.0.1:{https_port}",
            "NGINX_MEDIA_ROOT": str(media_root),
            "NGINX_ACME_ROOT": str(base / "acme"),
            "NGINX_TLS_CERTIFICATE": str(cert),
            "NGINX_TLS_CERTIFICATE_KEY": str(key),
        },
        upstreams=upstreams,
    )
    (base / "site.conf").write_text(site)
    (base / "nginx.conf").write_text(_main_config(base))
    command = [
        NGINX,
        "-p",
        str(base),
        "-c",
        str(base / "nginx.conf"),
        "-e",
        str(base / "error.log"),
    ]
    check = subprocess.run(
        [*command, "-t"], capture_output=True, text=True, check=False
    )
    if check.returncode != 0:
        raise NginxError(check.stderr)
    process = subprocess.Popen(
        command, stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent
    )
    try:
        _wait_for_port(https_port, process, base / "error.log")
        _wait_for_port(http_port, process, base / "error.log")
        yield LocalNginx(
            http_port=http_port, https_port=https_port, certificate=cert, base=base
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
