"""The demo site's locales and page types, shared by the browser tests."""

LOCALES = ["de", "de-x-ls", "en", "ar", "uk", "fa", "tr"]
RIGHT_TO_LEFT = {"ar", "fa"}

# One path per page type (and the states of a page that look different), in
# the German tree; every other locale has them under /<code>/ with the same
# slugs.
PAGE_TYPES = [
    "/",  # HomePage
    "/koordinierungsstelle/",  # OfficePage
    "/check-up-integration/",  # CheckUpPage
    "/check-up-integration/massnahmen/",  # measure list with filter
    "/check-up-integration/massnahmen/?handlungsfeld=mond",  # filter with errors
    "/check-up-integration/massnahmen/7/",  # measure sheet
    "/check-up-integration/massnahmen/7/rueckmeldung/",  # feedback form
    "/check-up-integration/handlungsfelder/wohnen/",  # field of action
    "/check-up-integration/statusanalysen/",
    "/fluechtlinge-in-flensburg/",  # InfoIndexPage
    "/fluechtlinge-in-flensburg/rechte/",  # InfoPage
    "/fluechtlinge-in-flensburg/lage-und-fakten/",  # InfoPage with charts
    "/zahlen/zuweisungen/",  # an indicator's page (figures)
    "/wer-ist-zustaendig/asylbewerber/",  # ResponsibilityFinderPage, a question
    "/wer-ist-zustaendig/asylbewerber/wohnen/",  # ... and a result
    "/benachrichtigungen/?thema=sheet&auswahl=7",  # alerts: subscription form
    "/informationsangebote-des-landes/",  # StateLinksPage
    "/wie-kann-geholfen-werden/",  # HelpPage with directory
    "/impressum/",  # ContentPage
    "/barrierefreiheit/",  # AccessibilityStatementPage
    "/barrierefreiheit/barriere-melden/",
    "/veranstaltungen/",  # EventIndexPage
    "/veranstaltungen/vergangene/",
    "/veranstaltungen/3-forum-fluechtlinge-unsere-neuen-nachbarn/",  # EventPage
    "/aktuelles/",  # NewsIndexPage
    "/aktuelles/einladung-3-forum/",  # NewsPage
    "/suche/?q=Wohnungen",  # search results
    "/suche/?q=Xylophon",  # search without results
    "/fluechtlinge-in-flensburg/rechte/handzettel/",  # handout
    "/offline/",  # what the service worker shows for a page it has not kept
    "/gibt-es-nicht/",  # 404
]
# Pages that answer with an error status on purpose.
EXPECTED_STATUS = {
    "/check-up-integration/massnahmen/?handlungsfeld=mond": 400,
    "/gibt-es-nicht/": 404,
}
# Not a page of a locale: the API's documentation, checked once.
API_DOCS = "/api/v1/docs"


def locale_prefix(locale: str) -> str:
    """German, the source language, lives at /; every other locale at /<code>/."""
    return "" if locale == "de" else f"/{locale}"


def localized(locale: str, path: str) -> str:
    return locale_prefix(locale) + path


def expected_status(path: str) -> int:
    return EXPECTED_STATUS.get(path, 200)
