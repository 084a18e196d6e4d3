"""Demo content of the Check Up Integration.

From the source page: the seven fields of action, the data basis Q4/2016 and
Q1/2017, the 22 measure sheets, the forum on 9 October 2017 and the committee
in November 2017. The source gives neither the titles of the measures nor
their later course: those are examples, each sheet's title starts with
"Beispiel:" (its other texts don't repeat it), and every working paper is a
placeholder PDF that says so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from core.bootstrap import ensure_default_locale, root_collection
from demo.placeholders import WorkingPaper, placeholder_pdf
from integration_checkup.models import (
    FieldOfAction,
    MeasureSheet,
    MeasureSheetVersion,
    MeasureStatus,
    MeasureStatusChange,
    ProcessStep,
    StatusAnalysis,
)
from integration_checkup.services import measure_status_sync

DATA_PERIOD = "Q4/2016 und Q1/2017"

FIELDS = [
    (
        "Arbeit",
        "Zugang zu Ausbildung und Arbeit, Anerkennung von Abschlüssen, Begleitung in "
        "Betriebe.",
        "Beispiel: Jobcenter, Agentur für Arbeit, Kammern, Bildungsträger und "
        "Beratungsstellen.",
    ),
    (
        "Sprache",
        "Deutsch lernen vom ersten Tag an: Sprachkurse, Sprachcafés, Kinderbetreuung "
        "während der Kurse.",
        "Beispiel: Volkshochschule, Sprachkursträger, Schulen und ehrenamtliche "
        "Sprachpaten.",
    ),
    (
        "Wohnen",
        "Vom Übergangswohnheim in die eigene Wohnung: Wohnraum, Begleitung und "
        "Nachbarschaft.",
        "Beispiel: Wohnungswirtschaft, Wohnungslosenhilfe, Mietervereine und Stadtteilbüros.",
    ),
    (
        "Teilhabe",
        "Dabei sein in Sport, Kultur, Freizeit und Mobilität.",
        "Beispiel: Sportvereine, Kultureinrichtungen, Jugendarbeit und Familienzentren.",
    ),
    (
        "Engagement",
        "Ehrenamt gewinnen, qualifizieren, begleiten und anerkennen.",
        "Beispiel: Flüchtlingsinitiativen, Freiwilligenagentur, Kirchengemeinden und "
        "Wohlfahrtsverbände.",
    ),
    (
        "Akzeptanz",
        "Begegnung ermöglichen, informieren, Vorurteilen begegnen.",
        "Beispiel: Stadtteilvereine, Schulen, Migrantenorganisationen und Presse.",
    ),
    (
        "Koordination",
        "Zusammenarbeit der Akteure in Flensburg und mit dem Land abstimmen.",
        "Beispiel: Koordinierungsstelle für Flüchtlinge, Fachbereiche der Stadt, "
        "Landesamt für Ausländerangelegenheiten und freie Träger.",
    ),
]

# (number, title, field index, final status)
MEASURES = [
    (1, "Lotsenstelle Arbeitsmarkt für Geflüchtete", 0, MeasureStatus.IN_PROGRESS),
    (2, "Praktikumsbörse mit Flensburger Betrieben", 0, MeasureStatus.ADOPTED),
    (
        3,
        "Anerkennung ausländischer Abschlüsse beschleunigen",
        0,
        MeasureStatus.COMMITTEE,
    ),
    (4, "Sprachcafés in allen Stadtteilen", 1, MeasureStatus.DONE),
    (5, "Kinderbetreuung während der Sprachkurse", 1, MeasureStatus.IN_PROGRESS),
    (6, "Übersicht aller Sprachkursangebote", 1, MeasureStatus.FORUM),
    (7, "Wohnungsbörse für anerkannte Geflüchtete", 2, MeasureStatus.ADOPTED),
    (
        8,
        "Mietführerschein für die erste eigene Wohnung",
        2,
        MeasureStatus.DEFERRED,
    ),
    (9, "Ansprechstelle für Vermieterinnen und Vermieter", 2, MeasureStatus.DRAFT),
    (10, "Vereinsmitgliedschaft im ersten Jahr kostenfrei", 3, MeasureStatus.COMMITTEE),
    (11, "Kulturpatenschaften", 3, MeasureStatus.FORUM),
    (12, "Fahrradwerkstatt für mehr Mobilität", 3, MeasureStatus.DONE),
    (13, "Qualifizierung für Ehrenamtliche", 4, MeasureStatus.IN_PROGRESS),
    (14, "Ehrenamtsbörse im Internet", 4, MeasureStatus.ADOPTED),
    (15, "Anerkennungskultur für Helferinnen und Helfer", 4, MeasureStatus.DRAFT),
    (16, "Begegnungsfeste in der Nachbarschaft", 5, MeasureStatus.DONE),
    (17, "Informationsabende in den Stadtteilen", 5, MeasureStatus.FORUM),
    (18, "Schulprojekte „Neue Nachbarn“", 5, MeasureStatus.DEFERRED),
    (19, "Gemeinsame Datenbasis der Akteure", 6, MeasureStatus.COMMITTEE),
    (20, "Runder Tisch Integration", 6, MeasureStatus.IN_PROGRESS),
    (21, "Mehrsprachige Wegweiser-Broschüre", 6, MeasureStatus.ADOPTED),
    (22, "Fortschreibung des Check Up Integration", 6, MeasureStatus.DRAFT),
]

# The usual course of a measure, with example dates (the sheets are examples);
# the forum date is the source's. "Zurückgestellt" branches off after the committee.
COURSE = [
    (MeasureStatus.DRAFT, datetime.date(2017, 9, 1), "In der Fokusgruppe erarbeitet."),
    (
        MeasureStatus.FORUM,
        datetime.date(2017, 10, 9),
        "Beim 3. Forum „Flüchtlinge – unsere neuen Nachbarn“ diskutiert.",
    ),
    (
        MeasureStatus.COMMITTEE,
        datetime.date(2017, 11, 1),
        "Im Ausschuss für Bürgerservice, Schutz und Ordnung vorgestellt "
        "(November 2017).",
    ),
    (MeasureStatus.ADOPTED, datetime.date(2018, 2, 1), "Beschlossen."),
    (
        MeasureStatus.IN_PROGRESS,
        datetime.date(2018, 6, 1),
        "Umsetzung begonnen.",
    ),
    (
        MeasureStatus.DONE,
        datetime.date(2019, 3, 1),
        "Umsetzung abgeschlossen.",
    ),
]
DEFERRED_STEP = (
    MeasureStatus.DEFERRED,
    datetime.date(2018, 2, 1),
    "Zurückgestellt, bis Mittel bereitstehen.",
)

PROCESS = [
    (
        datetime.date(2016, 10, 1),
        DATA_PERIOD,
        "Statusanalyse",
        "In sieben Fokusgruppen erfassen fachkundige Akteure die Strukturen und Angebote "
        "sowie Bedarfe und Lücken der Integration Geflüchteter in Flensburg.",
    ),
    (
        datetime.date(2017, 9, 1),
        "2017",
        "22 Maßnahmensteckbriefe",
        "Aus der Statusanalyse leiten die Fokusgruppen Handlungsmöglichkeiten ab und "
        "entwickeln konkrete Maßnahmen.",
    ),
    (
        datetime.date(2017, 10, 9),
        "",
        "3. Forum „Flüchtlinge – unsere neuen Nachbarn“",
        "Erste Ergebnisse werden vorgestellt. Ausgewählte Maßnahmen werden in fünf "
        "Arbeitsgruppen mit den Teilnehmenden diskutiert und durch ihre Rückmeldungen "
        "verbessert.",
    ),
    (
        datetime.date(2017, 11, 1),
        "November 2017",
        "Ausschuss für Bürgerservice, Schutz und Ordnung",
        "Das Arbeitspapier mit den vorläufigen Ergebnissen wird im Ausschuss vorgestellt "
        "und danach weiter diskutiert und abgestimmt.",
    ),
    (
        datetime.date(2018, 1, 1),
        "danach",
        "Beschlüsse und Umsetzung",
        "Wie es mit jeder Maßnahme weitergeht, steht in ihrem Steckbrief – mit "
        "datiertem Statusverlauf.",
    ),
]


@dataclass
class CheckUpReport:
    created: list[str] = field(default_factory=list)


def _course_to(final: str) -> list[tuple[str, datetime.date, str]]:
    if final == MeasureStatus.DEFERRED:
        return [*COURSE[:3], DEFERRED_STEP]
    order = [step[0] for step in COURSE]
    return COURSE[: order.index(final) + 1]


# The day the working papers were published (the demo's news says so).
PAPERS_PUBLISHED = datetime.date(2017, 9, 15)
# Later versions of some working papers: number -> (date, what is new), so
# that the demo shows a sheet with an earlier version in its history.
LATER_VERSIONS = {
    7: [
        (
            datetime.date(2018, 3, 1),
            "Beispiel: nach dem Beschluss überarbeitet, mit Ansprechstellen "
            "der Wohnungswirtschaft.",
        )
    ],
}


def analysis_paper(field_name: str) -> WorkingPaper:
    """The placeholder PDF of a field of action's status analysis."""
    return WorkingPaper(
        filename=f"statusanalyse-{slugify(field_name)}.pdf",
        title=f"Statusanalyse {field_name} (Platzhalter)",
        lines=(f"Handlungsfeld: {field_name}", f"Datengrundlage: {DATA_PERIOD}"),
    )


def measure_paper(
    number: int, title: str, field_name: str, version: int = 1
) -> WorkingPaper:
    """The placeholder PDF of a version of a measure sheet's working paper."""
    full_title = f"Beispiel: {title}"
    if version == 1:
        return WorkingPaper(
            filename=f"massnahme-{number:02d}.pdf",
            title=f"Maßnahmensteckbrief {number}: {full_title} (Platzhalter)",
            lines=(f"Nr. {number}: {full_title}", f"Handlungsfeld: {field_name}"),
        )
    return WorkingPaper(
        filename=f"massnahme-{number:02d}-fassung-{version}.pdf",
        title=(
            f"Maßnahmensteckbrief {number}: {full_title}, Fassung {version} "
            "(Platzhalter)"
        ),
        lines=(
            f"Nr. {number}: {full_title}",
            f"Fassung {version}",
            f"Handlungsfeld: {field_name}",
        ),
    )


def measure_papers(number: int, title: str, field_name: str) -> list:
    """(version, date, note, placeholder PDF) of each version of a sheet's paper."""
    versions = [(PAPERS_PUBLISHED, "")] + LATER_VERSIONS.get(number, [])
    return [
        (version, date, note, measure_paper(number, title, field_name, version))
        for version, (date, note) in enumerate(versions, start=1)
    ]


def working_papers() -> list[WorkingPaper]:
    """Every placeholder PDF the demo attaches, in the order it loads them
    (``scripts/demo_placeholder_pdfs.py`` writes them from this list)."""
    names = [name for name, _, _ in FIELDS]
    return [analysis_paper(name) for name in names] + [
        paper
        for number, title, field_index, _ in MEASURES
        for *_, paper in measure_papers(number, title, names[field_index])
    ]


def _placeholder_document(paper: WorkingPaper):
    document_model = get_document_model()
    content = ContentFile(placeholder_pdf(paper), name=paper.filename)
    document = document_model(
        title=paper.title,
        accessible=False,
        file_size=content.size,
        file_hash=hash_filelike(content),
    )
    document.file.save(paper.filename, content, save=False)
    document.save()
    return document


def _ensure_fields(report: CheckUpReport) -> list[FieldOfAction]:
    fields = []
    for position, (name, description, focus_group) in enumerate(FIELDS, start=1):
        field_of_action = FieldOfAction.objects.filter(slug=slugify(name)).first()
        if field_of_action is None:
            field_of_action = FieldOfAction.objects.create(
                name=name,
                slug=slugify(name),
                sort_order=position,
                description=description,
                focus_group=focus_group,
            )
            report.created.append(f"Handlungsfeld {name}")
        fields.append(field_of_action)
    return fields


def _ensure_analyses(fields: list[FieldOfAction], report: CheckUpReport) -> None:
    for (name, _, _), field_of_action in zip(FIELDS, fields, strict=True):
        if StatusAnalysis.objects.filter(field_of_action=field_of_action).exists():
            continue
        title = f"Statusanalyse {field_of_action.name}"
        StatusAnalysis.objects.create(
            field_of_action=field_of_action,
            title=title,
            data_period=DATA_PERIOD,
            summary=(
                "Welche Strukturen und Angebote gibt es, welche Bedarfe bestehen, wo sind "
                f"Lücken? Die Statusanalyse des Handlungsfelds {field_of_action.name} "
                f"beruht auf Informationen und Erhebungen aus {DATA_PERIOD}."
            ),
            document=_placeholder_document(analysis_paper(name)),
        )
        report.created.append(title)


def _ensure_measures(fields: list[FieldOfAction], report: CheckUpReport) -> None:
    existing = set(MeasureSheet.objects.values_list("number", flat=True))
    for number, title, field_index, final_status in MEASURES:
        if number in existing:
            continue
        field_of_action = fields[field_index]
        full_title = f"Beispiel: {title}"
        sheet = MeasureSheet(
            number=number,
            title=full_title,
            field_of_action=field_of_action,
            summary=(
                "Dieser Beispiel-Steckbrief zeigt, wie eine Maßnahme im Handlungsfeld "
                f"{field_of_action.name} beschrieben wird: Ziele, Zuständigkeit, "
                "Beteiligte und der bisherige Verlauf."
            ),
            goals="<ul><li>Angebote bekannter machen</li>"
            "<li>Zugänge erleichtern</li></ul>",
            responsible_body="Koordinierungsstelle für Flüchtlinge",
            partners=f"Fokusgruppe {field_of_action.name}",
        )
        sheet.paper_versions = [
            MeasureSheetVersion(
                number=version,
                valid_from=date,
                note=note,
                document=_placeholder_document(paper),
            )
            for version, date, note, paper in measure_papers(
                number, title, FIELDS[field_index][0]
            )
        ]
        sheet.status_changes = [
            MeasureStatusChange(date=date, status=status, note=note)
            for status, date, note in _course_to(final_status)
        ]
        measure_status_sync(measure=sheet)
        sheet.save()
        sheet.save_revision().publish()
        report.created.append(f"Maßnahme {number}")


def _ensure_process(report: CheckUpReport) -> None:
    if ProcessStep.objects.exists():
        return
    for position, (date, label, title, description) in enumerate(PROCESS):
        ProcessStep.objects.create(
            sort_order=position,
            date=date,
            date_label=label,
            title=title,
            description=description,
        )
    report.created.append("Zeitleiste")


@transaction.atomic
def checkup_demo_load() -> CheckUpReport:
    """Add what is missing; never change what exists (editors' work stays)."""
    report = CheckUpReport()
    ensure_default_locale()
    root_collection()
    fields = _ensure_fields(report)
    _ensure_analyses(fields, report)
    _ensure_measures(fields, report)
    _ensure_process(report)
    return report
