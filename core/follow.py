"""Links to follow a topic ("Per E-Mail benachrichtigen") without the
feature apps naming the app that sends the mails.

An app above the features registers a callable from its ``AppConfig.ready()``
(``register_follow_link``); feature templates ask for the links with
``{% load follow_tags %}{% follow_link "sheet" sheet.number %}``
(core/templatetags/follow_tags.py). Each callable gets the topic, the target
(as text, "" for none) and the active language, and returns HTML or "".
Without a registration the tag renders nothing.
"""

from __future__ import annotations

from collections.abc import Callable

FollowLink = Callable[[str, str, str], str]

_registry: list[FollowLink] = []


def register_follow_link(render: FollowLink) -> FollowLink:
    if render not in _registry:
        _registry.append(render)
    return render


def follow_links(topic: str, target: str, language: str) -> list[str]:
    return [html for render in _registry if (html := render(topic, target, language))]
