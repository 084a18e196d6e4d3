"""Import events from an iCal calendar (URL or file) below an event index.

    manage.py import_events https://example.org/kalender.ics --index 12
    manage.py import_events kalender.ics --index /veranstaltungen/ --topic beratung --dry-run

The rules (update instead of duplicate, staff edits win, recurring events,
one transaction) are described in ``events/event_import.py``.
"""

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale, Page

from events.event_import import EventImportError, events_import
from events.models import EventIndexPage, EventTopic


def _index(value: str) -> EventIndexPage:
    """The event index by page id or by its URL path below the site root."""
    if value.isdigit():
        page = Page.objects.filter(pk=int(value)).first()
    else:
        path = "/" + value.strip("/") + "/"
        page = next(
            (
                candidate
                for candidate in EventIndexPage.objects.filter(
                    locale=Locale.get_default()
                )
                if candidate.url_path.endswith(path)
            ),
            None,
        )
    if page is None or not isinstance(page.specific, EventIndexPage):
        raise CommandError(
            f"„{value}“ ist keine Veranstaltungsübersicht. Bitte die Seiten-ID oder "
            "den Pfad (z. B. /veranstaltungen/) angeben."
        )
    return page.specific


class Command(BaseCommand):
    help = (
        "Übernimmt Veranstaltungen aus einem iCal-Kalender (URL oder Datei) in eine "
        "Veranstaltungsübersicht. Schon übernommene werden aktualisiert, von der "
        "Redaktion bearbeitete nicht angetastet, nichts wird gelöscht."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="https-Adresse oder Pfad der .ics-Datei")
        parser.add_argument(
            "--index",
            required=True,
            help="Seiten-ID oder Pfad der Veranstaltungsübersicht",
        )
        parser.add_argument(
            "--topic",
            choices=EventTopic.values,
            default=EventTopic.ENCOUNTER,
            help="Thema für Termine ohne passende Kategorie (Standard: begegnung)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Nur anzeigen, was geschähe; nichts speichern.",
        )

    def handle(self, *args, source, index, topic, dry_run, **options):
        try:
            report = events_import(
                source=source,
                index=_index(index),
                default_topic=topic,
                dry_run=dry_run,
            )
        except EventImportError as error:
            raise CommandError(str(error)) from error
        for title, entries in (
            ("neu", report.created),
            ("aktualisiert", report.updated),
            ("übersprungen", report.skipped),
        ):
            for entry in entries:
                self.stdout.write(f"  {title}: {entry}")
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(warning))
        prefix = "Probelauf (nichts gespeichert): " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{len(report.created)} neu, {len(report.updated)} aktualisiert, "
                f"{len(report.unchanged)} unverändert, {len(report.skipped)} übersprungen."
            )
        )
