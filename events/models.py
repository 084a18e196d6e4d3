"""Events (Veranstaltungen): forums, committee meetings, counselling days.

Times are stored timezone-aware (UTC in the database); editors enter and see
them in Europe/Berlin (``TIME_ZONE``), and the site shows them in Berlin time.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from caching.routing import url_for_request
from core.freshness import freshness_panel
from core.listing import filtered_listing
from core.translations import localize_objects
from events import calendars
from events.forms import EventFilterForm, EventTopic
from pages.models import BasePage

# Routes of the event index; an event with one of these slugs would be hidden.
RESERVED_SLUGS = {"vergangene", "kalender"}


def _berlin(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value, timezone.get_default_timezone())


class EventPage(RoutablePageMixin, BasePage):
    """One event with its time, place, topic and how to take part.

    The place comes from the contacts directory (``place``, ``organiser``),
    so an address is kept in one spot; ``location_note`` covers online
    events and room details. ``import_source`` / ``import_uid`` identify
    events taken over from an external iCal calendar, so that a re-import
    updates them instead of creating duplicates. Every event offers its own
    iCal file at ``<event-url>kalender/``.
    """

    start = models.DateTimeField(
        _("Beginn"),
        help_text=_("Datum und Uhrzeit in deutscher Zeit (Europe/Berlin)."),
    )
    end = models.DateTimeField(
        _("Ende"),
        help_text=_(
            "Datum und Uhrzeit in deutscher Zeit. Bei ganztägigen Veranstaltungen "
            "zählt nur der Tag (letzter Tag der Veranstaltung)."
        ),
    )
    all_day = models.BooleanField(
        _("Ganztägig"),
        default=False,
        help_text=_("Uhrzeiten werden dann nicht angezeigt."),
    )
    topic = models.CharField(
        _("Thema"),
        max_length=20,
        choices=EventTopic.choices,
        default=EventTopic.FORUM,
        help_text=_("Jedes Thema hat einen eigenen abonnierbaren Kalender."),
    )
    cancelled = models.BooleanField(
        _("Abgesagt"),
        default=False,
        help_text=_(
            "Die Veranstaltung bleibt sichtbar, wird aber deutlich als abgesagt "
            "gekennzeichnet, auch in abonnierten Kalendern."
        ),
    )
    place = models.ForeignKey(
        "contacts.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Ort aus dem Adressverzeichnis"),
    )
    location_note = models.CharField(
        _("Ortsangabe"),
        max_length=255,
        blank=True,
        help_text=_(
            "Ergänzung oder Ersatz für den Ort, z. B. „Ratssaal, 1. Stock“ oder "
            "„Online per Videokonferenz“."
        ),
    )
    organiser = models.ForeignKey(
        "contacts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Veranstalter"),
    )
    registration_url = models.URLField(
        _("Link zur Anmeldung"), blank=True, max_length=500
    )
    registration_note = models.TextField(
        _("Hinweis zur Anmeldung"),
        blank=True,
        help_text=_(
            "z. B. „Anmeldung bis 2. Oktober per E-Mail“ oder „Ohne Anmeldung“."
        ),
    )
    accessibility_notes = models.TextField(
        _("Barrierefreiheit"),
        blank=True,
        help_text=_(
            "z. B. stufenloser Zugang, Gebärdensprachdolmetschung, Induktionsschleife, "
            "Dolmetschen in andere Sprachen, Kinderbetreuung."
        ),
    )
    # Set by the iCal import only (not editable, not copied into translations).
    import_source = models.CharField(
        _("Importquelle"), max_length=500, blank=True, editable=False
    )
    import_uid = models.CharField(
        _("UID im Quellkalender"), max_length=500, blank=True, editable=False
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("topic"),
                FieldPanel("cancelled"),
            ],
            heading=_("Termin"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("location_note"),
                FieldPanel("organiser"),
            ],
            heading=_("Ort und Veranstalter"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_note"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Teilnahme"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        freshness_panel("last_reviewed"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("location_note"),
        index.FilterField("start"),
        index.FilterField("topic"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    exclude_fields_in_copy = ["import_source", "import_uid"]

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="event_ends_after_start",
                violation_error_message=_("Das Ende muss nach dem Beginn liegen."),
            ),
            models.UniqueConstraint(
                fields=["import_source", "import_uid"],
                condition=~models.Q(import_uid=""),
                name="unique_event_import_uid",
                violation_error_message=_(
                    "Diese Veranstaltung wurde aus dem Quellkalender schon übernommen."
                ),
            ),
        ]

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _(
                        "Diese Kurzadresse ist für die Veranstaltungsübersicht "
                        "reserviert. Bitte wählen Sie eine andere."
                    )
                }
            )
        if self.start is None or self.end is None:
            return
        if self.all_day:
            self.start, self.end = all_day_bounds(
                _berlin(self.start).date(), _berlin(self.end).date()
            )
            if self.end < self.start:
                raise ValidationError(
                    {"end": _("Der letzte Tag darf nicht vor dem ersten Tag liegen.")}
                )
        elif self.end <= self.start:
            raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ics_url"] = url_for_request(self, request) + self.ics_url_path
        context["is_past"] = self.end < timezone.now()
        parent = self.get_parent()
        context["index_url"] = url_for_request(parent, request) if parent else ""
        return context

    @path("kalender/", name="ics")
    def ics(self, request):
        return calendars.event_file_response(request, event=self)

    @property
    def local_start(self) -> datetime.datetime:
        return _berlin(self.start)

    @property
    def local_end(self) -> datetime.datetime:
        return _berlin(self.end)

    @property
    def is_multi_day(self) -> bool:
        return self.local_start.date() != self.local_end.date()

    @property
    def location_text(self) -> str:
        """Place and note in one line (for calendars and teasers)."""
        parts = []
        if self.place is not None:
            parts.append(f"{self.place.name}, {self.place.street}, ")
            parts[-1] += f"{self.place.postcode} {self.place.city}"
        if self.location_note:
            parts.append(self.location_note)
        return " – ".join(parts)

    @property
    def ics_url_path(self) -> str:
        return self.reverse_subpage("ics")


def all_day_bounds(
    first_day: datetime.date, last_day: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """Start and end of an all-day event: 00:00 of the first day to 23:59:59 of
    the last day, Berlin time, so that it counts as upcoming all day long."""
    zone = timezone.get_default_timezone()
    start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(last_day, datetime.time(23, 59, 59), tzinfo=zone)
    return start, end


class EventIndexPage(RoutablePageMixin, BasePage):
    """ "Veranstaltungen": upcoming events first, past events on their own page
    (``vergangene/``), filterable by topic (``?thema=``); subscribable iCal
    calendars for all events (``kalender/``) and per topic
    (``kalender/<thema>/``). Wagtail's page URLs cannot contain a dot, hence
    no ``.ics`` ending; the content type tells calendar apps what it is.

    Lists are built from the German originals and show each event's
    translation where one exists, so untranslated events appear in German.
    """

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = _("Veranstaltungsübersichten")

    @path("", name="upcoming")
    def upcoming(self, request):
        return self._serve_listing(request, past=False)

    @path("vergangene/", name="past")
    def past(self, request):
        return self._serve_listing(request, past=True)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        return calendars.calendar_response(
            request,
            events=self._localized(self.calendar_events()),
            name=self.title,
            uid=f"{self.translation_key}",
        )

    @path("kalender/<slug:topic>/", name="topic_calendar")
    def topic_calendar(self, request, topic):
        if topic not in EventTopic.values:
            raise Http404(_("Dieses Veranstaltungsthema gibt es nicht."))
        return calendars.calendar_response(
            request,
            events=self._localized(self.calendar_events(topic=topic)),
            name=f"{self.title}: {EventTopic(topic).label}",
            uid=f"{self.translation_key}-{topic}",
        )

    def cached_route_arguments(self):
        return [("topic_calendar", [topic]) for topic in EventTopic.values]

    # Reads --------------------------------------------------------------------

    def _originals(self):
        """Published events below the German original of this index."""
        return (
            EventPage.objects.child_of(self.german_original())
            .live()
            .public()
            .select_related("place", "organiser")
        )

    def events(self, *, past: bool, topic: str = ""):
        """Upcoming events (not ended yet) soonest first, or past ones newest first."""
        events = self._originals()
        if topic:
            events = events.filter(topic=topic)
        now = timezone.now()
        if past:
            return events.filter(end__lt=now).order_by("-start", "pk")
        return events.filter(end__gte=now).order_by("start", "pk")

    def calendar_events(self, *, topic: str = ""):
        """What the subscribable calendars carry: the last year and everything ahead."""
        events = self._originals().filter(end__gte=timezone.now() - CALENDAR_HISTORY)
        if topic:
            events = events.filter(topic=topic)
        return events.order_by("start", "pk")[:CALENDAR_MAX_EVENTS]

    @staticmethod
    def _localized(events) -> list:
        return localize_objects(
            events, queryset=EventPage.objects.select_related("place", "organiser")
        )

    # Presentation ----------------------------------------------------------

    def _serve_listing(self, request, *, past: bool):
        form = EventFilterForm(request.GET or None)
        listing = filtered_listing(
            request,
            form=form,
            list_all=lambda: self.events(past=past),
            list_filtered=lambda valid: self.events(
                past=past, topic=valid.cleaned_data["thema"]
            ),
            per_page=EVENTS_PER_PAGE,
            prepare=self._localized,
        )
        base = url_for_request(self, request)
        response = self.render(
            request,
            context_overrides={
                "showing_past": past,
                "upcoming_url": base,
                "past_url": base + self.reverse_subpage("past"),
                "breadcrumb_trail": (
                    [(_("Vergangene Veranstaltungen"), request.path)] if past else []
                ),
                "form": form,
                "listing": listing,
                "filter_query": listing.query,
                "is_filtered": listing.is_filtered,
                "topics": EventTopic.choices,
                "calendar_links": calendars.subscription_links(
                    request, index=self, topics=EventTopic.choices
                ),
            },
        )
        response.status_code = listing.status
        return response


EVENTS_PER_PAGE = 10
CALENDAR_HISTORY = datetime.timedelta(days=365)
CALENDAR_MAX_EVENTS = 1000
