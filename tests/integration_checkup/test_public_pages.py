"""The public pages under "Check Up Integration": overview, list, detail, fields."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from integration_checkup.models import MeasureStatus

from .factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
    ProcessStepFactory,
    StatusAnalysisFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fields():
    return {
        "arbeit": FieldOfActionFactory(name="Arbeit", slug="arbeit", sort_order=1),
        "wohnen": FieldOfActionFactory(name="Wohnen", slug="wohnen", sort_order=2),
    }


@pytest.fixture
def sheets(fields):
    return {
        "lotsen": MeasureSheetFactory(
            number=1,
            title="Lotsenstelle Arbeitsmarkt",
            field_of_action=fields["arbeit"],
            status=MeasureStatus.ADOPTED,
        ),
        "praktikum": MeasureSheetFactory(
            number=2,
            title="Praktikumsbörse",
            field_of_action=fields["arbeit"],
            status=MeasureStatus.DONE,
            summary="Betriebe bieten Praktika an.",
        ),
        "wohnung": MeasureSheetFactory(
            number=3,
            title="Wohnungsbörse",
            field_of_action=fields["wohnen"],
            status=MeasureStatus.ADOPTED,
        ),
        "entwurf": MeasureSheetFactory(
            number=4,
            title="Unveröffentlicht",
            field_of_action=fields["wohnen"],
            live=False,
        ),
    }


def listed_titles(html: str) -> list[str]:
    return re.findall(
        r'class="measure-item__title"[^>]*><a class="kern-link" href="[^"]+">([^<]+)</a>',
        html,
    )


def test_overview_shows_timeline_progress_and_links(client, checkup_page, sheets):
    checkup_page.body = [
        {"type": "checkup_timeline", "value": None},
        {"type": "checkup_progress", "value": None},
    ]
    checkup_page.save()
    ProcessStepFactory(title="3. Forum", sort_order=1)
    ProcessStepFactory(title="Ausschuss", date_label="November 2017", sort_order=2)

    html = client.get(checkup_page.url).content.decode()

    assert html.index("3. Forum") < html.index("Ausschuss")
    assert "November 2017" in html
    assert "Alle 3 Maßnahmensteckbriefe" in html
    progress = re.search(r'<table class="kern-table.*?</table>', html, re.S).group(0)
    arbeit_row = re.search(r"Arbeit</a></th>.*?</tr>", progress, re.S).group(0)
    assert "1 beschlossen" in arbeit_row
    assert "1 umgesetzt" in arbeit_row
    assert ">2</td>" in arbeit_row
    assert 'href="/check-up-integration/arbeitspapiere-zip/"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Lotsenstelle Arbeitsmarkt", "Praktikumsbörse", "Wohnungsbörse"]),
        ("?handlungsfeld=arbeit", ["Lotsenstelle Arbeitsmarkt", "Praktikumsbörse"]),
        ("?status=adopted", ["Lotsenstelle Arbeitsmarkt", "Wohnungsbörse"]),
        ("?handlungsfeld=arbeit&status=adopted", ["Lotsenstelle Arbeitsmarkt"]),
        ("?handlungsfeld=wohnen&status=done", []),
        ("?q=börse", ["Praktikumsbörse", "Wohnungsbörse"]),
        ("?q=Betriebe+Praktika", ["Praktikumsbörse"]),
        ("?handlungsfeld=wohnen&q=börse", ["Wohnungsbörse"]),
        (
            "?handlungsfeld=&status=&q=",
            ["Lotsenstelle Arbeitsmarkt", "Praktikumsbörse", "Wohnungsbörse"],
        ),
    ],
)
def test_list_filters_combine_and_count(client, checkup_url, sheets, query, expected):
    response = client.get(checkup_url + "massnahmen/" + query)

    assert response.status_code == 200
    html = response.content.decode()
    assert listed_titles(html) == expected
    noun = "Maßnahmensteckbrief" if len(expected) == 1 else "Maßnahmensteckbriefe"
    assert f"{len(expected)} {noun} gefunden" in html
    assert "Unveröffentlicht" not in html


def test_list_form_works_as_plain_get_form_and_keeps_the_choice(
    client, checkup_url, sheets
):
    html = client.get(
        checkup_url + "massnahmen/?handlungsfeld=wohnen&q=b%C3%B6rse"
    ).content.decode()

    form = re.search(
        r'<form class="filter-form" method="get".*?</form>', html, re.S
    ).group(0)
    assert '<option value="wohnen" selected>Wohnen</option>' in form
    assert 'value="börse"' in form


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # folded as the site search folds words: umlauts spelled out, case
        ("?q=Boerse", ["Praktikumsbörse", "Wohnungsbörse"]),
        ("?q=boerse", ["Praktikumsbörse", "Wohnungsbörse"]),
        ("?q=B%C3%96RSE", ["Praktikumsbörse", "Wohnungsbörse"]),
        ("?q=PRAKTIKUMSB%C3%96RSE", ["Praktikumsbörse"]),
        ("?handlungsfeld=wohnen&q=Boerse", ["Wohnungsbörse"]),
        ("?q=Boerse+Betriebe", ["Praktikumsbörse"]),
        ("?q=Flohmarkt", []),
        ("?q=Boerse+Flohmarkt", []),
    ],
)
def test_list_text_filter_matches_words_as_the_site_search(
    client, checkup_url, sheets, query, expected
):
    response = client.get(checkup_url + "massnahmen/" + query)

    assert response.status_code == 200
    html = response.content.decode()
    assert listed_titles(html) == expected
    noun = "Maßnahmensteckbrief" if len(expected) == 1 else "Maßnahmensteckbriefe"
    assert f"{len(expected)} {noun} gefunden" in html


def test_list_text_filter_reads_the_text_of_rich_text_not_its_markup(
    client, checkup_url, sheets
):
    sheets["wohnung"].goals = "<p>Mehr <b>Wohnraum</b> für Familien</p>"
    sheets["wohnung"].save()
    url = checkup_url + "massnahmen/?q="

    assert listed_titles(client.get(url + "WOHNRAUM").content.decode()) == [
        "Wohnungsbörse"
    ]
    assert listed_titles(client.get(url + "fuer+Familien").content.decode()) == [
        "Wohnungsbörse"
    ]
    assert listed_titles(client.get(url + "Wohnraum%3C%2Fb").content.decode()) == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?handlungsfeld=mond", "Dieses Handlungsfeld gibt es nicht."),
        ("?status=fertig", "Diesen Stand gibt es nicht."),
        ("?q=" + "x" * 201, "Der Suchbegriff ist zu lang: höchstens 200 Zeichen."),
    ],
)
def test_bad_filter_values_get_a_german_400(
    client, checkup_url, sheets, query, message
):
    response = client.get(checkup_url + "massnahmen/" + query)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_detail_has_a_stable_url_by_number_and_shows_the_sheet(
    client, checkup_url, sheets
):
    sheet = sheets["lotsen"]

    html = client.get(f"{checkup_url}massnahmen/1/").content.decode()

    assert "Lotsenstelle Arbeitsmarkt" in html
    assert "Aktueller Stand" in html and "beschlossen" in html
    history = re.search(r'<ol class="status-history">.*?</ol>', html, re.S).group(0)
    assert history.index("1. September 2017") < history.index("9. Oktober 2017")
    assert "Entwurf" in history
    assert not sheet.paper_versions.exists()
    assert "wird hier veröffentlicht, sobald es vorliegt" in html
    assert 'href="/check-up-integration/massnahmen/1/rueckmeldung/"' in html
    assert 'type="application/atom+xml"' in html


def test_unpublished_or_unknown_sheet_is_a_404(client, checkup_url, sheets):
    assert client.get(f"{checkup_url}massnahmen/4/").status_code == 404
    response = client.get(f"{checkup_url}massnahmen/999/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()


def test_field_page_lists_its_measures_and_status_analysis(
    client, checkup_url, sheets, fields
):
    StatusAnalysisFactory(
        field_of_action=fields["arbeit"], title="Statusanalyse Arbeit"
    )

    html = client.get(f"{checkup_url}handlungsfelder/arbeit/").content.decode()

    assert listed_titles(html) == ["Lotsenstelle Arbeitsmarkt", "Praktikumsbörse"]
    assert "Statusanalyse Arbeit" in html
    assert "Q4/2016 und Q1/2017" in html
    assert client.get(f"{checkup_url}handlungsfelder/mond/").status_code == 404


def test_status_analyses_page_lists_one_per_field(client, checkup_url, fields):
    StatusAnalysisFactory(
        field_of_action=fields["wohnen"], title="Statusanalyse Wohnen"
    )
    StatusAnalysisFactory(
        field_of_action=fields["arbeit"], title="Statusanalyse Arbeit"
    )

    html = client.get(f"{checkup_url}statusanalysen/").content.decode()

    assert html.index("Statusanalyse Arbeit") < html.index("Statusanalyse Wohnen")
    text = re.sub(r"<[^>]+>", "", html)
    assert text.count("Datengrundlage: Q4/2016 und Q1/2017") == 2


def test_breadcrumbs_lead_back_through_the_check_up_page(client, checkup_url, sheets):
    html = client.get(f"{checkup_url}massnahmen/2/").content.decode()

    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert 'href="/check-up-integration/">Check Up Integration</a>' in crumbs
    assert 'href="/check-up-integration/massnahmen/">Maßnahmensteckbriefe</a>' in crumbs
    assert '<span aria-current="page" dir="auto">Nr. 2</span>' in crumbs


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_list_page_queries_do_not_grow_from_22_to_300_sheets(
    client, checkup_url, fields, settings
):
    # Counts the rendering, not the page cache nor the fragment cache.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    for number in range(1, 23):
        MeasureSheetFactory(number=number, field_of_action=fields["arbeit"])
    url = checkup_url + "massnahmen/"
    client.get(url)  # warm caches
    with_22 = count_queries(client, url)
    with_22_filtered = count_queries(client, url + "?handlungsfeld=arbeit&q=Ma")

    for number in range(23, 301):
        MeasureSheetFactory(number=number, field_of_action=fields["wohnen"])

    assert count_queries(client, url) == with_22
    assert count_queries(client, url + "?handlungsfeld=arbeit&q=Ma") == with_22_filtered
    assert count_queries(client, url + "?seite=12") == with_22


def test_translated_sheets_show_in_the_visitors_language_others_in_german(
    client, checkup_url, sheets, django_capture_on_commit_callbacks
):
    from core.bootstrap import content_locales
    from demo.translations import object_translate

    content_locales()
    with django_capture_on_commit_callbacks(execute=True):
        object_translate(
            instance=sheets["wohnung"],
            language="en",
            strings={"Wohnungsbörse": {"en": "Housing exchange"}},
        )

    english_list = client.get("/en" + checkup_url + "massnahmen/").content.decode()
    english_detail = client.get("/en" + checkup_url + "massnahmen/3/").content.decode()
    german_list = client.get(checkup_url + "massnahmen/").content.decode()

    assert listed_titles(english_list) == [
        "Lotsenstelle Arbeitsmarkt",
        "Praktikumsbörse",
        "Housing exchange",
    ]
    assert "3 Maßnahmensteckbriefe" not in english_list  # the count is in English
    assert "Housing exchange" in english_detail
    assert listed_titles(german_list) == [
        "Lotsenstelle Arbeitsmarkt",
        "Praktikumsbörse",
        "Wohnungsbörse",
    ]


def test_untranslated_content_is_marked_german_for_screen_readers(
    client, checkup_url, sheets
):
    from core.bootstrap import content_locales

    content_locales()

    detail = client.get("/ar" + checkup_url + "massnahmen/1/").content.decode()
    listing = client.get("/ar" + checkup_url + "massnahmen/").content.decode()

    assert '<html lang="ar" dir="rtl"' in detail
    assert (
        '<h1 class="kern-heading-x-large page-title" lang="de" dir="ltr">Lotsenstelle Arbeitsmarkt</h1>'
        in detail
    )
    assert 'class="translation-notice"' in detail or "translation-notice" in detail
    assert '<h2 class="measure-item__title" lang="de" dir="ltr">' in listing
    german = client.get(checkup_url + "massnahmen/1/").content.decode()
    assert (
        '<h1 class="kern-heading-x-large page-title">Lotsenstelle Arbeitsmarkt</h1>'
        in german
    )


def test_untranslated_sheets_name_their_field_in_the_readers_language(
    client, checkup_url, sheets, fields, django_capture_on_commit_callbacks
):
    from core.bootstrap import content_locales
    from demo.translations import object_translate

    content_locales()
    with django_capture_on_commit_callbacks(execute=True):
        object_translate(
            instance=fields["arbeit"],
            language="ar",
            strings={"Arbeit": {"ar": "العمل"}},
        )

    listing = client.get("/ar" + checkup_url + "massnahmen/").content.decode()
    detail = client.get("/ar" + checkup_url + "massnahmen/1/").content.decode()
    german = client.get(checkup_url + "massnahmen/").content.decode()

    # The sheet is German; the field it belongs to is named in Arabic, and
    # links to the field's one address.
    assert '<span class="measure-item__field">العمل</span>' in listing
    assert '<option value="arbeit">العمل</option>' in listing
    assert (
        f'<a class="kern-link" href="/ar{checkup_url}handlungsfelder/arbeit/">'
        in detail
    )
    with translation.override("ar"):
        assert translation.gettext("Handlungsfeld") + " العمل</a>" in detail
    # An untranslated field stays German and says so.
    assert (
        '<span class="measure-item__field" lang="de" dir="ltr">Wohnen</span>' in listing
    )
    assert '<span class="measure-item__field">Arbeit</span>' in german
    assert '<option value="arbeit">Arbeit</option>' in german


def test_untranslated_sheet_says_so_before_its_german_title(
    client, checkup_url, sheets
):
    from core.bootstrap import content_locales

    content_locales()

    detail = client.get("/ar" + checkup_url + "massnahmen/1/").content.decode()

    assert (
        0
        < detail.index("translation-notice")
        < detail.index('class="kern-heading-x-large page-title"')
    )
