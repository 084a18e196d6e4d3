"""Who helps whom, where and when: the directory that pages reuse."""

from .needs import Need
from .organisations import OpeningHoursSlot, Organisation, OrganisationKind
from .people import Person
from .places import District, Place
from .taxonomy import HelpCategory, Language

__all__ = [
    "District",
    "HelpCategory",
    "Language",
    "Need",
    "OpeningHoursSlot",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Place",
]
