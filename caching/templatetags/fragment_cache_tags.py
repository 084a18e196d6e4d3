"""``{% fragment_cache %}``: HTML of a template fragment, kept until the next purge.

    {% load fragment_cache_tags %}
    {% fragment_cache "footer" %}...{% endfragment_cache %}
    {% fragment_cache "main" request.get_full_path %}...{% endfragment_cache %}

The key is the name, the active language, scheme and host, the values after
the name, and the page-cache generation (``caching.page_cache.cached_render``:
a purge on publishing drops every fragment; previews, POSTs and HTML with a
CSRF token are never kept). The fragment renders afresh when the context
says ``fragment_cache_off`` (error pages: their paths are made up) or a value
is longer than ``MAX_VARY_LENGTH``.
"""

from django import template
from django.core.exceptions import DisallowedHost
from django.template import TemplateSyntaxError
from django.utils.translation import get_language

from caching.page_cache import MAX_QUERY_STRING_LENGTH, cached_render

register = template.Library()

# A path with a query string longer than the page cache keeps.
MAX_VARY_LENGTH = 1024 + MAX_QUERY_STRING_LENGTH


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or context.get("fragment_cache_off"):
            return self.nodelist.render(context)
        values = [str(value.resolve(context)) for value in self.vary_on]
        if any(len(value) > MAX_VARY_LENGTH for value in values):
            return self.nodelist.render(context)
        try:
            parts = [get_language(), request.scheme, request.get_host(), *values]
        except DisallowedHost:
            return self.nodelist.render(context)
        return cached_render(
            request,
            self.name.resolve(context),
            parts,
            lambda: self.nodelist.render(context),
        )


@register.tag("fragment_cache")
def do_fragment_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    return FragmentCacheNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
    )
