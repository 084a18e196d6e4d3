"""The demo site: the source page's facts, told in this project's own words.

Everything the source page does not give (statistics, addresses, external
offers, legal details, the example events) is example content: such pages
have ``contains_examples`` set, which shows readers one calm note per page,
and example things in lists carry "Beispiel" in their name. The office checks
and replaces them before the site goes live.

The home page and the site settings are here; they tie together the
sections, each in its own module: ``office`` (the office and its Check Up
Integration), ``info`` (refugee information), ``help`` (the state's offers
and how to help), ``events``, ``news`` and ``legal`` (legal and accessibility
pages). ``load_initial_data`` loads ``HOME`` and ``SITE_SETTINGS``.
"""

from __future__ import annotations

from typing import Any

from demo.blocks import link
from demo.contacts import OFFICE_NAME, office_contact_person, office_organisation
from demo.events import EVENTS
from demo.help import HELP, STATE_LINKS
from demo.info import INFO
from demo.legal import LEGAL_PAGES
from demo.news import NEWS
from demo.office import CHECK_UP, OFFICE
from demo.responsibility import FINDER
from demo.tree import PageSpec
from pages.models import HomePage


def _teaser(page: str, title: str, text: str) -> dict[str, Any]:
    return {"type": "teaser", "value": {"page": page, "title": title, "text": text}}


HOME = PageSpec(
    model=HomePage,
    slug="home",
    title="Flüchtlinge in Flensburg",
    fields={
        "easy_language_summary": (
            "Hier finden Sie Informationen für Flüchtlinge in Flensburg. "
            "Und für alle, die helfen wollen. "
            "Die Koordinierungsstelle hilft Ihnen."
        ),
        "intro": (
            "Informationen der Koordinierungsstelle für Flüchtlinge der Stadt Flensburg: "
            "für geflüchtete Menschen, für alle, die helfen möchten, und für alle, die "
            "mitreden wollen."
        ),
    },
    children=[
        OFFICE,
        CHECK_UP,
        INFO,
        FINDER,
        STATE_LINKS,
        HELP,
        EVENTS,
        NEWS,
        *LEGAL_PAGES,
    ],
    linked_fields={
        "easy_language_page": "leichte-sprache",
        "sign_language_page": "gebaerdensprache",
        "quick_links": [
            {"type": "link", "value": link(page="wer-ist-zustaendig")},
            {
                "type": "link",
                "value": link(
                    page="koordinierungsstelle",
                    label="Kontakt zur Koordinierungsstelle",
                ),
            },
            {
                "type": "link",
                "value": link(
                    page="check-up-integration",
                    label="Check Up Integration: Arbeitspapiere",
                ),
            },
            {
                "type": "link",
                "value": link(
                    page="wie-kann-geholfen-werden", label="Helfen und spenden"
                ),
            },
            {
                "type": "link",
                "value": link(page="fluechtlinge-in-flensburg/adressen-und-kontakte"),
            },
            {
                "type": "link",
                "value": link(page="fluechtlinge-in-flensburg/leistungen"),
            },
            {
                "type": "link",
                "value": link(page="leichte-sprache", label="Leichte Sprache"),
            },
        ],
        "teasers": [
            _teaser(
                "koordinierungsstelle",
                OFFICE_NAME,
                "Seit dem 1. Juli 2015 finanziert das Land Schleswig-Holstein in allen Kreisen "
                "und kreisfreien Städten Koordinierungsstellen. In Flensburg stimmen wir "
                "Aufnahme und Integration zwischen Verwaltung, Land, Regeldiensten und Ehrenamt "
                "ab.",
            ),
            _teaser(
                "check-up-integration",
                "Check Up Integration",
                "Sieben Fokusgruppen haben Strukturen, Bedarfe und Lücken untersucht und 22 "
                "Maßnahmensteckbriefe erarbeitet. Sehen Sie die Arbeitspapiere ein und reden "
                "Sie mit.",
            ),
            _teaser(
                "fluechtlinge-in-flensburg",
                "Flüchtlinge in Flensburg",
                "Wie sich die Lage entwickelt, wer zuständig ist, welche Leistungen und Rechte "
                "es gibt – und wichtige Adressen und Kontakte.",
            ),
            _teaser(
                "informationsangebote-des-landes",
                "Informationsangebote des Landes",
                "Das Land Schleswig-Holstein bietet im Internet viele Informations- und "
                "Hilfsangebote. Hier finden Sie eine Auswahl.",
            ),
            _teaser(
                "wie-kann-geholfen-werden",
                "Wie kann geholfen werden?",
                "Viele Flensburgerinnen und Flensburger möchten helfen. Hier finden Sie "
                "Initiativen, Spendenstellen und Ansprechpartner, damit Ihre Hilfe ankommt.",
            ),
        ],
    },
)

SITE_SETTINGS = {
    "privacy_page": "datenschutz",
    # Phone, e-mail and address: from these directory entries, never typed.
    "office": office_organisation,
    "contact_person": office_contact_person,
    "footer_links": [
        {
            "type": "link",
            "value": link(page="leichte-sprache", label="Leichte Sprache"),
        },
        {
            "type": "link",
            "value": link(page="barrierefreiheit", label="Barrierefreiheit"),
        },
        {"type": "link", "value": link(page="impressum", label="Impressum")},
        {"type": "link", "value": link(page="datenschutz", label="Datenschutz")},
    ],
}
