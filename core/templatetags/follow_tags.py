"""``{% follow_link "sheet" sheet.number %}``: the registered "follow" links
of a topic (core.follow), or nothing."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.follow import follow_links

register = template.Library()


@register.simple_tag
def follow_link(topic, target=""):
    target = "" if target is None else str(target)
    links = follow_links(str(topic), target, get_language() or "")
    return format_html_join("", "{}", ((mark_safe(html),) for html in links))  # noqa: S308 (each callable returns escaped HTML)
