"""One factory per page type (wagtail-factories on factory_boy).

Stream fields take raw block data, the same shape editors' content is stored in.
"""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage, EventTopic
from integration_checkup.models import CheckUpPage
from news.models import NewsIndexPage, NewsPage
from pages import models


class BasePageFactory(wagtail_factories.PageFactory):
    intro = factory.Faker("sentence", locale="de_DE")
    last_reviewed = datetime.date(2026, 11, 2)

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    title = "Flüchtlinge in Flensburg"

    class Meta:
        model = models.HomePage


class OfficePageFactory(BasePageFactory):
    title = "Koordinierungsstelle für Flüchtlinge"
    show_in_menus = True

    class Meta:
        model = models.OfficePage


class CheckUpPageFactory(BasePageFactory):
    title = "Check Up Integration"
    show_in_menus = True

    class Meta:
        model = CheckUpPage


class InfoIndexPageFactory(BasePageFactory):
    title = "Flüchtlinge in Flensburg"
    slug = "fluechtlinge-in-flensburg"
    show_in_menus = True

    class Meta:
        model = models.InfoIndexPage


class InfoPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Thema {n}")

    class Meta:
        model = models.InfoPage


class StateLinksPageFactory(BasePageFactory):
    title = "Informationsangebote des Landes"
    show_in_menus = True

    class Meta:
        model = models.StateLinksPage


class HelpPageFactory(BasePageFactory):
    title = "Wie kann geholfen werden?"
    show_in_menus = True

    class Meta:
        model = models.HelpPage


class ContentPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")

    class Meta:
        model = models.ContentPage


class AccessibilityStatementPageFactory(BasePageFactory):
    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    statement_date = datetime.date(2026, 11, 1)
    last_review = datetime.date(2026, 11, 20)
    complaints_office = "<p>Beschwerdestelle für barrierefreie Informationstechnik</p>"

    class Meta:
        model = models.AccessibilityStatementPage


class EventIndexPageFactory(BasePageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    topic = EventTopic.FORUM

    class Meta:
        model = EventPage


class NewsIndexPageFactory(BasePageFactory):
    title = "Aktuelles"
    slug = "aktuelles"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = datetime.date(2026, 11, 2)

    class Meta:
        model = NewsPage


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    office_name = "Koordinierungsstelle für Flüchtlinge"
    contact_note = "Termine nach Vereinbarung"

    class Meta:
        model = models.SiteSettings
