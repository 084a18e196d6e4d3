"""The search page: form, hints, bad input, pagination, filter by kind, markup."""

from django.utils import translation
from django.utils.translation import gettext

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_empty_query_shows_the_form_and_a_hint(search, home):
    for results in (search(), search(""), search("   ")):
        assert results.status_code == 200
        assert 'role="search"' in results.html
        assert (
            '<input class="kern-form-input__input" type="search" id="search-q" name="q" value=""'
            in results.html
        )
        assert "Geben Sie oben ein, was Sie suchen." in results.html
        assert "search-results" not in results.html
        assert "Treffer für" not in results.html


def test_the_page_is_not_indexed_by_search_engines(search, home):
    results = search("Wohnung")

    assert '<meta name="robots" content="noindex">' in results.html
    assert results.response["X-Robots-Tag"] == "noindex"


def test_title_and_breadcrumbs_without_a_page(search, home):
    results = search("Wohnung")

    assert "<title>Suche nach „Wohnung“ – " in results.html
    assert '<a class="kern-link" dir="auto" href="/">Startseite</a>' in results.html
    assert '<span aria-current="page" dir="auto">Suche</span>' in results.html
    assert '<h1 class="kern-heading-x-large page-title">Suche</h1>' in results.html


def test_the_result_count_is_announced(search, home):
    ContentPageFactory(parent=home, title="Wohnungssuche", intro="Tipps.")

    results = search("Wohnung")

    assert (
        '<p class="result-count" role="status">1 Treffer für „Wohnung“</p>'
        in results.html
    )


def test_nothing_found_says_so_with_suggestions(search, home):
    results = search("Xylophonwerkstatt")

    assert results.status_code == 200
    assert "0 Treffer für „Xylophonwerkstatt“" in results.html
    assert "Zu „Xylophonwerkstatt“ haben wir leider nichts gefunden." in results.html
    assert "Prüfen Sie die Schreibweise." in results.html
    assert "search-results" not in results.html


def test_only_stop_words_get_an_explanation(search, home):
    results = search("und der die")

    assert results.status_code == 200
    assert "Mit „und der die“ können wir nicht suchen." in results.html
    assert "nur sehr häufige Wörter" in results.html


def test_stop_words_next_to_real_words_are_named(search, home):
    ContentPageFactory(parent=home, title="Wohnungssuche", intro="Tipps.")

    results = search("die Wohnung")

    assert results.titles == ["Wohnungssuche"]
    assert "Nicht berücksichtigt, weil sehr häufig: die" in results.html


def test_a_very_long_query_is_cut_with_a_notice(search, home):
    ContentPageFactory(parent=home, title="Wohnungssuche", intro="Tipps.")

    results = search("Wohnung " + "x" * 10_000)

    assert results.status_code == 200
    assert "Ihr Suchbegriff war sehr lang." in results.html
    assert results.titles == []  # the cut-off word still has to match
    value = results.html.split('id="search-q" name="q" value="')[1].split('"')[0]
    assert len(value) <= 200


def test_many_words_are_cut_to_ten(search, home):
    ContentPageFactory(parent=home, title="Wohnungssuche", intro="Tipps.")

    results = search("Wohnung " + " ".join(["Quatsch"] * 3) + " " * 5 + "a " * 40)

    assert "Ihr Suchbegriff war sehr lang." in results.html


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%22",
        "q=%22%22",
        "q=%22Wohnung",
        "q=*",
        "q=Wohnung*",
        "q=-",
        "q=-Wohnung",
        "q=OR",
        "q=Wohnung+OR",
        "q=AND+NOT+NEAR",
        "q=%00",
        "q=Woh%00nung",
        "q=%ff",
        "q=%ff%fe%fd",
        "q=%C3",
        "q=(",
        "q=)",
        "q=.",
        "q=%3F%21",
        "q=%27%3B+DROP+TABLE+wagtailcore_page%3B--",
        "q=title%3AWohnung",
        "q=%7Btitle+body%7D+%3A+x",
        "q=%5E",
        "q=%E2%80%8B",
        "q=%F0%9F%8F%A0",
        "q=a",
        "q=der",
        "q=Wohnung&q=Arbeit",
        "typ=seiten",
        "seite=abc&q=Wohnung",
        "seite=-1&q=Wohnung&typ=seiten",
        "seite=99999999999999999999&q=Wohnung&typ=dokumente",
    ],
)
def test_odd_queries_get_a_clear_answer_never_an_error(client, home, query_string):
    ContentPageFactory(parent=home, title="Wohnungssuche", intro="Tipps.")

    response = client.get(f"/suche/?{query_string}")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="search-q"' in html
    assert "\x00" not in html


def test_a_quote_finds_the_word_inside_it(search, home):
    ContentPageFactory(parent=home, title="Wohnungssuche", intro="Tipps.")

    assert search('"Wohnung"').titles == ["Wohnungssuche"]
    assert search("-Wohnung*").titles == ["Wohnungssuche"]


def test_an_unknown_kind_is_a_400_with_all_results(search, home):
    ContentPageFactory(parent=home, title="Wohnungssuche", intro="Tipps.")

    results = search("Wohnung", typ="gibtsnicht")

    assert results.status_code == 400
    assert "Diese Art von Ergebnissen gibt es nicht." in results.html
    assert results.titles == ["Wohnungssuche"]


def test_html_in_the_query_and_content_is_escaped(search, home):
    ContentPageFactory(
        parent=home,
        title="<script>alert(1)</script> Wohnung",
        intro='<img src=x onerror="alert(2)"> Wohnung',
    )

    results = search('<script>alert("q")</script> Wohnung')

    assert "<script>alert" not in results.html
    assert "<img src=x" not in results.html
    # "script" and "alert" are words of the query: marked, but still escaped.
    assert (
        "&lt;<mark>script</mark>&gt;<mark>alert</mark>(1)&lt;/<mark>script</mark>&gt; "
        "<mark>Wohnung</mark></span></a></h3>"
    ) in results.html
    assert (
        "&lt;img src=x onerror=&quot;<mark>alert</mark>(2)&quot;&gt; <mark>Wohnung</mark>"
    ) in results.html
    assert (
        'value="&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt; Wohnung"'
        in results.html
    )


def test_no_cookie_is_set_and_only_get_is_allowed(client, home):
    response = client.get("/suche/", {"q": "Wohnung"})

    assert not response.cookies
    assert client.head("/suche/", {"q": "Wohnung"}).status_code == 200
    assert client.post("/suche/", {"q": "Wohnung"}).status_code == 405


@pytest.fixture
def many_pages(home):
    return [
        ContentPageFactory(parent=home, title=f"Wohnung {number:02d}", intro="Text.")
        for number in range(12)
    ]


def test_the_overview_shows_a_few_hits_per_kind_and_links_to_all(search, many_pages):
    results = search("Wohnung")

    assert len(results.titles_in("seiten")) == 5
    assert "12 Treffer für „Wohnung“" in results.html
    assert (
        '<a class="kern-link" href="/suche/?q=Wohnung&amp;typ=seiten">'
        "Alle 12 Treffer in „Seiten“ anzeigen</a>"
    ) in results.html
    assert 'href="/suche/?q=Wohnung" aria-current="page">Alle (12)</a>' in results.html
    assert "Seiten der Ergebnisliste" not in results.html


def test_one_kind_is_shown_page_by_page(search, many_pages):
    first = search("Wohnung", typ="seiten")
    second = search("Wohnung", typ="seiten", seite=2)

    assert len(first.titles) == 10
    assert len(second.titles) == 2
    assert set(first.titles) | set(second.titles) == {
        f"Wohnung {number:02d}" for number in range(12)
    }
    assert "Seite 1 von 2" in first.html
    assert 'href="?q=Wohnung&amp;typ=seiten&amp;seite=2" rel="next"' in first.html
    assert (
        'href="/suche/?q=Wohnung&amp;typ=seiten" aria-current="page">Seiten (12)'
        in first.html
    )
    assert '<input type="hidden" name="typ" value="seiten">' in first.html


def test_a_kind_without_hits_is_named_but_not_linked(search, many_pages):
    results = search("Wohnung")

    assert '<span class="search-kinds__empty">Dokumente (0)</span>' in results.html
    assert "search-group-dokumente" not in results.html


@pytest.mark.parametrize(("prefix", "language"), [("", "de"), ("/en", "en")])
def test_the_header_has_a_search_field_in_the_current_language(
    client, home, prefix, language
):
    html = client.get(f"{prefix}/").content.decode()
    form = html.split('<form class="site-search"')[1].split("</form>")[0]
    with translation.override(language):
        button, label = gettext("Suchen"), gettext("Suchbegriff")

    assert f'action="{prefix}/suche/"' in form
    assert 'role="search"' in form
    assert f'<label class="kern-sr-only" for="site-search-q">{label}</label>' in form
    assert 'type="search" id="site-search-q" name="q"' in form
    assert f'<span class="kern-label">{button}</span>' in form
