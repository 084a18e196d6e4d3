"""Every page type and every translatable snippet translates into every
language, through wagtail-localize's own admin views, also when it holds a
phone number (a ``PhoneNumber``, no text wagtail-localize could extract).

The types are discovered: a new page type or translatable snippet is covered
as soon as it exists, and fails here until tests can build one (a factory).
"""

from __future__ import annotations

import inspect

from django.apps import apps
from django.urls import reverse

from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

import factory
import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.bootstrap import content_locales
from pages.models import HomePage
from tests import factories as page_factories
from tests.contacts import factories as contact_factories
from tests.contacts.factories import OrganisationFactory, PersonFactory
from tests.figures import factories as figures_factories
from tests.integration_checkup import factories as checkup_factories
from tests.responsibility import factories as responsibility_factories

pytestmark = pytest.mark.django_db

PHONE = "0461 851653"


def _factories() -> dict:
    """model -> factory, from the tests' factory modules."""
    found = {}
    for module in (
        page_factories,
        contact_factories,
        checkup_factories,
        figures_factories,
        responsibility_factories,
    ):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, factory.django.DjangoModelFactory):
                model = cls._meta.model
                if model is not None and not cls._meta.abstract:
                    found.setdefault(model, cls)
    return found


FACTORIES = _factories()
PAGE_MODELS = sorted(
    (
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page
    ),
    key=lambda model: model._meta.label,
)
SNIPPET_MODELS = sorted(
    (model for model in get_snippet_models() if issubclass(model, TranslatableMixin)),
    key=lambda model: model._meta.label,
)
# One type per app is also translated (a string) and published.
PUBLISHED = {
    "pages.OfficePage",
    "integration_checkup.CheckUpPage",
    "events.EventPage",
    "news.NewsPage",
    "contacts.Organisation",
    "integration_checkup.MeasureSheet",
    "pages.SiteSettings",
}


def _label(model) -> str:
    return model._meta.label


@pytest.fixture
def other_locales():
    return [locale for locale in content_locales() if locale.language_code != "de"]


def _with_phone(model) -> dict:
    """What makes an object of ``model`` hold a phone number: its own, or a
    directory entry with one (the office page's organisation, a contact
    block with a person)."""
    fields = {field.name for field in model._meta.get_fields()}
    extra = {}
    if "phone" in fields:
        extra["phone"] = PHONE
    if model._meta.label == "pages.OfficePage":
        extra["organisation"] = OrganisationFactory(phone=PHONE)
    if issubclass(model, Page) and "body" in fields:
        person = PersonFactory(
            phone=PHONE, organisation=OrganisationFactory(phone=PHONE)
        )
        extra["body"] = [
            {
                "type": "contact",
                "value": {
                    "person": person.pk,
                    "organisation": None,
                    "heading": "Kontakt",
                },
            }
        ]
    return extra


def _page(model, home):
    """A page of ``model`` below ``home``, with parents of the allowed types."""
    if model is HomePage:
        return home
    parents = [
        parent for parent in model.allowed_parent_page_models() if parent is not Page
    ]
    parent_model = next((p for p in parents if p is HomePage), None) or next(
        p for p in parents if p is not model
    )
    parent = _page(parent_model, home)
    return FACTORIES[model](parent=parent, **_with_phone(model))


def _submit_url(instance) -> str:
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    meta = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, instance.pk],
    )


def _edit_url(instance) -> str:
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk]
    )


def _translate_everywhere(editor_client, instance, locales):
    """Submit ``instance`` for translation into ``locales`` as an editor does
    ("Übersetzen", every language ticked), then open each translation's editor."""
    response = editor_client.post(
        _submit_url(instance), {"locales": [locale.pk for locale in locales]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    translations = {}
    for locale in locales:
        translated = instance.get_translation_or_none(locale)
        assert translated is not None, f"no {locale.language_code} translation"
        editor = editor_client.get(_edit_url(translated))
        assert editor.status_code == 200
        assert "js-translation-editor" in editor.content.decode()
        if hasattr(translated, "phone"):
            # The same number, not a translated text.
            assert translated.phone == instance.phone
        translations[locale] = translated
    return translations


@pytest.mark.parametrize("model", PAGE_MODELS + SNIPPET_MODELS, ids=_label)
def test_every_type_has_a_factory_for_these_tests(model):
    assert model in FACTORIES, f"tests/factories.py: add a factory for {_label(model)}"


@pytest.mark.parametrize("model", PAGE_MODELS, ids=_label)
def test_every_page_type_translates_into_every_language(
    editor_client, home, other_locales, publish, model
):
    page = _page(model, home)
    translations = _translate_everywhere(editor_client, page, other_locales)
    if _label(model) in PUBLISHED:
        for locale, translated in translations.items():
            _translate_title_and_publish(
                publish, editor_client, page, translated, locale
            )


@pytest.mark.parametrize("model", SNIPPET_MODELS, ids=_label)
def test_every_translatable_snippet_translates_into_every_language(
    editor_client, other_locales, publish, model
):
    instance = FACTORIES[model](**_with_phone(model))
    translations = _translate_everywhere(editor_client, instance, other_locales)
    if _label(model) in PUBLISHED:
        for locale, translated in translations.items():
            _translate_title_and_publish(
                publish, editor_client, instance, translated, locale
            )


@pytest.fixture
def publish(editor_client, django_capture_on_commit_callbacks):
    """Press "Veröffentlichen" in the translation editor (wagtail-localize
    publishes when the transaction commits)."""

    def _publish(translated):
        with django_capture_on_commit_callbacks(execute=True):
            return editor_client.post(_edit_url(translated), {"action": "publish"})

    return _publish


def _translate_title_and_publish(
    publish, editor_client, source_object, translated, locale
):
    """Type a translation of the first string (the title or name) in
    wagtail-localize's editor and press "Veröffentlichen"."""
    source = TranslationSource.objects.get_for_instance(source_object)
    translation = Translation.objects.get(source=source, target_locale=locale)
    segment = StringSegment.objects.filter(source=source).order_by("order").first()
    text = f"{segment.string.data} ({locale.language_code})"
    saved = editor_client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation.pk, segment.pk],
        ),
        f"value={text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert saved.status_code in (200, 201)

    published = publish(translated)

    assert published.status_code in (200, 302)
    translated = type(translated).objects.get(pk=translated.pk)
    assert text in {str(value) for value in vars(translated).values()}
    assert translated.locale == locale
    if hasattr(translated, "live"):
        assert translated.live
