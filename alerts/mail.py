"""One e-mail to one subscriber: From DEFAULT_FROM_EMAIL, in the
subscriber's language, plain text with an HTML alternative, a one-click
unsubscribe link (RFC 8058 headers) and a link to manage all subscriptions."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_bidi

from .models import Subscriber


def message_id(kind: str, ident: str) -> str:
    """A Message-ID that stays the same for the same mail, so a copy sent
    again after a crash is recognisable as the same message."""
    digest = hashlib.sha256(f"{kind}:{ident}".encode()).hexdigest()[:32]
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "localhost"
    return f"<alerts-{kind}-{digest}@{domain}>"


def build(
    subscriber: Subscriber,
    template: str,
    context: dict,
    *,
    ident: str,
    unsubscribe: bool = True,
) -> EmailMultiAlternatives:
    """Render ``alerts/mail/<template>_subject.txt``, ``.txt`` and ``.html``
    in the subscriber's language. ``ident`` names the mail (its Message-ID)."""
    from . import links

    with translation.override(subscriber.language):
        unsubscribe_url = links.unsubscribe_url(subscriber) if unsubscribe else ""
        context = {
            **context,
            "subscriber": subscriber,
            "language": subscriber.language,
            "direction": "rtl" if get_language_bidi() else "ltr",
            "manage_url": links.manage_url(subscriber),
            "unsubscribe_url": unsubscribe_url,
        }
        subject = " ".join(
            render_to_string(f"alerts/mail/{template}_subject.txt", context).split()
        )
        text = render_to_string(f"alerts/mail/{template}.txt", context)
        html = render_to_string(f"alerts/mail/{template}.html", context)
    headers = {
        "Auto-Submitted": "auto-generated",
        "Message-ID": message_id(template, ident),
        "Content-Language": subscriber.language,
    }
    if unsubscribe:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message
