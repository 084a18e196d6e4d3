import datetime

import factory
from factory.django import DjangoModelFactory

from contacts.models import (
    District,
    HelpCategory,
    Language,
    Need,
    OpeningHoursSlot,
    Organisation,
    OrganisationKind,
    Person,
    Place,
)


class LanguageFactory(DjangoModelFactory):
    code = factory.Sequence(lambda n: f"x{n}")
    name = factory.Sequence(lambda n: f"Sprache {n}")
    native_name = factory.LazyAttribute(lambda obj: obj.name)

    class Meta:
        model = Language
        django_get_or_create = ("code",)


class HelpCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.Sequence(lambda n: f"kategorie-{n}")

    class Meta:
        model = HelpCategory


class PlaceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ort {n}")
    street = "Holm 1"
    postcode = "24937"
    city = "Flensburg"
    district = District.ALTSTADT
    latitude = "54.783300"
    longitude = "9.436900"

    class Meta:
        model = Place


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n:03d}")
    kind = OrganisationKind.INITIATIVE
    description = "Hilft Geflüchteten."
    place = factory.SubFactory(PlaceFactory)

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    @factory.post_generation
    def slots(obj, create, extracted, **kwargs):
        obj.opening_hours = [
            OpeningHoursSlot(
                weekday=weekday,
                opens=datetime.time.fromisoformat(opens),
                closes=datetime.time.fromisoformat(closes),
            )
            for weekday, opens, closes in (extracted or [])
        ]
        if create:
            obj.save()

    @factory.post_generation
    def categories(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.categories.set(extracted)
            obj.save()

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.languages.set(extracted)
            obj.save()


class PersonFactory(DjangoModelFactory):
    given_name = "Katja"
    family_name = "Jüngling"
    role = "Koordinierungsstelle"
    organisation = factory.SubFactory(OrganisationFactory)
    phone = "0461 851653"
    email = "juengling.katja@flensburg.de"

    class Meta:
        model = Person


class NeedFactory(DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Bedarf {n}")
    needed_until = datetime.date(2030, 1, 1)

    class Meta:
        model = Need
