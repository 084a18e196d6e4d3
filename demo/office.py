"""The demo site's pages about the office: the coordination office itself and
its Check Up Integration (the page that shows the working papers of
``demo.checkup``).

Both tell the source page's facts; the office's address in the directory and
the 22 measure sheets are examples, so both pages set ``contains_examples``.
"""

from __future__ import annotations

from demo.blocks import heading, notice, office_contact, paragraph
from demo.contacts import OFFICE_NAME, office_organisation
from demo.tree import PageSpec
from integration_checkup.models import CheckUpPage
from pages.models import OfficePage

FIELDS_OF_ACTION = [
    "Arbeit",
    "Sprache",
    "Wohnen",
    "Teilhabe",
    "Engagement",
    "Akzeptanz",
    "Koordination",
]


OFFICE = PageSpec(
    model=OfficePage,
    slug="koordinierungsstelle",
    title=OFFICE_NAME,
    show_in_menus=True,
    fields={
        "menu_title": "Koordinierungsstelle",
        "organisation": office_organisation,
        # The office's address in the directory is an example.
        "contains_examples": True,
        "intro": (
            "Die Koordinierungsstelle bringt in Flensburg alle zusammen, die Geflüchtete "
            "aufnehmen, beraten und begleiten – von der Verwaltung bis zum Ehrenamt."
        ),
        "body": lambda: [
            heading("Warum es Koordinierungsstellen gibt"),
            paragraph(
                "<p>Für die Aufnahme von Flüchtlingen, die von Anfang an auf Integration "
                "ausgerichtet ist, sind die Kreise und kreisfreien Städte die wichtigsten "
                "Akteure vor Ort. Sie koordinieren, was in ihrer Region geschieht.</p>"
                "<p>Um diese Schlüsselrolle zu stärken, finanziert das Land Schleswig-Holstein "
                "seit dem <b>1. Juli 2015</b> als freiwillige Leistung die Einrichtung und den "
                "Betrieb von Koordinierungsstellen in allen Kreisen und kreisfreien Städten – "
                "so auch in Flensburg.</p>"
            ),
            heading("Unser Ziel"),
            paragraph(
                "<p>Wir bauen ein örtlich abgestimmtes Aufnahme- und Integrationsmanagement "
                "auf: Die vorhandenen Angebote sollen besser aufeinander abgestimmt und "
                "miteinander verzahnt werden; wo nötig, bauen wir sie weiter aus.</p>"
            ),
            heading("Mit wem wir zusammenarbeiten"),
            paragraph(
                "<p>Wir verbessern die Zusammenarbeit innerhalb der Stadtverwaltung, mit "
                "anderen Kommunen und mit dem <b>Landesamt für Ausländerangelegenheiten</b> "
                "in Grundsatzfragen der Aufnahme und der Steuerung von Integration.</p>"
                "<p>Außerdem stärken wir die Zusammenarbeit mit den Regeldiensten und dem "
                "Ehrenamt:</p>"
                "<ul>"
                "<li>Träger von Leistungen</li>"
                "<li>Arbeitsverwaltung (Agentur für Arbeit und Jobcenter)</li>"
                "<li>Wohlfahrtsverbände</li>"
                "<li>andere Nichtregierungsorganisationen</li>"
                "<li>Vereine und ehrenamtliche Initiativen</li>"
                "</ul>"
            ),
            heading("Ihre Ansprechpartnerin"),
            office_contact(),
        ],
    },
)

CHECK_UP = PageSpec(
    model=CheckUpPage,
    slug="check-up-integration",
    title="Check Up Integration",
    show_in_menus=True,
    fields={
        "intro": (
            "Was gibt es in Flensburg schon für die Integration Geflüchteter, und was fehlt "
            "noch? Der „Check Up Integration“ hat es untersucht und daraus 22 Maßnahmen "
            "entwickelt – zur Diskussion mit Ihnen."
        ),
        "body": lambda: [
            heading("Worum es geht"),
            paragraph(
                "<p>Der „Check Up Integration“ ist ein Prozess der Koordinierungsstelle für "
                "Flüchtlinge. Begleitet wird er von einem Beraterteam von "
                "<b>HÖHN CONSULTING</b>, das ehrenamtlich für die Stadt Flensburg tätig ist. "
                "Viele fachkundige Akteure aus der Stadt haben mitgearbeitet.</p>"
                "<p>In einem ersten Schritt wurde in einer <b>Statusanalyse</b> erfasst, welche "
                "Strukturen und Angebote es für die Integration Geflüchteter in Flensburg gibt, "
                "welche Bedarfe bestehen und wo Lücken sind. Im zweiten Schritt wurden daraus "
                "Handlungsmöglichkeiten abgeleitet und konkrete Maßnahmen entwickelt.</p>"
            ),
            heading("Sieben Handlungsfelder, sieben Fokusgruppen"),
            paragraph(
                "<p>Die Akteure haben in sieben Fokusgruppen gearbeitet, eine für jedes "
                "Handlungsfeld:</p><ul>"
                + "".join(f"<li>{name}</li>" for name in FIELDS_OF_ACTION)
                + "</ul><p>In den Fokusgruppen sind <b>22 Maßnahmensteckbriefe</b> "
                "entstanden.</p>"
            ),
            heading("Datengrundlage"),
            notice(
                "Stand der Statusanalysen",
                "<p>Die Statusanalysen beruhen auf Informationen und Erhebungen aus dem "
                "<b>4. Quartal 2016 (Q4/2016)</b> und dem <b>1. Quartal 2017 (Q1/2017)</b>.</p>",
            ),
            heading("Arbeitspapiere einsehen"),
            paragraph(
                "<p>Der aktuelle Stand der Statusanalysen und der Maßnahmensteckbriefe ist eine "
                "Diskussionsgrundlage. Damit der Prozess so transparent wie möglich ist, können "
                "Sie alle Arbeitspapiere einsehen und herunterladen – einzeln oder alle "
                "zusammen als ZIP-Datei.</p>"
            ),
            {"type": "checkup_timeline", "value": None},
            {"type": "checkup_progress", "value": None},
            heading("Fragen zum Check Up Integration?"),
            office_contact(),
        ],
        # The source names no measure: the 22 sheets are examples.
        "contains_examples": True,
    },
)
