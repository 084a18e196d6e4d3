"""The demo site's refugee information: "Flüchtlinge in Flensburg" and its
topic pages (facts, responsibilities, benefits, rights, addresses).

The source names the topics only: the text of four of them describes what the
office will put there, so those pages set ``contains_examples``.
"""

from __future__ import annotations

from demo.blocks import heading, office_contact, paragraph
from demo.figures import indicator_charts
from demo.tree import PageSpec
from pages.models import InfoIndexPage, InfoPage

# Info topics whose text only describes what the office will put there.
EXAMPLE_TOPICS = {"lage-und-fakten", "zustaendigkeiten", "leistungen", "rechte"}

INFO_TOPICS = [
    (
        "lage-und-fakten",
        "Lage und Fakten",
        "Wie sich die Situation der Flüchtlinge in Flensburg entwickelt, in Zahlen und "
        "Hintergründen.",
        lambda: [
            paragraph(
                "<p>Hier stellt die Koordinierungsstelle regelmäßig dar, wie viele Menschen "
                "in Flensburg Schutz suchen, wo sie wohnen und wie sich die Lage entwickelt. "
                "Zahlen werden mit Quelle und Stichtag angegeben.</p>"
            ),
            *indicator_charts(),
        ],
    ),
    (
        "zustaendigkeiten",
        "Zuständigkeiten",
        "Wer wofür zuständig ist: Land, Stadt, Arbeitsverwaltung und Beratungsstellen.",
        [
            paragraph(
                "<p>Für die Aufnahme Geflüchteter sind verschiedene Stellen zuständig. "
                "Grundsatzfragen der Aufnahme und Verteilung in Schleswig-Holstein liegen beim "
                "<b>Landesamt für Ausländerangelegenheiten</b>. Nach der Zuweisung an die Stadt "
                "kümmert sich die Stadt Flensburg um Unterbringung und Leistungen; für Arbeit "
                "und Ausbildung sind Agentur für Arbeit und Jobcenter Ansprechpartner.</p>"
            ),
        ],
    ),
    (
        "leistungen",
        "Leistungen",
        "Welche Leistungen Geflüchtete erhalten können und wo sie sie beantragen.",
        [
            paragraph(
                "<p>Welche Leistungen jemand erhält, hängt vom Aufenthaltsstatus ab. Diese Seite "
                "erklärt die wichtigsten Leistungsarten und nennt die zuständigen Stellen.</p>"
            ),
        ],
    ),
    (
        "rechte",
        "Rechte",
        "Rechte und Pflichten rund um Aufenthalt, Arbeit, Schule und Gesundheit.",
        [
            paragraph(
                "<p>Diese Seite fasst zusammen, welche Rechte Geflüchtete in Deutschland haben "
                "– etwa beim Zugang zu Arbeit, Sprachkursen, Schule und medizinischer "
                "Versorgung – und wo es unabhängige Beratung gibt.</p>"
            ),
        ],
    ),
    (
        "adressen-und-kontakte",
        "Adressen und Kontakte",
        "Wichtige Adressen, falls Sie Fragen haben, Hilfe brauchen oder Hilfe anbieten möchten.",
        lambda: [
            heading("Koordinierungsstelle für Flüchtlinge"),
            office_contact(),
            heading("Weitere Stellen"),
            paragraph(
                "<p>Beratungsstellen, Initiativen und Spendenstellen mit Anschrift, "
                "Öffnungszeiten und Sprachen finden Sie im Adressverzeichnis auf der Seite "
                "„Wie kann geholfen werden?“.</p>"
            ),
        ],
    ),
]

INFO = PageSpec(
    model=InfoIndexPage,
    slug="fluechtlinge-in-flensburg",
    title="Flüchtlinge in Flensburg",
    show_in_menus=True,
    fields={
        "intro": (
            "Wie entwickelt sich die Lage der Flüchtlinge in Flensburg? Hier finden Sie "
            "Fakten und Hintergründe zu Zuständigkeiten, Leistungen und Rechten sowie wichtige "
            "Adressen und Kontakte – wenn Sie Fragen haben, Hilfe brauchen oder Hilfe anbieten "
            "möchten."
        ),
    },
    children=[
        PageSpec(
            model=InfoPage,
            slug=slug,
            title=title,
            fields={
                "intro": intro,
                "body": body,
                "contains_examples": slug in EXAMPLE_TOPICS,
            },
        )
        for slug, title, intro, body in INFO_TOPICS
    ],
)
