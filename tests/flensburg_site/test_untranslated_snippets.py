"""A snippet translation that has not been translated yet does not pretend to
be one.

Snippets without drafts (organisations, fields of action, ...) are created by
wagtail-localize's "Übersetzen" at once, holding the German texts. Until an
editor has translated the strings and published, readers in that language
see the German original, marked ``lang="de"`` (so screen readers read it with
a German voice), never German text under ``lang="uk"``.
"""

import re

from django.urls import reverse

from wagtail.models import Locale

import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.bootstrap import content_locales
from tests.contacts.factories import OrganisationFactory
from tests.factories import (
    CheckUpPageFactory,
    HelpPageFactory,
    OfficePageFactory,
    SiteSettingsFactory,
)
from tests.integration_checkup.factories import FieldOfActionFactory

pytestmark = pytest.mark.django_db

GERMAN_NAME = "Migrationsberatung"
GERMAN_DESCRIPTION = "Beratung zu Aufenthalt und Wohnen."
UK_NAME = "Міграційна консультація"
UK_DESCRIPTION = "Консультації щодо перебування та житла."


@pytest.fixture
def uk(home):
    content_locales()  # the site's languages, as the demo command makes them
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """wagtail-localize saves and publishes when the transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _edit_url(instance) -> str:
    meta = instance._meta
    if meta.label == "pages.OfficePage":
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk]
    )


def submit(editor_client, instance, locale, on_commit):
    """ "Übersetzen" in the admin, Ukrainian ticked."""
    meta = instance._meta
    if meta.label == "pages.OfficePage":
        url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    else:
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, instance.pk],
        )
    with on_commit():
        response = editor_client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return instance.get_translation(locale)


def translate(editor_client, instance, locale, texts: dict, on_commit):
    """Type translations of ``texts`` (German -> Ukrainian) in wagtail-localize's
    editor and press "Veröffentlichen"."""
    source = TranslationSource.objects.get_for_instance(instance)
    work = Translation.objects.get(source=source, target_locale=locale)
    for german, text in texts.items():
        segment = StringSegment.objects.get(source=source, string__data=german)
        response = editor_client.put(
            reverse(
                "wagtail_localize:edit_string_translation", args=[work.pk, segment.pk]
            ),
            f"value={text}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201)
    with on_commit():
        response = editor_client.post(
            _edit_url(instance.get_translation(locale)), {"action": "publish"}
        )
    assert response.status_code in (200, 302)


def marked(html: str, text: str) -> set[str]:
    """The ``lang`` of the elements whose own text is ``text`` ("" for none):
    heading, description, breadcrumb, screen reader texts."""
    tags = re.findall(r"<[a-z][a-z0-9]*([^>]*)>" + re.escape(text) + "<", html)
    return {(re.findall(r' lang="([a-z]+)"', attrs) or [""])[0] for attrs in tags}


def test_directory_shows_an_untranslated_organisation_in_german_marked_german(
    client, editor_client, home, uk, on_commit
):
    help_page = HelpPageFactory(parent=home, slug="wie-kann-geholfen-werden", body=[])
    organisation = OrganisationFactory(name=GERMAN_NAME, description=GERMAN_DESCRIPTION)
    copy = submit(editor_client, organisation, uk, on_commit)
    assert copy.name == GERMAN_NAME  # wagtail-localize's copy, not translated

    html = client.get("/uk" + help_page.url).content.decode()

    assert marked(html, GERMAN_NAME) == {"de"}
    assert marked(html, GERMAN_DESCRIPTION) == {"de"}

    translate(
        editor_client,
        organisation,
        uk,
        {GERMAN_NAME: UK_NAME, GERMAN_DESCRIPTION: UK_DESCRIPTION},
        on_commit,
    )
    html = client.get("/uk" + help_page.url).content.decode()

    assert GERMAN_NAME not in html
    assert marked(html, UK_NAME) == {""}
    assert marked(html, UK_DESCRIPTION) == {""}


def test_translated_office_page_shows_its_untranslated_organisation_marked_german(
    client, editor_client, home, uk, on_commit
):
    organisation = OrganisationFactory(name=GERMAN_NAME, description=GERMAN_DESCRIPTION)
    office = OfficePageFactory(
        parent=home, slug="koordinierungsstelle", organisation=organisation, body=[]
    )
    submit(editor_client, office, uk, on_commit)
    # The page is translated and published; its organisation, translated
    # along with it ("Übersetzen" takes what the page refers to), is not.
    translate(
        editor_client,
        office,
        uk,
        {office.title: "Координаційний офіс"},
        on_commit,
    )
    assert office.get_translation(uk).organisation.locale == uk

    html = client.get("/uk/koordinierungsstelle/").content.decode()

    assert "Координаційний офіс" in html
    assert marked(html, GERMAN_NAME) == {"de"}
    assert marked(html, GERMAN_DESCRIPTION) == {"de"}

    translate(
        editor_client,
        organisation,
        uk,
        {GERMAN_NAME: UK_NAME, GERMAN_DESCRIPTION: UK_DESCRIPTION},
        on_commit,
    )
    html = client.get("/uk/koordinierungsstelle/").content.decode()

    assert marked(html, UK_NAME) == {""}
    assert marked(html, UK_DESCRIPTION) == {""}


def test_check_up_field_of_action_untranslated_is_german_marked_german(
    client, editor_client, home, uk, on_commit
):
    checkup = CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    field = FieldOfActionFactory(
        name="Arbeit", slug="arbeit", description="Arbeit und Ausbildung."
    )
    submit(editor_client, field, uk, on_commit)
    url = f"/uk{checkup.url}handlungsfelder/arbeit/"

    html = client.get(url).content.decode()

    assert marked(html, "Arbeit") == {"de"}
    assert marked(html, "Arbeit und Ausbildung.") == {"de"}

    translate(
        editor_client,
        field,
        uk,
        {"Arbeit": "Праця", "Arbeit und Ausbildung.": "Праця та навчання."},
        on_commit,
    )
    html = client.get(url).content.decode()

    assert marked(html, "Праця") == {""}
    assert marked(html, "Праця та навчання.") == {""}


def test_untranslated_site_settings_keep_the_german_notice_marked_german(
    client, editor_client, home, uk, on_commit
):
    german = SiteSettingsFactory(official_notice="Offizielle Website der Stadt")
    submit(editor_client, german, uk, on_commit)

    html = client.get("/uk/").content.decode()

    assert marked(html, "Offizielle Website der Stadt") == {"de"}

    translate(
        editor_client,
        german,
        uk,
        {"Offizielle Website der Stadt": "Офіційний вебсайт міста"},
        on_commit,
    )
    html = client.get("/uk/").content.decode()

    assert marked(html, "Офіційний вебсайт міста") == {""}
