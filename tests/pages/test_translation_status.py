"""Translation status per page and language: the report, the page
explorer and the dashboard panel "Veraltete Übersetzungen"."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

import pytest
from wagtail_localize.models import TranslationSource

from core.bootstrap import content_locales
from tests.factories import ContentPageFactory, OfficePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(home):
    content_locales()
    return OfficePageFactory(
        parent=home, slug="koordinierungsstelle", title="Koordinierungsstelle"
    )


@pytest.fixture
def submit(editor_client, django_capture_on_commit_callbacks):
    """ "Übersetzen" in the admin, into the given languages."""

    def _submit(page, *codes):
        locales = Locale.objects.filter(language_code__in=codes)
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [locale.pk for locale in locales]},
            )
        assert response.status_code == 302

    return _submit


@pytest.fixture
def publish(editor_client, django_capture_on_commit_callbacks):
    """ "Veröffentlichen in …" in wagtail-localize's editor."""

    def _publish(page, code):
        translated = page.get_translation(Locale.objects.get(language_code=code))
        with django_capture_on_commit_callbacks(execute=True):
            editor_client.post(
                reverse("wagtailadmin_pages:edit", args=[translated.pk]),
                {"action": "publish"},
            )
        return translated

    return _publish


def cell(html: str, code: str, title: str = "Koordinierungsstelle") -> str:
    """The report's cell of ``title`` in language ``code``."""
    row = re.search(
        rf"<tr>\s*<th scope=\"row\"><a [^>]*>{title}</a>.*?</tr>", html, re.S
    )
    assert row, f"no row for {title}"
    found = re.search(
        rf'<td class="translation-status__(\w+)" data-language="{code}">(.*?)</td>',
        row.group(0),
        re.S,
    )
    assert found, f"no cell for {code}"
    return found.group(1), found.group(2)


def report(editor_client) -> str:
    response = editor_client.get(reverse("translation_status"))
    assert response.status_code == 200
    return response.content.decode()


def test_report_lists_untranslated_pages_with_the_action_for_each_language(
    editor_client, office
):
    html = report(editor_client)

    status, content = cell(html, "uk")
    assert status == "missing"
    assert "nicht übersetzt" in content
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[office.pk])
    assert f'href="{submit_url}?select_locale=uk"' in content
    assert "Übersetzen" in content
    # Every language has its cell, also the home page that nobody translated.
    for code in ("de-x-ls", "en", "ar", "uk", "fa", "tr"):
        assert cell(html, code)[0] == "missing"
    assert cell(html, "en", title="Flüchtlinge in Flensburg")[0] == "missing"
    # The instructions name the real buttons.
    assert "Diese Seite übersetzen" in html
    assert "Synchronisiere übersetzte Seiten" in html


def test_report_follows_a_translation_from_draft_to_current_to_outdated(
    editor_client, office, submit, publish, django_capture_on_commit_callbacks
):
    submit(office, "uk")
    status, content = cell(report(editor_client), "uk")
    draft = office.get_translation(Locale.objects.get(language_code="uk"))
    assert status == "draft"
    assert "in Arbeit" in content
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in content
    assert cell(report(editor_client), "en")[0] == "missing"

    publish(office, "uk")
    assert cell(report(editor_client), "uk")[0] == "current"

    office.title = "Koordinierungsstelle für Geflüchtete"
    office.save_revision().publish()
    html = report(editor_client)
    status, content = cell(html, "uk", title="Koordinierungsstelle für Geflüchtete")
    source = TranslationSource.objects.get_for_instance(office)
    assert status == "outdated"
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in content
    assert "Übersetzung synchronisieren" in content

    # Synchronised without publishing: readers still have the old texts.
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {}
        )
    title = "Koordinierungsstelle für Geflüchtete"
    assert cell(report(editor_client), "uk", title=title)[0] == "outdated"
    publish(office, "uk")
    assert cell(report(editor_client), "uk", title=title)[0] == "current"


def test_page_explorer_shows_each_pages_languages(
    editor_client, home, office, submit, publish
):
    ContentPageFactory(parent=home, slug="impressum", title="Impressum")
    submit(office, "uk", "en")
    publish(office, "en")

    response = editor_client.get(reverse("wagtailadmin_explore", args=[home.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Übersetzungen: 1 aktuell, 1 in Arbeit, 4 nicht übersetzt" in html
    assert "Übersetzungen: 6 nicht übersetzt" in html  # the Impressum
    assert "Українська: in Arbeit – Übersetzung fortsetzen" in html
    assert "English: aktuell – Übersetzung öffnen" in html
    assert f"{reverse('translation_status')}?seite={office.pk}" in html


def test_explorer_status_costs_no_queries_per_page(editor_client, home, office):
    """The statuses of all pages of a listing come from the same few queries."""
    url = reverse("wagtailadmin_explore", args=[home.pk])

    def status_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        return sum(
            "wagtail_localize_translationsource" in query["sql"]
            for query in queries.captured_queries
        )

    few = status_queries()
    for number in range(5):
        ContentPageFactory(parent=home, slug=f"seite-{number}", title=f"Seite {number}")

    assert status_queries() == few


def test_dashboard_lists_outdated_translations_with_a_link(
    editor_client, office, submit, publish
):
    dashboard = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Veraltete Übersetzungen" in dashboard
    assert "Keine veralteten Übersetzungen." in dashboard

    submit(office, "uk")
    publish(office, "uk")
    office.intro = "Wir helfen gern."
    office.save_revision().publish()

    dashboard = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    source = TranslationSource.objects.get_for_instance(office)
    panel = dashboard[dashboard.index("Veraltete Übersetzungen") :]
    assert "Keine veralteten Übersetzungen." not in panel
    assert "Koordinierungsstelle" in panel
    assert "Українська" in panel
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in panel
