"""The "Per E-Mail benachrichtigen" link the feature pages show
(registered with core.follow from AlertsConfig.ready)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse

from .models import Topic


def follow_link(topic: str, target: str, language: str) -> str:
    if topic not in Topic.values:
        return ""
    query = {"thema": topic, **({"auswahl": target} if target else {})}
    url = f"{reverse('alerts:subscribe')}?{urlencode(query)}"
    return render_to_string("alerts/follow_link.html", {"url": url})
