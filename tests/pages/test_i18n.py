"""Every reader: languages, right to left, translation workflow, fallbacks."""

import datetime
import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import polib
import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.bootstrap import content_locales
from demo.translations import object_translate
from tests.factories import ContentPageFactory, OfficePageFactory

pytestmark = pytest.mark.django_db

NOT_TRANSLATED = (
    "Diese Seite gibt es noch nicht in Ihrer Sprache. Sie sehen die deutsche Fassung."
)


@pytest.fixture
def locales():
    return {locale.language_code: locale for locale in content_locales()}


@pytest.fixture
def office(home, locales):
    return OfficePageFactory(
        parent=home,
        slug="koordinierungsstelle",
        title="Koordinierungsstelle",
        intro="Wir helfen.",
    )


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate with wagtail-localize; it publishes on commit, so run those callbacks."""

    def _translate(instance, language, strings, machine=False):
        with django_capture_on_commit_callbacks(execute=True):
            return _make(instance, language, strings, machine)

    return _translate


def _make(instance, language, strings, machine=False):
    object_translate(instance=instance, language=language, strings=strings)
    if machine:
        StringTranslation.objects.filter(locale__language_code=language).update(
            tool_name="", translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
        )
    return instance.get_translation(Locale.objects.get(language_code=language))


def in_language(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "stylesheet"),
    [
        ("", "de", "ltr", "/static/kern/kern.min.css"),
        ("/de-x-ls", "de-x-ls", "ltr", "/static/kern/kern.min.css"),
        ("/en", "en", "ltr", "/static/kern/kern.min.css"),
        ("/ar", "ar", "rtl", "/static/rtl/kern.rtl.min.css"),
        ("/fa", "fa", "rtl", "/static/rtl/kern.rtl.min.css"),
        ("/uk", "uk", "ltr", "/static/kern/kern.min.css"),
        ("/tr", "tr", "ltr", "/static/kern/kern.min.css"),
    ],
)
def test_every_language_sets_lang_dir_and_its_stylesheet(
    client, office, prefix, lang, direction, stylesheet
):
    response = client.get(f"{prefix}/koordinierungsstelle/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}"' in html
    assert f'href="{stylesheet}"' in html
    assert ("noto-sans-arabic" in html) == (lang == "ar")
    assert ("vazirmatn" in html) == (lang == "fa")


def test_switcher_names_each_language_in_itself_and_marks_the_current_one(
    client, office
):
    html = client.get("/ar/koordinierungsstelle/").content.decode()

    switcher = re.search(
        r'<details class="language-switcher">.*?</details>', html, re.S
    ).group(0)
    names = re.findall(r'hreflang="([^"]+)"[^>]*>([^<]+)</a>', switcher)
    assert names == [(code, name) for code, name in settings.LANGUAGES]
    assert re.search(
        r'href="/ar/koordinierungsstelle/" lang="ar" hreflang="ar" dir="rtl" aria-current="true">العربية</a>',
        switcher,
    )
    assert 'href="/koordinierungsstelle/" lang="de"' in switcher
    assert 'href="/uk/koordinierungsstelle/" lang="uk"' in switcher


def test_interface_strings_come_from_compiled_catalogues(client, office):
    html = client.get("/ar/koordinierungsstelle/").content.decode()

    skip_link = in_language("ar", "Zum Inhalt springen")
    assert skip_link != "Zum Inhalt springen"
    assert f'<a class="skip-link" href="#main">{skip_link}</a>' in html


@pytest.mark.parametrize("language", ["en", "ar", "uk", "fa", "tr"])
def test_catalogues_are_complete_and_compiled(language):
    base = settings.BASE_DIR / "locale" / language / "LC_MESSAGES"
    po = polib.pofile(str(base / "django.po"))
    mo = polib.mofile(str(base / "django.mo"))

    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in mo
    }
    for entry in po:
        assert compiled[(entry.msgctxt, entry.msgid)] == (
            entry.msgstr or entry.msgstr_plural
        ), entry.msgid


def test_untranslated_page_is_shown_in_german_with_a_note_never_a_404(client, office):
    response = client.get("/en/koordinierungsstelle/")

    assert response.status_code == 200
    html = response.content.decode()
    note = in_language("en", NOT_TRANSLATED)
    assert note != NOT_TRANSLATED
    assert note in html
    # The page's own text is marked German; the site around it is English.
    assert '<h1 class="kern-heading-x-large page-title" lang="de" dir="ltr">' in html
    assert '<p class="page-intro" lang="de" dir="ltr">Wir helfen.</p>' in html
    assert '<article class="page-article">' in html


def test_missing_child_of_a_translated_page_falls_back_to_german(
    client, home, office, translate
):
    translate(home, "en", {home.title: {"en": "Refugees in Flensburg"}})
    ContentPageFactory(parent=home, slug="impressum", title="Impressum")

    response = client.get("/en/impressum/")

    assert response.status_code == 200
    assert in_language("en", NOT_TRANSLATED) in response.content.decode()
    assert client.get("/en/gibt-es-nicht/").status_code == 404


def test_translated_page_has_hreflang_alternates_and_an_example_note(
    client, office, translate
):
    english = translate(
        office,
        "en",
        {
            "Koordinierungsstelle": {"en": "Coordination office"},
            "Wir helfen.": {"en": "We help."},
        },
    )

    html = client.get("/en/koordinierungsstelle/").content.decode()

    assert english.title == "Coordination office"
    assert "We help." in html
    assert (
        '<link rel="alternate" hreflang="de" href="http://testserver/koordinierungsstelle/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/koordinierungsstelle/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/koordinierungsstelle/">'
        in html
    )
    assert 'hreflang="ar"' not in html.split("</head>")[0]
    assert (
        in_language(
            "en",
            "Dies ist eine Beispielübersetzung. Verbindlich ist die deutsche Fassung.",
        )
        in html
    )
    assert in_language("en", NOT_TRANSLATED) not in html
    # Calmly, once, with the way to the binding German text; no warning box.
    assert "kern-alert" not in html.split("<main")[1]
    assert html.count('class="translation-note"') == 1
    assert (
        '<a class="kern-link" href="/koordinierungsstelle/" hreflang="de">'
        + in_language("en", "Zur deutschen Fassung")
        + "</a>"
    ) in html


def test_machine_translation_tells_readers(client, office, translate):
    translate(office, "ar", {"Wir helfen.": {"ar": "نحن نساعد."}}, machine=True)

    html = client.get("/ar/koordinierungsstelle/").content.decode()

    assert "نحن نساعد." in html
    assert (
        in_language(
            "ar",
            "Diese Seite wurde maschinell übersetzt. Verbindlich ist die deutsche Fassung.",
        )
        in html
    )


def test_staff_export_and_import_po_files(
    editor_client, office, translate, django_capture_on_commit_callbacks
):
    translate(office, "en", {"Wir helfen.": {"en": "We help."}})
    item = Translation.objects.get(target_locale__language_code="en")

    exported = editor_client.get(
        reverse("wagtail_localize:download_pofile", args=[item.pk])
    )

    assert exported.status_code == 200
    po = polib.pofile(exported.content.decode())
    entry = next(entry for entry in po if entry.msgid == "Wir helfen.")
    assert entry.msgstr == "We help."
    entry.msgstr = "We are here to help."
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "office-en.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    editor_client.post(
        reverse("wagtail_localize:upload_pofile", args=[item.pk]) + "?next=/admin/",
        {"file": upload},
    )
    with django_capture_on_commit_callbacks(execute=True):
        item.save_target(publish=True)

    assert (
        "We are here to help."
        in editor_client.get("/en/koordinierungsstelle/").content.decode()
    )


def test_report_shows_translations_outdated_by_a_german_change(
    editor_client, office, translate
):
    translate(office, "en", {"Wir helfen.": {"en": "We help."}})
    up_to_date = editor_client.get(reverse("translation_status")).content.decode()
    office.intro = "Wir helfen gern."
    office.save_revision().publish()

    outdated = editor_client.get(reverse("translation_status")).content.decode()

    assert 'class="translation-status__current" data-language="en"' in up_to_date
    assert "translation-status__outdated" not in up_to_date
    assert 'class="translation-status__outdated" data-language="en"' in outdated
    assert "Koordinierungsstelle" in outdated
    assert TranslationSource.objects.count() == 1


def test_admin_stays_german_whatever_the_browser_asks(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert 'lang="de"' in html
    assert "Anmelden" in html


def test_site_settings_follow_the_language_and_fall_back_to_german(
    client, office, translate
):
    from pages.models import SiteSettings

    german = SiteSettings.objects.create(
        locale=Locale.get_default(),
        office_name="Koordinierungsstelle für Flüchtlinge",
    )
    translate(
        german,
        "en",
        {
            "Koordinierungsstelle für Flüchtlinge": {
                "en": "Coordination Office for Refugees"
            }
        },
    )

    english = client.get("/en/koordinierungsstelle/").content.decode()
    turkish = client.get("/tr/koordinierungsstelle/").content.decode()

    assert "Coordination Office for Refugees" in english
    assert 'class="site-brand__office">Koordinierungsstelle für Flüchtlinge' in turkish


def test_switcher_keeps_the_place_on_fallback_pages_and_subpages(
    client, home, office, translate
):
    translate(home, "ar", {home.title: {"ar": "اللاجئون في فلنسبورغ"}})

    on_fallback_home = client.get("/uk/").content.decode()
    on_office = client.get("/ar/koordinierungsstelle/").content.decode()

    assert 'href="/ar/" lang="ar"' in on_fallback_home
    assert 'href="/" lang="de"' in on_fallback_home
    assert 'href="/koordinierungsstelle/" lang="de"' in on_office
    assert 'href="/tr/koordinierungsstelle/" lang="tr"' in on_office


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", "25. November 2026"),
        ("/uk", "25 листопада 2026 р."),  # the month in the genitive
        ("/tr", "25 Kasım 2026"),
        ("/ar", "25 نوفمبر، 2026"),
        ("/fa", "۲۵ نوامبر ۲۰۲۶"),  # Persian digits
    ],
)
def test_dates_are_written_as_each_language_writes_them(
    client, office, prefix, expected
):
    office.last_reviewed = datetime.date(2026, 11, 25)
    office.save_revision().publish()

    html = client.get(f"{prefix}/koordinierungsstelle/").content.decode()

    assert f'<time datetime="2026-11-25">{expected}</time>' in html
