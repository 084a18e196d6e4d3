"""The demo site: the source page's facts, told in this project's own words.

Everything the source page does not give (statistics, addresses, external
offers, legal details, the example events) is example content: such pages
have ``contains_examples`` set, which shows readers one calm note per page,
and example things in lists carry "Beispiel" in their name. The office checks
and replaces them before the site goes live.
"""

from __future__ import annotations

import datetime
from typing import Any

from demo.blocks import (
    accordion,
    heading,
    link,
    notice,
    office_contact,
    paragraph,
)
from demo.contacts import office_organisation
from demo.events import EVENTS
from demo.tree import PageSpec
from integration_checkup.models import CheckUpPage
from pages.models import (
    AccessibilityStatementPage,
    ContentPage,
    HelpPage,
    HomePage,
    InfoIndexPage,
    InfoPage,
    NewsIndexPage,
    NewsPage,
    OfficePage,
    StateLinksPage,
)

OFFICE_NAME = "Koordinierungsstelle für Flüchtlinge"
CONTACT_NAME = "Katja Jüngling"
CONTACT_PHONE = "0461 85-1653"
CONTACT_EMAIL = "juengling.katja@flensburg.de"

FIELDS_OF_ACTION = [
    "Arbeit",
    "Sprache",
    "Wohnen",
    "Teilhabe",
    "Engagement",
    "Akzeptanz",
    "Koordination",
]

# The pages ----------------------------------------------------------------------

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

# Info topics whose text only describes what the office will put there.
EXAMPLE_TOPICS = {"lage-und-fakten", "zustaendigkeiten", "leistungen", "rechte"}

INFO_TOPICS = [
    (
        "lage-und-fakten",
        "Lage und Fakten",
        "Wie sich die Situation der Flüchtlinge in Flensburg entwickelt, in Zahlen und "
        "Hintergründen.",
        [
            paragraph(
                "<p>Hier stellt die Koordinierungsstelle regelmäßig dar, wie viele Menschen "
                "in Flensburg Schutz suchen, wo sie wohnen und wie sich die Lage entwickelt. "
                "Zahlen werden mit Quelle und Stichtag angegeben.</p>"
            ),
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

LEGAL_PAGES = [
    PageSpec(
        model=ContentPage,
        slug="leichte-sprache",
        title="Leichte Sprache",
        fields={
            "intro": "Hier erklären wir in Leichter Sprache, was die Koordinierungsstelle macht.",
            "body": [
                heading("Was ist die Koordinierungsstelle für Flüchtlinge?"),
                paragraph(
                    "<p>Die Koordinierungsstelle ist ein Büro der Stadt Flensburg.</p>"
                    "<p>Das Büro hilft bei einer wichtigen Aufgabe:</p>"
                    "<p>Menschen sind aus ihrem Land geflohen. "
                    "Sie sind jetzt in Flensburg. "
                    "Sie sollen hier gut leben können.</p>"
                    "<p>Viele Menschen und Stellen helfen dabei. "
                    "Das Büro sorgt dafür: Alle arbeiten gut zusammen.</p>"
                ),
                heading("Wer bezahlt das Büro?"),
                paragraph(
                    "<p>Das Land Schleswig-Holstein bezahlt das Büro. "
                    "Das Land macht das seit dem 1. Juli 2015.</p>"
                ),
                heading("Wie können Sie uns erreichen?"),
                paragraph(
                    "<p>Sie können Frau Jüngling anrufen. "
                    "Die Telefon-Nummer ist: 0461 85-1653.</p>"
                    "<p>Sie können auch eine E-Mail schreiben. "
                    "Die Adresse ist: juengling.katja@flensburg.de</p>"
                ),
            ],
        },
    ),
    PageSpec(
        model=ContentPage,
        slug="impressum",
        title="Impressum",
        fields={
            "intro": "Anbieterkennzeichnung nach § 5 Digitale-Dienste-Gesetz (DDG).",
            "contains_examples": True,
            "body": [
                heading("Anbieterin"),
                paragraph(
                    "<p>Stadt Flensburg<br>"
                    "vertreten durch die Oberbürgermeisterin bzw. den Oberbürgermeister<br>"
                    "Beispielstraße 1, 24937 Flensburg</p>"
                ),
                heading("Verantwortlich für den Inhalt"),
                paragraph(
                    f"<p>{OFFICE_NAME}<br>{CONTACT_NAME}<br>"
                    f"Telefon: {CONTACT_PHONE}<br>E-Mail: {CONTACT_EMAIL}</p>"
                ),
            ],
        },
    ),
    PageSpec(
        model=ContentPage,
        slug="datenschutz",
        title="Datenschutzerklärung",
        fields={
            "intro": (
                "Informationen nach Art. 13 DSGVO: welche Daten beim Besuch dieser Website "
                "verarbeitet werden und welche Rechte Sie haben."
            ),
            "contains_examples": True,
            "body": [
                heading("Keine Cookies, keine Tracker"),
                paragraph(
                    "<p>Diese Website setzt für Besucherinnen und Besucher keine Cookies, bindet "
                    "keine Inhalte fremder Anbieter ein und verwendet keine Analyse- oder "
                    "Trackingdienste. Schriften und Programmbibliotheken liegen auf unserem "
                    "eigenen Server.</p>"
                ),
                heading("Server-Protokolle"),
                paragraph(
                    "<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten "
                    "(z. B. IP-Adresse, Zeitpunkt, aufgerufene Adresse), um die Website "
                    "auszuliefern und ihre Sicherheit zu gewährleisten.</p>"
                ),
                heading("Ihre Rechte"),
                paragraph(
                    "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und "
                    "Einschränkung der Verarbeitung sowie ein Beschwerderecht bei der "
                    "Aufsichtsbehörde.</p>"
                ),
            ],
        },
    ),
    PageSpec(
        model=AccessibilityStatementPage,
        slug="barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        fields={
            "intro": (
                "Die Stadt Flensburg möchte diese Website für alle Menschen zugänglich machen, "
                "nach dem Landesbehindertengleichstellungsgesetz Schleswig-Holstein und der "
                "BITV 2.0."
            ),
            "conformance_status": "partial",
            "evaluation_method": (
                "Selbstbewertung der Koordinierungsstelle mit automatischen Prüfungen "
                "(axe-core) und Tests mit Tastatur und Bildschirmleser."
            ),
            "statement_date": datetime.date.today,
            "last_review": datetime.date.today,
            "barriers": [
                {
                    "type": "barrier",
                    "value": {
                        "title": "Arbeitspapiere des Check Up Integration (PDF)",
                        "description": (
                            "Einige Arbeitspapiere sind noch keine barrierefreien PDF-Dateien. "
                            "Bei jedem Download steht, ob das Dokument barrierefrei ist."
                        ),
                        "reason": "not_yet_fixed",
                        "alternative": (
                            "Die Koordinierungsstelle schickt Ihnen die Inhalte auf Wunsch in "
                            "einer zugänglichen Form."
                        ),
                        "planned_fix": "Barrierefreie Fassungen bis Ende 2027",
                    },
                },
                {
                    "type": "barrier",
                    "value": {
                        "title": "Video in Deutscher Gebärdensprache",
                        "description": "Das Video in Deutscher Gebärdensprache fehlt noch.",
                        "reason": "not_yet_fixed",
                        "alternative": "Die Seite in Leichter Sprache fasst die Inhalte zusammen.",
                        "planned_fix": "",
                    },
                },
            ],
            "feedback_contact": (
                f'<p>Koordinierungsstelle für Flüchtlinge, E-Mail: <a href="mailto:{CONTACT_EMAIL}">'
                f"{CONTACT_EMAIL}</a>, Telefon: {CONTACT_PHONE}</p>"
            ),
            "complaints_office": (
                "<p>Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können "
                "Sie sich an die <b>Beschwerdestelle für barrierefreie Informationstechnik</b> "
                "des Landes Schleswig-Holstein wenden. Ihre Kontaktdaten finden Sie im "
                "Landesportal schleswig-holstein.de.</p>"
            ),
            "contains_examples": True,
        },
    ),
    PageSpec(
        model=ContentPage,
        slug="gebaerdensprache",
        title="Deutsche Gebärdensprache",
        fields={
            "intro": "Informationen der Koordinierungsstelle in Deutscher Gebärdensprache (DGS).",
            "body": [
                notice(
                    "Video folgt",
                    "<p>Hier erscheint ein Video in Deutscher Gebärdensprache. Es erklärt, was "
                    "die Koordinierungsstelle für Flüchtlinge macht und wie Sie sie "
                    "erreichen.</p>",
                ),
            ],
        },
    ),
]


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
    children=[OFFICE, CHECK_UP, INFO, STATE_LINKS, HELP, EVENTS, NEWS, *LEGAL_PAGES],
    linked_fields={
        "easy_language_page": "leichte-sprache",
        "sign_language_page": "gebaerdensprache",
        "quick_links": [
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
    "address": "",
    "privacy_page": "datenschutz",
    "phone": CONTACT_PHONE,
    "email": CONTACT_EMAIL,
    "office": office_organisation,
    "contact_note": f"Ansprechpartnerin: {CONTACT_NAME}",
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
