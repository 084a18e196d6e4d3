"""What a value can be broken down by, and the values each breakdown knows.

The lists are fixed here (not edited in the admin) so that an import can
refuse a value it does not know ("Stadtteil „Nordstadtt“ gibt es nicht")
instead of starting a new series by a typing error. Each value has a key
(stored, stable across languages) and a German label (shown, translated
through the catalogue when shown: ``label``); an import accepts the key,
the German label or the label in the editor's language.
"""

from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from core.search_words import fold


class Dimension(models.TextChoices):
    NONE = "", _("keine (nur Gesamtwerte)")
    DISTRICT = "district", _("Stadtteil")
    AGE_GROUP = "age_group", _("Altersgruppe")
    STATUS_GROUP = "status_group", _("Aufenthaltsstatus")


# Flensburg's districts: proper names, the same in every language.
DISTRICTS = (
    ("altstadt", "Altstadt"),
    ("neustadt", "Neustadt"),
    ("nordstadt", "Nordstadt"),
    ("westliche-hoehe", "Westliche Höhe"),
    ("friesischer-berg", "Friesischer Berg"),
    ("weiche", "Weiche"),
    ("suedstadt", "Südstadt"),
    ("sandberg", "Sandberg"),
    ("juergensby", "Jürgensby"),
    ("fruerlund", "Fruerlund"),
    ("muerwik", "Mürwik"),
    ("engelsby", "Engelsby"),
    ("tarup", "Tarup"),
)

AGE_GROUPS = (
    ("0-5", gettext_noop("unter 6 Jahre")),
    ("6-17", gettext_noop("6 bis 17 Jahre")),
    ("18-26", gettext_noop("18 bis 26 Jahre")),
    ("27-64", gettext_noop("27 bis 64 Jahre")),
    ("65+", gettext_noop("65 Jahre und älter")),
)

STATUS_GROUPS = (
    ("asylum-seekers", gettext_noop("Asylsuchende (im Verfahren)")),
    ("recognised", gettext_noop("Anerkannte Geflüchtete")),
    ("tolerated", gettext_noop("Geduldete")),
    ("temporary-protection", gettext_noop("Vorübergehender Schutz")),
    ("other", gettext_noop("Sonstiger Status")),
)

BREAKDOWN_VALUES = {
    Dimension.DISTRICT: DISTRICTS,
    Dimension.AGE_GROUP: AGE_GROUPS,
    Dimension.STATUS_GROUP: STATUS_GROUPS,
}


def choices(dimension: str) -> tuple[tuple[str, str], ...]:
    return BREAKDOWN_VALUES.get(dimension, ())


def label(dimension: str, key: str) -> str:
    """The label of ``key`` in the active language; "" for the total."""
    if not key:
        return ""
    name = dict(choices(dimension)).get(key, key)
    # District names are proper names, kept as they are.
    return name if dimension == Dimension.DISTRICT else gettext(name)


def parse(dimension: str, text: str) -> str | None:
    """The key for ``text`` (a key or a German label, any case, "ue" for
    "ü"), "" for an empty cell or "Gesamt"; None if this breakdown has no such
    value."""
    text = text.strip()
    if not text or fold(text) in {fold("Gesamt"), fold("insgesamt")}:
        return ""
    wanted = fold(text)
    for key, name in choices(dimension):
        if wanted in {fold(key), fold(name), fold(label(dimension, key))}:
            return key
    return None
