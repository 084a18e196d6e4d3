"""The links in every alert mail: confirm, manage, unsubscribe.

A token is ``<pk>-<digest>`` signed with Django's signer (salt per purpose);
``digest`` is an HMAC of the subscriber's secret ``key``, so the key never
appears in a URL and a new key makes every earlier link invalid. The
confirmation token carries a timestamp and expires after
``CONFIRM_MAX_AGE``; manage and unsubscribe links do not expire.

URLs are absolute (``settings.WAGTAILADMIN_BASE_URL``, as the editorial
digest builds its links) and in the subscriber's language: German without a
prefix, the others with theirs (``/en/…``, ``/ar/…``).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM_MAX_AGE = timedelta(days=7)
CONFIRM, MANAGE, UNSUBSCRIBE = "confirm", "manage", "unsubscribe"
SEPARATOR = "."  # not in the signer's base64 alphabet; safe in a URL path


class BadToken(Exception):
    """A token that is malformed, tampered with or no longer valid."""


class ExpiredToken(BadToken):
    """A confirmation token older than ``CONFIRM_MAX_AGE``."""


def _signer(purpose: str) -> signing.Signer:
    salt = f"alerts.links.{purpose}"
    if purpose == CONFIRM:
        return signing.TimestampSigner(salt=salt, sep=SEPARATOR)
    return signing.Signer(salt=salt, sep=SEPARATOR)


def key_digest(key: str, purpose: str) -> str:
    return salted_hmac(
        f"alerts.links.key.{purpose}", key, algorithm="sha256"
    ).hexdigest()[:20]


def make_token(subscriber, purpose: str) -> str:
    value = f"{subscriber.pk}-{key_digest(subscriber.key, purpose)}"
    return _signer(purpose).sign(value)


def read_token(token: str, purpose: str) -> tuple[int, str]:
    """The subscriber's pk and key digest of a genuine token (not checked
    against the database: ``matches`` does that)."""
    signer = _signer(purpose)
    try:
        if purpose == CONFIRM:
            value = signer.unsign(token, max_age=CONFIRM_MAX_AGE)
        else:
            value = signer.unsign(token)
    except signing.SignatureExpired as error:
        raise ExpiredToken(str(error)) from None
    except signing.BadSignature as error:
        raise BadToken(str(error)) from None
    pk, _, digest = value.partition("-")
    if not pk.isdigit() or not digest:
        raise BadToken("malformed value")
    return int(pk), digest


def matches(subscriber, digest: str, purpose: str) -> bool:
    return constant_time_compare(key_digest(subscriber.key, purpose), digest)


def absolute(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def _url(subscriber, name: str, purpose: str) -> str:
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        path = reverse(name, args=[make_token(subscriber, purpose)])
    return absolute(path)


NAMES = {
    CONFIRM: "alerts:confirm",
    MANAGE: "alerts:manage",
    UNSUBSCRIBE: "alerts:unsubscribe",
}


def site_path(subscriber, purpose: str) -> str:
    """The link's path in the active language, for links between the pages
    (relative: the reader stays on the host they came by)."""
    return reverse(NAMES[purpose], args=[make_token(subscriber, purpose)])


def confirm_url(subscriber) -> str:
    """Confirms the subscriber and its pending topics; valid for 7 days."""
    return _url(subscriber, "alerts:confirm", CONFIRM)


def manage_url(subscriber) -> str:
    """Lists and deletes the subscriptions; valid until the key changes."""
    return _url(subscriber, "alerts:manage", MANAGE)


def unsubscribe_url(subscriber) -> str:
    """One click (RFC 8058 POST) or one button: deletes everything."""
    return _url(subscriber, "alerts:unsubscribe", UNSUBSCRIBE)
