"""``check_links``: find the links in the content and check them; run from
cron or the scheduler, never during a request."""

from django.core.management.base import BaseCommand, CommandError

from link_check.http_check import CheckOptions
from link_check.models import FoundLink
from link_check.services import (
    links_check_external,
    links_check_internal,
    links_collect,
)


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1
    if number < 0:
        raise CommandError(f"Keine Zahl ≥ 0: {value!r}")
    return number


class Command(BaseCommand):
    help = (
        "Sucht die Links in Seiten, Maßnahmensteckbriefen, im Verzeichnis und in "
        "den übrigen Inhalten und prüft sie: Links auf Seiten und Dokumente in "
        "der Datenbank, externe Adressen per HTTP (HEAD, sonst GET). Die defekten "
        "zeigt der Bericht „Defekte Links“ im Admin."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--nur-intern",
            action="store_true",
            dest="internal_only",
            help="Nur Links auf Seiten und Dokumente prüfen, keine externen Adressen.",
        )
        parser.add_argument(
            "--timeout",
            type=_positive,
            default=CheckOptions.timeout,
            help="Sekunden, die auf eine Antwort gewartet wird (Standard: 10).",
        )
        parser.add_argument(
            "--pause",
            type=_positive,
            default=CheckOptions.host_delay,
            dest="host_delay",
            help="Sekunden zwischen zwei Anfragen an denselben Server (Standard: 1).",
        )
        parser.add_argument(
            "--parallel",
            type=int,
            default=CheckOptions.workers,
            dest="workers",
            help="So viele Server werden gleichzeitig geprüft (Standard: 4).",
        )

    def handle(self, *args, internal_only, timeout, host_delay, workers, **options):
        if workers < 1:
            raise CommandError("--parallel braucht mindestens 1.")
        counts = links_collect()
        self.stdout.write(
            f"{counts['found']} Links gefunden ({counts['new']} neu, "
            f"{counts['gone']} nicht mehr vorhanden)."
        )
        internal = links_check_internal()
        self.stdout.write(f"{internal} Links auf Seiten und Dokumente geprüft.")
        if not internal_only:
            options = CheckOptions(
                timeout=timeout, host_delay=host_delay, workers=workers
            )
            external = links_check_external(options)
            self.stdout.write(f"{external} externe Adressen geprüft.")
        broken = FoundLink.objects.filter(ok=False).count()
        style = self.style.WARNING if broken else self.style.SUCCESS
        self.stdout.write(style(f"{broken} defekte Links."))
