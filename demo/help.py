"""The demo site's pages for helpers: the state's information offers (a list
of external links) and "Wie kann geholfen werden?" with the person groups
the site calls "Flüchtlinge".

The external offers are examples ("Beispiel:" in their descriptions); both
pages set ``contains_examples``.
"""

from __future__ import annotations

from demo.blocks import accordion, heading, office_contact, paragraph
from demo.tree import PageSpec
from pages.models import HelpPage, StateLinksPage

STATE_LINKS = PageSpec(
    model=StateLinksPage,
    slug="informationsangebote-des-landes",
    title="Informationsangebote des Landes Schleswig-Holstein",
    show_in_menus=True,
    fields={
        "menu_title": "Angebote des Landes",
        "intro": (
            "Das Land Schleswig-Holstein bietet im Internet verschiedene Informations- und "
            "Hilfsangebote für Flüchtlinge und für alle, die helfen. Hier finden Sie eine "
            "Auswahl."
        ),
        "links": [
            {
                "type": "link",
                "value": {
                    "title": "Landesportal Schleswig-Holstein",
                    "url": "https://www.schleswig-holstein.de/",
                    "provider": "Land Schleswig-Holstein",
                    "description": (
                        "Beispiel: Das Portal der Landesregierung mit Informationen zu "
                        "Zuwanderung, Aufnahme und Integration."
                    ),
                    "languages": "Deutsch",
                },
            },
            {
                "type": "link",
                "value": {
                    "title": "Bundesamt für Migration und Flüchtlinge",
                    "url": "https://www.bamf.de/",
                    "provider": "Bund",
                    "description": (
                        "Beispiel: Informationen zum Asylverfahren, zu Integrationskursen und "
                        "zur Anerkennung, in mehreren Sprachen."
                    ),
                    "languages": "Deutsch, Englisch und weitere",
                },
            },
        ],
        "contains_examples": True,
    },
)

PERSON_GROUPS = [
    (
        "Transitreisende",
        "<p>Menschen, die auf der Durchreise in ein anderes Land – etwa nach Skandinavien – "
        "in Flensburg Station machen.</p>",
    ),
    (
        "Asylbewerber",
        "<p>Menschen, die in Deutschland Asyl beantragt haben und deren Verfahren noch nicht "
        "abgeschlossen ist.</p>",
    ),
    (
        "Asylberechtigte",
        "<p>Menschen, deren Asylantrag anerkannt wurde und die Schutz in Deutschland "
        "erhalten.</p>",
    ),
    (
        "Geduldete",
        "<p>Menschen, die Deutschland eigentlich verlassen müssten, deren Abschiebung aber "
        "vorübergehend ausgesetzt ist (Duldung).</p>",
    ),
]

HELP = PageSpec(
    model=HelpPage,
    slug="wie-kann-geholfen-werden",
    title="Wie kann geholfen werden?",
    show_in_menus=True,
    fields={
        "menu_title": "Helfen",
        "intro": (
            "Viele Flensburgerinnen und Flensburger fragen, wie sie sich für Flüchtlinge "
            "engagieren können. Hier finden Sie Ansprechpartner und Adressen, damit Ihre Hilfe "
            "dort ankommt, wo sie gebraucht wird."
        ),
        "body": lambda: [
            paragraph(
                "<p>Zahlreiche ehrenamtliche Initiativen unterstützen geflüchtete Menschen in "
                "Flensburg. Ob Spenden oder helfende Hände: Damit Ihre Hilfe wirklich sinnvoll "
                "ist, sprechen Sie am besten mit den Stellen, die wir unten nennen. "
                "Vielen Dank für Ihre Unterstützung!</p>"
            ),
            heading("Wer mit „Flüchtlinge“ gemeint ist"),
            paragraph(
                "<p>In Flensburg leben und halten sich zurzeit Transitreisende, Asylbewerber, "
                "Asylberechtigte und Geduldete auf. Der Einfachheit halber nennen wir auf dieser "
                "Website alle diese Personengruppen „Flüchtlinge“.</p>"
            ),
            accordion("Die Personengruppen im Einzelnen", PERSON_GROUPS),
            heading("So können Sie helfen"),
            paragraph(
                "<ul><li>Sachspenden an die Spendenstellen geben</li>"
                "<li>mit Geld Projekte der Initiativen unterstützen</li>"
                "<li>ehrenamtlich mitarbeiten, zum Beispiel in Sprachcafés oder als Pate</li></ul>"
            ),
            heading("Ansprechpartnerin"),
            office_contact(),
        ],
        "contains_examples": True,
    },
)
