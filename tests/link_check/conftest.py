"""A stand-in web server on 127.0.0.1 for the link checks, and a guard:
these tests may reach that server and nothing else."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
SLOW_SECONDS = 2


@pytest.fixture(autouse=True)
def _only_loopback(monkeypatch):
    """Neither a name lookup nor a connection beyond this machine."""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOOPBACK:
            raise AssertionError(f"A test tried to look up {host!r}.")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock, address):
        if isinstance(address, tuple) and address[0] not in LOOPBACK:
            raise AssertionError(f"A test tried to connect to {address!r}.")
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)


class StandIn(BaseHTTPRequestHandler):
    """/ok 200, /fehlt 404, /umgezogen 301 to /fehlt, /langsam answers after
    SLOW_SECONDS, /kein-head refuses HEAD (405) and answers GET."""

    def _answer(self):
        self.server.requests.append(
            (self.command, self.path, self.headers.get("User-Agent"), time.monotonic())
        )
        path = self.path.split("?")[0]
        if path == "/langsam":
            time.sleep(SLOW_SECONDS)
        status, headers = {
            "/ok": (200, {}),
            "/umgezogen": (301, {"Location": "/fehlt"}),
            "/langsam": (200, {}),
            "/kein-head": (405 if self.command == "HEAD" else 200, {}),
        }.get(path, (404, {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def stand_in():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    server.daemon_threads = True
    server.requests = []
    server.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
