"""The demo site's legal and accessibility pages: Leichte Sprache, Impressum,
Datenschutzerklärung, Erklärung zur Barrierefreiheit and Deutsche
Gebärdensprache (linked from the header, the footer and the site settings).

The provider's address, the privacy details and the accessibility statement
are examples the city checks before going live (``contains_examples``).
"""

from __future__ import annotations

import datetime

from demo.blocks import heading, notice, office_contact, office_entry, paragraph
from demo.tree import PageSpec
from pages.models import AccessibilityStatementPage, ContentPage

LEGAL_PAGES = [
    PageSpec(
        model=ContentPage,
        slug="leichte-sprache",
        title="Leichte Sprache",
        fields={
            "intro": "Hier erklären wir in Leichter Sprache, was die Koordinierungsstelle macht.",
            "body": lambda: [
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
                    "<p>Sie können uns anrufen. Oder Sie schreiben uns eine E-Mail.</p>"
                ),
                # Name, phone and e-mail: from the directory, never typed.
                office_contact(),
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
            "body": lambda: [
                heading("Anbieterin"),
                paragraph(
                    "<p>Stadt Flensburg<br>"
                    "vertreten durch die Oberbürgermeisterin bzw. den Oberbürgermeister</p>"
                ),
                # Address, phone and e-mail: the directory's, never typed.
                office_entry(),
                heading("Verantwortlich für den Inhalt"),
                office_contact(),
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
                heading("E-Mail-Benachrichtigungen"),
                paragraph(
                    "<p>Wenn Sie sich für E-Mail-Benachrichtigungen anmelden, speichern wir "
                    "nur, was wir zum Versand brauchen: Ihre E-Mail-Adresse, die Themen, "
                    "denen Sie folgen, wie oft und in welcher Sprache Sie E-Mails erhalten "
                    "möchten, und wann Sie sich angemeldet und bestätigt haben. Rechtsgrundlage "
                    "ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie mit dem Link in "
                    "unserer ersten E-Mail bestätigen (Double-Opt-in). Vorher senden wir nichts "
                    "anderes; eine Anmeldung, die nicht innerhalb von 7 Tagen bestätigt wird, "
                    "löschen wir.</p>"
                ),
                paragraph(
                    "<p>Jede E-Mail enthält einen Link, mit dem Sie sich mit einem Klick "
                    "abmelden, und einen Link zu einer Seite, auf der Sie alle Ihre Themen "
                    "sehen, einzeln entfernen oder alles löschen können. Bei der Abmeldung "
                    "löschen wir Ihre Adresse und alle Themen sofort. Die Adresse geben wir "
                    "nicht weiter; die E-Mails verschickt unser eigener Mailserver. Die "
                    "Anmeldeseite setzt ein technisch notwendiges Cookie, das das Formular "
                    "vor Missbrauch schützt; um massenhafte Anmeldungen zu verhindern, zählen "
                    "wir Anmeldungen kurzzeitig je Internetanschluss und Adresse, nur als "
                    "nicht rückrechenbarer Prüfwert.</p>"
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
            # Whom to tell: the page shows the responsible person from the
            # directory (site settings), so nothing is typed here.
            "feedback_contact": "",
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
