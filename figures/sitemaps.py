"""The figures' addresses for sitemap.xml: the list ``/zahlen/`` in every
language and each indicator's page in German and in each language it is
translated into (its slug is the same in all of them)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import override

from .models import Indicator


class IndicatorSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        lists = [("figures:list", code, ()) for code, _name in settings.LANGUAGES]
        details = [
            ("figures:detail", language, (slug,))
            for slug, language in Indicator.objects.order_by(
                "slug", "locale_id"
            ).values_list("slug", "locale__language_code")
        ]
        return lists + details

    def location(self, item):
        name, language, args = item
        with override(language):
            return reverse(name, args=args)
