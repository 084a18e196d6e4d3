import html
import re

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from core.bootstrap import content_locales
from demo.translations import object_translate
from tests.factories import CheckUpPageFactory, HelpPageFactory

HIT = re.compile(
    r'<article class="search-hit">\s*<h3 class="search-hit__title">'
    r"(?:<a class=\"kern-link\" href=\"(?P<url>[^\"]*)\">)?(?P<title>.*?)(?:</a>)?</h3>"
    r"(?P<rest>.*?)</article>",
    re.S,
)


class Results:
    """A search response, read the way a visitor reads it."""

    def __init__(self, response):
        self.response = response
        self.status_code = response.status_code
        self.html = response.content.decode()
        self.hits = [match.groupdict() for match in HIT.finditer(self.html)]
        for hit in self.hits:
            # The language marking of the object's own title (its <span>).
            span = re.search(r"<span([^>]*)>", hit["title"])
            hit["attrs"] = span.group(1) if span else ""

    @property
    def titles(self) -> list[str]:
        return [
            html.unescape(re.sub(r"<[^>]+>", "", hit["title"])) for hit in self.hits
        ]

    def hit(self, title: str) -> dict:
        return self.hits[self.titles.index(title)]

    def section(self, key: str) -> str:
        match = re.search(
            rf'<section class="search-group" aria-labelledby="search-group-{key}">.*?</section>',
            self.html,
            re.S,
        )
        return match.group(0) if match else ""

    def titles_in(self, key: str) -> list[str]:
        section = self.section(key)
        return [
            html.unescape(re.sub(r"<[^>]+>", "", match["title"]))
            for match in HIT.finditer(section)
        ]


@pytest.fixture
def search(client):
    def run(q=None, prefix="", **params):
        if q is not None:
            params["q"] = q
        return Results(client.get(f"{prefix}/suche/", params))

    return run


@pytest.fixture
def home(home):
    """The start page with a fixed text (the factory's is random)."""
    home.intro = "Willkommen auf den Seiten der Koordinierungsstelle."
    home.save_revision().publish()
    return home


@pytest.fixture
def checkup_page(home):
    return CheckUpPageFactory(
        parent=home,
        slug="check-up-integration",
        intro="Der Prozess und seine Arbeitspapiere.",
        body=[],
    )


@pytest.fixture
def help_page(home):
    return HelpPageFactory(
        parent=home, slug="helfen", intro="So können Sie helfen.", body=[]
    )


@pytest.fixture
def make_document(db):
    """A stored document whose text is read as on upload."""

    def make(title: str, content: bytes, name: str = "papier.pdf", **fields):
        document = get_document_model()(
            title=title, file=ContentFile(content, name=name), **fields
        )
        document._set_document_file_metadata()
        document.save()
        return document

    return make


@pytest.fixture(autouse=True)
def fresh_vocabulary():
    """The vocabulary kept in memory belongs to the test that built it."""
    from site_search.vocabulary import clear_memory

    clear_memory()
    yield
    clear_memory()


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate with wagtail-localize; it publishes on commit."""
    content_locales()

    def _translate(instance, language, strings):
        with django_capture_on_commit_callbacks(execute=True):
            object_translate(instance=instance, language=language, strings=strings)

    return _translate
