"""Stand-ins for machine translation services on 127.0.0.1: a small threaded
HTTP server that speaks the DeepL API (``POST /v2/translate``) or the
LibreTranslate API (``POST /translate``, ``GET /languages``), records what it
received and "translates" from a little dictionary. Nothing leaves the
machine; the server stops when its block ends."""

from __future__ import annotations

import contextlib
import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# What the stand-ins answer, by target language; other texts get a marker.
DICTIONARY = {
    "uk": {
        "Wir helfen.": "Ми допомагаємо.",
        "Koordinierungsstelle": "Координаційний офіс",
    },
    "en": {"Wir helfen.": "We help.", "Koordinierungsstelle": "Coordination office"},
}


def translated(text: str, language: str) -> str:
    return DICTIONARY.get(language, {}).get(text, f"[{language}] {text}")


@dataclass
class StandIn:
    url: str
    requests: list[dict] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    standin: StandIn

    def log_message(self, format, *args):
        """Quiet in the test output."""

    def _body(self) -> dict:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(raw or b"{}")
        return urllib.parse.parse_qs(raw.decode())

    def _answer(self, status: int, payload) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _record(self, body) -> None:
        self.standin.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body": body}
        )


class DeepLHandler(_Handler):
    """DeepL: form fields (or JSON), key in ``Authorization: DeepL-Auth-Key``."""

    def do_POST(self):
        body = self._body()
        self._record(body)
        if self.path != "/v2/translate":
            return self._answer(404, {"message": "Not found"})
        texts = body.get("text", [])
        target = body.get("target_lang")
        target = (target[0] if isinstance(target, list) else target).lower()
        language = target.split("-")[0]
        return self._answer(
            200,
            {
                "translations": [
                    {"detected_source_language": "DE", "text": translated(t, language)}
                    for t in texts
                ]
            },
        )


class RefusingDeepLHandler(_Handler):
    """DeepL refusing a wrong key, as it does: 403 and a message."""

    def do_POST(self):
        self._record(self._body())
        return self._answer(403, {"message": "Authorization failed"})


class LibreTranslateHandler(_Handler):
    """LibreTranslate: JSON with ``q`` (a list), ``source``, ``target``, ``api_key``."""

    def do_GET(self):
        self._record(None)
        if self.path != "/languages":
            return self._answer(404, {"error": "Not found"})
        return self._answer(
            200,
            [
                {
                    "code": code,
                    "name": code,
                    "targets": ["de", "en", "uk", "ar", "fa", "tr"],
                }
                for code in ("de", "en", "uk", "ar", "fa", "tr")
            ],
        )

    def do_POST(self):
        body = self._body()
        self._record(body)
        if self.path != "/translate":
            return self._answer(404, {"error": "Not found"})
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        return self._answer(
            200, {"translatedText": [translated(t, body["target"]) for t in texts]}
        )


@contextlib.contextmanager
def serve(handler: type[_Handler]):
    """Run the stand-in on a free port of 127.0.0.1 until the block ends."""
    standin = StandIn(url="")
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), type(handler.__name__, (handler,), {"standin": standin})
    )
    standin.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield standin
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
