"""sitemap.xml: every published page in every language, with its translations
as hreflang alternates, and the addresses below routable pages."""

from collections import defaultdict
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

# A url entry may carry this key: entries with the same key are translations
# of each other and list each other as alternates.
ALTERNATE_KEY = "alternate_key"


class SiteSitemap(Sitemap):
    """Wagtail's sitemap covers the default site's tree, which is the German
    one; translated trees are siblings of it and are added here."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_trees = Q()
        for home in homes.only("path"):
            in_trees |= Q(path__startswith=home.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_trees)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _on_requested_host(self, location: str) -> str:
        """Addresses on the host the sitemap was asked for (ALLOWED_HOSTS
        guards it), like the canonical links of the pages, not on the
        hostname typed into Wagtail's site record."""
        if self.request is None:
            return location
        parts = urlsplit(location)
        return self.request.build_absolute_uri(
            urlunsplit(("", "", parts.path, parts.query, ""))
        )

    def _urls(self, page, protocol, domain):
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        entries = []
        for item in self.paginator.page(page).object_list:
            for number, info in enumerate(item.get_sitemap_urls(self.request)):
                info = dict(info)
                info["location"] = self._on_requested_host(info["location"])
                if number == 0:
                    info.setdefault(ALTERNATE_KEY, ("page", item.translation_key))
                info.setdefault("lang_code", codes.get(item.locale_id))
                entries.append(info)
        groups = defaultdict(list)
        for info in entries:
            if info.get(ALTERNATE_KEY):
                groups[info[ALTERNATE_KEY]].append(info)
        for group in groups.values():
            if len(group) < 2:
                continue
            alternates = [
                {"lang_code": info["lang_code"], "location": info["location"]}
                for info in group
            ]
            alternates.extend(
                {"lang_code": "x-default", "location": info["location"]}
                for info in group
                if info["lang_code"] == settings.LANGUAGE_CODE
            )
            for info in group:
                info["alternates"] = alternates
        last_mods = {info.get("lastmod") for info in entries}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return entries
