import datetime

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from caching.page_cache import cached_fragment
from contacts.blocks import contact_search_words
from core.admin_dates import GermanPublishingPanel
from core.freshness import FreshnessMixin, freshness_panel
from core.search_text import search_terms_for, searchable_texts
from core.translations import default_locale
from pages.blocks import CONTENT_BLOCKS


def fallback_language(page) -> str | None:
    """The active language when ``page`` is a German original shown in it
    because it has no translation there; else None."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    code = get_language()
    if not code or code == settings.LANGUAGE_CODE or code not in LANGUAGE_CODES:
        return None
    if page.locale_id != default_locale().pk:
        return None
    return code


def in_language_prefix(path: str, code: str) -> str:
    """``path`` of a German page under the prefix ``i18n_patterns`` gives
    every other language ("/aktuelles/" -> "/ar/aktuelles/")."""
    return f"/{code}{path}"


def fallback_url(page, url: str) -> str:
    """``url`` of a plain ``Page`` (e.g. an ancestor in the breadcrumbs) as
    ``BasePage.get_url`` gives it: under the reader's prefix where ``page``
    is shown as a German fallback."""
    code = fallback_language(page)
    if code is None or not url.startswith("/"):
        return url
    return in_language_prefix(url, code)


LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


class BasePage(FreshnessMixin, Page):
    """Fields every page of the site shares.

    ``intro`` is the lead paragraph under the title and the text of teasers and
    the meta description; ``last_reviewed`` is the "Stand" date readers see, set
    by editors when they check the content, not by every technical save.
    The freshness fields (owner, next check) come from
    ``core.freshness.FreshnessMixin``, counted from "Stand".
    ``contains_examples`` marks a page that is partly example content (the
    demo site); readers see one calm note beside the "Stand" date.
    """

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_(
            "Ein bis drei Sätze unter dem Titel. Erscheint auch in Teasern, "
            "Suchergebnissen und als Beschreibung für Suchmaschinen."
        ),
    )
    menu_title = models.CharField(
        _("Kurztitel im Menü"),
        max_length=40,
        blank=True,
        help_text=_(
            "Kurze Fassung des Titels für die Hauptnavigation, z. B. „Helfen“. "
            "Leer lassen, um den Titel zu verwenden."
        ),
    )
    body = StreamField(CONTENT_BLOCKS, blank=True, verbose_name=_("Inhalt"))
    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Vorschaubild für soziale Medien"),
        help_text=_(
            "Erscheint, wenn die Seite in Messengern oder sozialen Netzwerken "
            "geteilt wird. Leer lassen für das Standardbild aus den "
            "Website-Einstellungen."
        ),
    )
    last_reviewed = models.DateField(
        _("Stand"),
        default=datetime.date.today,
        help_text=_(
            "Datum der letzten inhaltlichen Prüfung. Wird auf der Seite als "
            "„Stand: …“ angezeigt."
        ),
    )
    contains_examples = models.BooleanField(
        _("Enthält Beispielinhalte"),
        default=False,
        help_text=_(
            "Anhaken, solange Teile der Seite Beispiele sind, die noch durch "
            "geprüfte Angaben ersetzt werden. Die Seite zeigt dann unter dem "
            "Inhalt einen kurzen Hinweis."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        freshness_panel("last_reviewed"),
    ]
    promote_panels = [
        # Wagtail's promote panels, with the slug named as editors know it.
        MultiFieldPanel(
            [
                FieldPanel(
                    "slug",
                    heading=_("Adresse (URL-Teil)"),
                    help_text=_(
                        "Der letzte Teil der Webadresse dieser Seite, z. B. "
                        "„koordinierungsstelle“ in …/koordinierungsstelle/. "
                        "Nur Kleinbuchstaben, Ziffern und Bindestriche. Ändern "
                        "Sie ihn nach der Veröffentlichung nur, wenn es sein "
                        "muss: Die alte Adresse leitet dann automatisch auf "
                        "die neue weiter."
                    ),
                ),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading=_("Für Suchmaschinen"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Für Menüs")),
        FieldPanel("menu_title"),
        FieldPanel("social_image"),
        FieldPanel("contains_examples"),
    ]
    # Wagtail's settings tab, with a schedule dialog that keeps what the
    # editor typed (core.admin_dates).
    settings_panels = [GermanPublishingPanel(), *Page.settings_panels[1:]]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        # German-aware keys of everything above, what the site search asks
        # for (core.search_text, site_search.search).
        index.AutocompleteField("search_terms"),
        # Whom the page's contact blocks show: the admin search finds the
        # page by a name or a part of a phone number ("Jüngling", "1653").
        index.AutocompleteField("contact_search_text"),
    ]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Serve the German page where a translation is missing, never a 404
        (also where the "translation" is only an alias of the German page).

        A translated parent whose child was not translated yet routes on
        through its German original; the template then says so.
        """
        if not path_components:
            original = self.original_of_alias()
            if original is not None:
                return original.specific.route(request, path_components)
        try:
            return super().route(request, path_components)
        except Http404:
            default = default_locale()
            if not path_components or self.locale_id == default.pk:
                raise
            original = self.get_translation_or_none(default)
            if original is None:
                raise
            return original.specific.route(request, path_components)

    def original_of_alias(self) -> Page | None:
        """The page this one mirrors when it is an alias of a page in another
        language, else None.

        Translating a page whose parents are not translated yet makes aliases
        of the parents in the new language (wagtail-localize); they hold the
        German text. Served as themselves they would pretend to be a
        translation; ``route`` serves the original instead, with the German
        fallback's marking and note.
        """
        if self.alias_of_id is None:
            return None
        original = Page.objects.filter(pk=self.alias_of_id).first()
        if original is None or original.locale_id == self.locale_id:
            return None
        return original

    def german_original(self) -> "BasePage":
        """The page in the site's default language this one translates (the
        page itself if it is German or its original is gone): lists of
        events and news are built from the originals' children."""
        default = default_locale()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def get_url_parts(self, request=None):
        """Wagtail's URL parts; a German page shown in another language (not
        translated yet) keeps the reader in that language: on an Arabic page,
        a link to the untranslated "Aktuelles" is ``/ar/aktuelles/``, served
        by ``route`` with the German text and a note, not ``/aktuelles/``."""
        parts = super().get_url_parts(request)
        code = fallback_language(self)
        if parts is None or parts[2] is None or code is None:
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, in_language_prefix(page_path, code)

    def with_content_json(self, content):
        """Wagtail's copy of the page with a revision's content, with the
        number of children read from the database, not from ``self``.

        wagtail-localize publishes a translation when the transaction commits,
        with the instance it held when it made the translation; children
        translated later in the same transaction are missing from that
        instance's ``numchild``. Saved as it was, treebeard then sees a leaf
        and the router serves the German fallback instead of the translated
        children (/ar/koordinierungsstelle/).
        """
        page = super().with_content_json(content)
        if self.pk is not None:
            stored = (
                Page.objects.filter(pk=self.pk)
                .values_list("numchild", flat=True)
                .first()
            )
            if stored is not None:
                page.numchild = stored
        return page

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors, without the
        two queries Wagtail asks on every request where none can apply: the
        paths of restricted pages and of aliases are kept in the cache until
        the next purge (saving a restriction or a page purges). Below a
        restricted page or an alias, Wagtail looks them up as always."""
        restricted, aliases = cached_fragment(
            "view-restriction-paths",
            (),
            lambda: (
                list(PageViewRestriction.objects.values_list("page__path", flat=True)),
                list(
                    Page.objects.filter(alias_of__isnull=False).values_list(
                        "path", flat=True
                    )
                ),
            ),
        )
        if any(self.path.startswith(path) for path in (*restricted, *aliases)):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def get_cached_paths(self):
        """What a CDN may hold below this page's URL, for Wagtail's front-end
        cache purge: the page itself and, on a routable page, every route
        without arguments plus the ones ``cached_route_arguments`` names."""
        paths = ["/"]
        if isinstance(self, RoutablePageMixin):
            for pattern in self.get_subpage_urls():
                if pattern.name and not pattern.pattern.regex.groups:
                    paths.append(self.reverse_subpage(pattern.name))
            for name, args in self.cached_route_arguments():
                paths.append(self.reverse_subpage(name, args=args))
        return list(dict.fromkeys("/" + path.lstrip("/") for path in paths))

    def cached_route_arguments(self):
        """(route name, arguments) of the routes with arguments that a CDN may
        hold (see ``get_cached_paths``)."""
        return ()

    @property
    def search_terms(self) -> str:
        return search_terms_for(
            title=self.title,
            texts=searchable_texts(self),
            language=self.locale.language_code,
        )

    @property
    def contact_search_text(self) -> str:
        body = getattr(self, "body", None) or []
        return " ".join(
            contact_search_words(
                person=block.value.get("person"),
                organisation=block.value.get("organisation"),
            )
            for block in body
            if block.block_type == "contact"
        )

    @property
    def nav_title(self) -> str:
        return self.menu_title or self.title

    @property
    def meta_description(self) -> str:
        return self.search_description or self.intro


HANDOUT_WORDS = 230


def handout_text(body, context: dict) -> tuple[str, bool]:
    """A stream field's HTML shortened to what fits on a handout beside the
    title, intro and QR code; True if something was left out."""
    html = str(body.render_as_block(context=context))
    short = Truncator(html).words(HANDOUT_WORDS, html=True, truncate=" …")
    return mark_safe(short), short != html  # noqa: S308 - rendered by Wagtail
