"""What a visitor can follow, with German labels, and which (topic, target)
pairs are valid.

A choice's form value is ``<topic>:<target>``: ``sheet:7`` (a measure sheet
by number), ``field:arbeit`` (a field of action by slug), ``papers:`` (all
working papers), ``news:`` (Aktuelles), ``events:forum`` (an event topic, the
keys of ``events.forms.EventTopic``, the same as ``?thema=`` on the event
lists). The sheets and fields are read from the database: two queries for the
German originals, one more each for their translations on other languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.translations import localize_objects
from events.forms import EventTopic
from integration_checkup.models import FieldOfAction, MeasureSheet
from integration_checkup.selectors import field_list, measure_list

from .models import Topic


@dataclass(frozen=True)
class Choice:
    topic: str
    target: str
    label: str
    obj: object = None  # the sheet or field it names, for its language

    @property
    def value(self) -> str:
        return f"{self.topic}:{self.target}"


@dataclass
class Group:
    key: str
    legend: str
    choices: list[Choice] = field(default_factory=list)


def parse_value(value: str) -> tuple[str, str] | None:
    topic, sep, target = (value or "").partition(":")
    if not sep or topic not in Topic.values:
        return None
    return topic, target


def _sheets() -> list:
    return localize_objects(
        measure_list(), queryset=MeasureSheet.objects.select_related("field_of_action")
    )


def _fields() -> list:
    return localize_objects(field_list(), queryset=FieldOfAction.objects.all())


def sheet_label(number, title: str) -> str:
    return f"{number}. {title}"


def topic_groups() -> list[Group]:
    """Every choice, grouped as the form shows them (in the active language)."""
    return [
        Group(
            "papers",
            _("Arbeitspapiere"),
            [
                Choice(
                    Topic.ALL_PAPERS,
                    "",
                    _(
                        "Alle Arbeitspapiere (Bestandsanalysen und Maßnahmensteckbriefe)"
                    ),
                )
            ],
        ),
        Group(
            "field",
            _("Handlungsfelder"),
            [Choice(Topic.FIELD_OF_ACTION, f.slug, f.name, f) for f in _fields()],
        ),
        Group(
            "sheet",
            _("Maßnahmensteckbriefe"),
            [
                Choice(
                    Topic.MEASURE_SHEET,
                    str(s.number),
                    sheet_label(s.number, s.title),
                    s,
                )
                for s in _sheets()
            ],
        ),
        Group("news", _("Aktuelles"), [Choice(Topic.NEWS, "", _("Aktuelles"))]),
        Group(
            "events",
            _("Veranstaltungen nach Thema"),
            [
                Choice(Topic.EVENT_TOPIC, key, label)
                for key, label in EventTopic.choices
            ],
        ),
    ]


def preselected(groups: list[Group], topic: str, target: str) -> list[str]:
    """The values ``?thema=…&auswahl=…`` points at: one choice, or every
    choice of a group when ``auswahl`` is empty (``?thema=events``)."""
    for group in groups:
        if group.key != topic:
            continue
        values = [c.value for c in group.choices]
        if not target:
            return values
        return [c.value for c in group.choices if c.target == target]
    return []


# The site's words for the kinds (the model's choice labels are the admin's).
KIND_LABELS = {
    Topic.MEASURE_SHEET: _("Maßnahmensteckbrief"),
    Topic.FIELD_OF_ACTION: _("Handlungsfeld"),
    Topic.ALL_PAPERS: _("Alle Arbeitspapiere"),
    Topic.NEWS: _("Aktuelles"),
    Topic.EVENT_TOPIC: _("Veranstaltungen"),
}


def labels(pairs) -> dict[tuple[str, str], str]:
    """The label of each (topic, target) in the active language; a sheet or
    field that no longer exists keeps its number or key (fixed queries)."""
    names = {}
    pairs = list(pairs)
    if any(topic == Topic.MEASURE_SHEET for topic, _target in pairs):
        names.update(
            {
                (Topic.MEASURE_SHEET, str(s.number)): sheet_label(s.number, s.title)
                for s in _sheets()
            }
        )
    if any(topic == Topic.FIELD_OF_ACTION for topic, _target in pairs):
        names.update({(Topic.FIELD_OF_ACTION, f.slug): f.name for f in _fields()})
    events = dict(EventTopic.choices)
    result = {}
    for topic, target in pairs:
        kind = KIND_LABELS.get(topic, topic)
        if (topic, target) in names:
            result[topic, target] = f"{kind}: {names[topic, target]}"
        elif topic == Topic.EVENT_TOPIC and target in events:
            result[topic, target] = f"{kind}: {events[target]}"
        elif topic in (Topic.ALL_PAPERS, Topic.NEWS):
            result[topic, target] = str(kind)
        else:
            result[topic, target] = f"{kind} {target}".strip()
    return result


def topic_label(topic: str, target: str) -> str:
    return labels([(topic, target)])[topic, target]
