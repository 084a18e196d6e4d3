"""``request|saves_data``: the request asks for less data (caching.save_data).

{% load save_data_tags %}
{% if not request|saves_data %}{% include "components/fonts.html" %}{% endif %}
"""

from django import template

from caching.save_data import saves_data as _saves_data

register = template.Library()


@register.filter
def saves_data(request) -> bool:
    return _saves_data(request)
