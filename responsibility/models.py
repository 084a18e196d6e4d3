"""The page "Wer ist zuständig?": each step of the question path is its own
GET address below the page, a plain link per answer (no form, no cookie,
nothing stored).

``/wer-ist-zustaendig/`` asks the first question, ``…/asylbewerber/`` the
second, ``…/asylbewerber/wohnen/`` shows the result. A key that is not an
answer to its question (or a path longer than the questions) is a 404.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from caching.routing import url_for_request
from contacts.models import OpeningHoursSlot, Organisation, Person
from core.freshness import freshness_panel
from core.translations import localize_objects
from operations.request_log import LOG_PATH_HEADER
from pages.models import BasePage
from responsibility.blocks import FinderStreamBlock
from responsibility.finder import Finder, read_finder

MAX_QUESTIONS = 5
# Steps named for a CDN purge at most; a larger finder relies on the CDN's expiry.
MAX_CACHED_PATHS = 400
STEP_PATTERN = (
    r"^(?P<answers>[a-z0-9-]+(?:/[a-z0-9-]+){0,4})/$"  # up to MAX_QUESTIONS keys
)


def _card_queryset(model):
    """What a contact card shows of a translated contact (its German
    original's facts are set beside it, see ``result_contacts``)."""
    if model is Person:
        return Person.objects.select_related("organisation")
    return Organisation.objects.select_related("place").prefetch_related(
        "categories",
        "languages",
        Prefetch(
            "opening_hours",
            queryset=OpeningHoursSlot.objects.order_by("weekday", "opens"),
        ),
    )


def _localized_cards(originals: list, model) -> list:
    """The contacts in the reader's language, each knowing its German
    original (facts: phone, address, hours) without a query of its own."""
    translated = localize_objects(originals, queryset=_card_queryset(model))
    for original, shown in zip(originals, translated, strict=True):
        if shown is not original:
            shown.original = original  # Organisation/Person.original, kept
    return translated


class ResponsibilityFinderPage(RoutablePageMixin, BasePage):
    """„Wer ist zuständig?“: a few questions, then the right contacts."""

    finder = StreamField(
        FinderStreamBlock(),
        verbose_name=_("Fragen und Ergebnisse"),
        help_text=_(
            "Die Fragen in der Reihenfolge, in der sie gestellt werden (höchstens "
            "fünf), und die Ergebnisse. Ein Ergebnis ohne Schlüssel gilt für alle "
            "Wege ohne eigenes Ergebnis."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HelpPanel(
            content=_(
                "<p>Jede Antwort hat einen Schlüssel, der in der Adresse steht, z. B. "
                "…/wer-ist-zustaendig/asylbewerber/wohnen/. Ergebnisse nennen die "
                "Schlüssel der Antworten, für die sie gelten. Gilt für einen Weg "
                "mehr als ein Ergebnis, wird das genaueste gezeigt (das mit den "
                "meisten Fragen).</p><p>Übersetzungen übernehmen Fragen, "
                "Schlüssel, Kontakte und Seiten aus dem deutschen Original; "
                "übersetzt werden nur die Texte.</p>"
            ),
            heading=_("So funktioniert der Wegweiser"),
        ),
        FieldPanel("finder"),
        FieldPanel("body", heading=_("Text unter dem Ergebnis")),
        freshness_panel("last_reviewed"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("finder")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Wegweiser „Wer ist zuständig?“")
        verbose_name_plural = _("Wegweiser „Wer ist zuständig?“")

    def read(self) -> Finder:
        """The finder: structure from the German original, texts from this
        page where it is a translation."""
        original = self.german_original()
        if original.pk == self.pk:
            return read_finder(self.finder)
        return read_finder(original.specific_deferred.finder, self.finder)

    @re_path(r"^$", name="start")
    def start(self, request):
        return self.step(request, "")

    @re_path(STEP_PATTERN, name="step")
    def step(self, request, answers: str):
        keys = [key for key in answers.split("/") if key]
        finder = self.read()
        chosen = finder.answers_for(keys)
        if chosen is None or not finder.questions:
            raise Http404("Unbekannte Antwort")
        base = url_for_request(self, request) or self.url_path

        def step_url(step_keys) -> str:
            return base + "".join(f"{key}/" for key in step_keys)

        context = {
            "finder_base_url": base,
            "summary": [
                {
                    "question": question,
                    "answer": answer,
                    "change_url": step_url(keys[:number]),
                }
                for number, (question, answer) in enumerate(chosen)
            ],
            "back_url": step_url(keys[:-1]) if keys else None,
            "step_number": len(keys) + 1,
            "step_count": len(finder.questions),
        }
        if len(keys) < len(finder.questions):
            question = finder.questions[len(keys)]
            context["question"] = question
            context["answer_links"] = [
                (answer, step_url([*keys, answer.key])) for answer in question.answers
            ]
        else:
            result = finder.result_for(keys)
            if result is None:  # not saved through the admin's checks
                raise Http404("Kein Ergebnis")
            context.update(self.result_context(result, request))
        response = self.render(
            request,
            context_overrides=context,
            template="responsibility/finder_page.html",
        )
        # The answers are the reader's: logs name the page only.
        response[LOG_PATH_HEADER] = base
        return response

    def result_context(self, result, request) -> dict:
        people = [person for person, _org in result.contacts if person]
        organisations = [org for person, org in result.contacts if org and not person]
        shown_people = iter(_localized_cards(people, Person))
        shown_organisations = iter(_localized_cards(organisations, Organisation))
        cards = [
            ("person", next(shown_people))
            if person
            else ("organisation", next(shown_organisations))
            for person, _org in result.contacts
        ]
        # The chooser gives plain pages; their specific rows give the URL in
        # the reader's language (BasePage.get_url_parts), one query per type.
        by_pk = (
            Page.objects.filter(pk__in=[page.pk for page in result.pages])
            .specific()
            .in_bulk()
        )
        originals = [by_pk[page.pk] for page in result.pages if page.pk in by_pk]
        pages = [
            page
            for page in localize_objects(originals, queryset=Page.objects.specific())
            if page.live
        ]
        return {
            "result": result,
            "cards": cards,
            "result_pages": [(page, url_for_request(page, request)) for page in pages],
        }

    def cached_route_arguments(self):
        """Every step of the path, for a CDN purge (``get_cached_paths``)."""
        finder = self.read()
        paths: list[list[str]] = [[]]
        for question in finder.questions:
            paths = [
                [*path, answer.key] for path in paths for answer in question.answers
            ]
            if len(paths) > MAX_CACHED_PATHS:
                return
            for path in paths:
                yield "step", ("/".join(path),)
