"""Example visitor submissions waiting for moderation, so that the admin's
start-page panels, the counts in the menu and the bulk actions show at work
on any day the demo is loaded. Marked "Beispiel" and without names or
addresses: no visitor's data. Added once; never changed afterwards."""

from __future__ import annotations

from core.translations import default_locale
from integration_checkup.models import Feedback, MeasureSheet
from pages.models import BarrierReport

FEEDBACK = [
    (
        7,
        "Beispiel-Rückmeldung: Gibt es die Wohnungsbörse auch auf Arabisch? "
        "Viele in unserer Unterkunft lesen kein Deutsch.",
    ),
    (
        7,
        "Beispiel-Rückmeldung: Bitte auch private Vermieterinnen und Vermieter "
        "direkt ansprechen, nicht nur die Wohnungsgesellschaften.",
    ),
]
BARRIER_REPORT = (
    "/veranstaltungen/",
    "Beispiel-Meldung: Der Kalender lässt sich mit der Tastatur nicht durchblättern.",
)


def moderation_demo_load() -> int:
    """Add the examples that are missing; how many were added."""
    added = 0
    for number, text in FEEDBACK:
        measure = MeasureSheet.objects.filter(
            number=number, live=True, locale=default_locale()
        ).first()
        if measure is None or Feedback.objects.filter(text=text).exists():
            continue
        Feedback.objects.create(measure=measure, text=text, consent=True)
        added += 1
    page_url, description = BARRIER_REPORT
    if not BarrierReport.objects.filter(description=description).exists():
        BarrierReport.objects.create(
            page_url=page_url, description=description, consent=True
        )
        added += 1
    return added
