"""The demo site's news: "Aktuelles" with three messages about the Check Up
Integration (working papers published, the 3rd forum, the committee).

The facts are the source page's; the dates of the messages are examples. The
first message links to the Check Up Integration page, which the page tree
builds before the news.
"""

from __future__ import annotations

import datetime
from typing import Any

from demo.blocks import office_contact, paragraph
from demo.office import FIELDS_OF_ACTION
from demo.tree import PageSpec
from integration_checkup.models import CheckUpPage
from news.models import NewsIndexPage, NewsPage


def _check_up_link() -> dict[str, Any]:
    """A paragraph linking to the Check Up Integration page (built when the
    news page is created, after the Check Up page)."""
    page = CheckUpPage.objects.filter(locale__language_code="de").first()
    text = "Statusanalysen und Maßnahmensteckbriefe, einzeln oder alle zusammen als ZIP-Datei"
    if page is None:
        return paragraph(f"<p>{text}: auf der Seite „Check Up Integration“.</p>")
    return paragraph(
        f'<p>{text}: <a linktype="page" id="{page.pk}">Check Up Integration</a>.</p>'
    )


NEWS = PageSpec(
    model=NewsIndexPage,
    slug="aktuelles",
    title="Aktuelles",
    show_in_menus=True,
    fields={
        "intro": (
            "Neuigkeiten der Koordinierungsstelle für Flüchtlinge. Neue Meldungen "
            "erhalten Sie auch als RSS- oder Atom-Feed."
        ),
    },
    children=[
        PageSpec(
            model=NewsPage,
            slug="arbeitspapiere-check-up-integration-veroeffentlicht",
            title="Arbeitspapiere des Check Up Integration zum Einsehen",
            fields={
                # The facts are the source's; the date of the message is an example.
                "contains_examples": True,
                "date": datetime.date(2017, 9, 15),
                "intro": (
                    "Der aktuelle Stand der Statusanalysen und der 22 "
                    "Maßnahmensteckbriefe liegt als Diskussionsgrundlage vor. Alle "
                    "Arbeitspapiere können eingesehen und heruntergeladen werden."
                ),
                "body": lambda: [
                    paragraph(
                        "<p>Die Statusanalysen beruhen auf Informationen und Erhebungen "
                        "aus dem 4. Quartal 2016 und dem 1. Quartal 2017. Erarbeitet "
                        "wurden sie in sieben Fokusgruppen zu den Handlungsfeldern "
                        + ", ".join(FIELDS_OF_ACTION)
                        + ".</p>"
                    ),
                    _check_up_link(),
                ],
            },
        ),
        PageSpec(
            model=NewsPage,
            slug="einladung-3-forum",
            title="Einladung zum 3. Forum „Flüchtlinge – unsere neuen Nachbarn“",
            fields={
                # The facts are the source's; the date of the message is an example.
                "contains_examples": True,
                "date": datetime.date(2017, 9, 25),
                "intro": (
                    "Am 9. Oktober 2017 stellt das 3. Forum erste Ergebnisse des "
                    "„Check Up Integration“ vor. In fünf Arbeitsgruppen diskutieren die "
                    "Teilnehmenden ausgewählte Maßnahmen."
                ),
                "body": lambda: [
                    paragraph(
                        "<p>Ihre Rückmeldungen verbessern die Maßnahmen. Fragen zum "
                        "„Check Up Integration“ beantwortet die Koordinierungsstelle.</p>"
                    ),
                    office_contact(),
                ],
            },
        ),
        PageSpec(
            model=NewsPage,
            slug="check-up-integration-im-ausschuss",
            title="Check Up Integration im Ausschuss für Bürgerservice, Schutz und Ordnung",
            fields={
                # The facts are the source's; the date of the message is an example.
                "contains_examples": True,
                "date": datetime.date(2017, 11, 1),
                "intro": (
                    "Im November 2017 werden die vorläufigen Ergebnisse im Ausschuss für "
                    "Bürgerservice, Schutz und Ordnung präsentiert, danach weiter "
                    "diskutiert und abgestimmt."
                ),
                "body": lambda: [
                    paragraph(
                        "<p>Fragen zum „Check Up Integration“ beantwortet die "
                        "Koordinierungsstelle.</p>"
                    ),
                    office_contact(),
                ],
            },
        ),
    ],
)
