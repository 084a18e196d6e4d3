"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the sending tests, and the
mailer pointed at it."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler: keeps every accepted message. ``reply`` set to an
    SMTP reply refuses messages (e.g. "554 ..."); ``delay`` makes the server
    wait that long before answering DATA (a timeout for the client);
    ``on_message`` runs before the answer (the crash test kills the worker
    there)."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.reply: str | None = None
        self.delay = 0.0
        self.on_message = None
        self.refused = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.on_message is not None and self.on_message(envelope) is False:
            return "451 Requested action aborted"
        if self.delay:
            # A hung server: answers (and drops the message) only after the
            # client gave up. (One that accepts it after the client's timeout
            # would get it twice: the retry carries the same Message-ID.)
            time.sleep(self.delay)
            return "421 Timed out"
        if self.reply:
            with self.lock:
                self.refused += 1
            return self.reply
        message = email.message_from_bytes(
            envelope.content, policy=email.policy.default
        )
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]

    def wait_for(self, count: int, timeout: float = 20.0) -> list:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture
def inbox(smtp_server, settings):
    """Mails go through SMTP to the test server; what it accepted is in
    ``inbox.messages`` (email.message.EmailMessage)."""
    controller, inbox = smtp_server
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 1},
        }
    }
    settings.WAGTAILADMIN_BASE_URL = "https://www.example.org"
    settings.ALERTS_MAIL_MAX_ATTEMPTS = 3
    return inbox


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()
