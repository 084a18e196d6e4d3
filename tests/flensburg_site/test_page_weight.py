"""Speed budget of the front end: HTML + CSS + JS of every public page type
under 75 KB compressed, fonts subset and preloaded.

The pages are those of the demo content (bench/page_weight.py measures the
same list against a running site for the README), in German and in Arabic
(right-to-left: another KERN stylesheet, another font). Every stylesheet a
page links counts, the print stylesheet too (browsers download it as well);
the files are read the way the site serves them, through the staticfiles
finders. Sizes are gzip level 6; whitenoise also serves brotli, smaller still.
"""

import io
import re
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

import pytest

from bench.page_weight import (
    BUDGET_KB,
    LANGUAGE_PREFIXES,
    PAGE_TYPES,
    describe,
    linked_assets,
    page_weight,
)

BUDGET = BUDGET_KB * 1000


def read_static(url: str) -> bytes:
    assert url.startswith(settings.STATIC_URL), f"{url} is not a static file"
    path = url.removeprefix(settings.STATIC_URL)
    found = finders.find(path)
    assert found, f"{url} is linked but no static file exists"
    with open(found, "rb") as file:
        return file.read()


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    """The demo content; wagtail-localize publishes translations on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_initial_data", stdout=io.StringIO())


def test_every_public_page_type_stays_under_the_budget(client, demo):
    weights = {}
    for language, prefix in LANGUAGE_PREFIXES.items():
        for label, path in PAGE_TYPES:
            url = prefix + path
            response = client.get(url)
            expected_status = 404 if label == "404 page" else 200
            assert response.status_code == expected_status, url
            html = response.content
            # The page is the real thing, not an error page or an empty list.
            assert f'<html lang="{language}"'.encode() in html, url
            if path.startswith("/suche/"):
                assert b'class="search-results"' in html, f"{url}: no hits"
            weight = page_weight(html, read_static)
            # Every page has its styles, the print stylesheet and site.js.
            css = [part[1] for part in weight["parts"] if part[0] == "css"]
            assert any("print" in href for href in css), url
            weights[f"{label} ({language}) {url}"] = weight

    assert len(weights) == 2 * len(PAGE_TYPES)
    over = {
        page: weight for page, weight in weights.items() if weight["gzip"] >= BUDGET
    }
    assert not over, "Over the budget of {} bytes (gzip):\n{}".format(
        BUDGET,
        "\n".join(f"{page}\n{describe(weight)}" for page, weight in over.items()),
    )


def test_the_budget_counts_every_linked_file():
    """The measuring itself: HTML, each stylesheet (print too) and script
    count compressed; preloaded fonts are listed but not counted."""
    html = (
        b'<html><head><link rel="stylesheet" href="/static/css/site.css">'
        b'<link rel="stylesheet" href="/static/css/print.css" media="print">'
        b'<link rel="preload" href="/static/fonts/files/fira-sans-latin-400-normal.woff2"'
        b' as="font" type="font/woff2" crossorigin>'
        b'<script src="/static/js/site.js" defer></script></head></html>'
    )

    weight = page_weight(html, read_static)

    kinds = [(kind, url) for kind, url, *_sizes in weight["parts"]]
    assert kinds == [
        ("html", "(HTML)"),
        ("css", "/static/css/site.css"),
        ("css", "/static/css/print.css"),
        ("js", "/static/js/site.js"),
    ]
    site_css = read_static("/static/css/site.css")
    assert 0 < weight["parts"][1][3] < len(site_css)  # gzip is smaller than raw
    assert weight["gzip"] == sum(part[3] for part in weight["parts"])
    assert weight["brotli"] < weight["gzip"]
    assert [url for url, _size in weight["fonts"]] == [
        "/static/fonts/files/fira-sans-latin-400-normal.woff2"
    ]


FONT_URL = re.compile(r"url\(([^)]+)\)")


FIRA_SANS_FACES = {
    ("Fira Sans", "normal", "400"),
    ("Fira Sans", "normal", "600"),
    ("Fira Sans", "italic", "400"),
}


@pytest.mark.parametrize(
    ("prefix", "font_css", "preloaded", "extra_faces"),
    [
        ("", "fira-sans.css", ["fira-sans-latin-400", "fira-sans-latin-600"], set()),
        (
            "/tr",
            "fira-sans.css",
            [
                "fira-sans-latin-400",
                "fira-sans-latin-600",
                "fira-sans-turkish-400",
                "fira-sans-turkish-600",
            ],
            set(),
        ),
        (
            "/uk",
            "fira-sans.css",
            [
                "fira-sans-latin-400",
                "fira-sans-latin-600",
                "fira-sans-cyrillic-400",
                "fira-sans-cyrillic-600",
            ],
            set(),
        ),
        (
            "/ar",
            "fira-sans-noto-sans-arabic.css",
            [
                "fira-sans-latin-400",
                "fira-sans-latin-600",
                "noto-sans-arabic-arabic-core-400",
                "noto-sans-arabic-arabic-core-600",
            ],
            {
                ("Noto Sans Arabic", "normal", "400"),
                ("Noto Sans Arabic", "normal", "600"),
            },
        ),
        (
            "/fa",
            "fira-sans-vazirmatn.css",
            [
                "fira-sans-latin-400",
                "fira-sans-latin-600",
                "vazirmatn-arabic-core-400",
                "vazirmatn-arabic-core-600",
            ],
            {("Vazirmatn", "normal", "400"), ("Vazirmatn", "normal", "600")},
        ),
    ],
)
def test_fonts_are_subset_one_stylesheet_per_script_and_preloaded(
    client, home, prefix, font_css, preloaded, extra_faces
):
    # The 404 page: base.html in that language without translated content.
    html = client.get(f"{prefix}/gibt-es-nicht/").content.decode()
    assets = linked_assets(html)

    font_sheets = [href for href in assets["css"] if "/fonts/" in href]
    assert font_sheets == [f"{settings.STATIC_URL}fonts/{font_css}"]
    css = read_static(font_sheets[0]).decode()
    faces = re.findall(r"@font-face\s*\{([^}]*)\}", css)
    described = set()
    for face in faces:
        rules = {
            name.strip(): value.strip().strip("'\"")
            for name, value in (
                rule.split(":", 1) for rule in face.split(";") if ":" in rule
            )
        }
        assert rules["font-display"] == "swap"
        assert rules["unicode-range"].startswith("U+")
        assert rules["src"].endswith('format("woff2")')
        described.add((rules["font-family"], rules["font-style"], rules["font-weight"]))
    # Only the weights and styles the site uses; KERN's family name kept.
    assert described == FIRA_SANS_FACES | extra_faces
    # Fira Sans in four subsets (Latin, Latin Extended, Cyrillic, Greek) plus
    # the letters Turkish takes from Latin Extended; Arabic and Farsi fonts in
    # the Arabic subset only, the Arabic block apart (test_font_subsets.py).
    assert len(faces) == 5 * len(FIRA_SANS_FACES) + 2 * len(extra_faces)

    # Preloaded: the first view's regular and semi-bold (Latin on every page:
    # numbers, e-mail addresses, German text), as woff2 with CORS
    # (fonts are fetched anonymously; without crossorigin the preload is wasted).
    assert [
        PurePosixPath(url).name.removesuffix("-normal.woff2") for url in assets["font"]
    ] == preloaded
    sheet_dir = PurePosixPath(font_sheets[0]).parent
    referenced = {str(sheet_dir / ref) for ref in FONT_URL.findall(css)}
    for url in assets["font"]:
        tag = re.search(rf'<link rel="preload" href="{re.escape(url)}"[^>]*>', html)
        assert 'as="font"' in tag.group(0)
        assert 'type="font/woff2"' in tag.group(0)
        assert "crossorigin" in tag.group(0)
        # The stylesheet names the same file, so the preloaded copy is used.
        assert url in referenced
        assert len(read_static(url)) < 60_000, f"{url} is not a subset"


def test_kern_serves_its_stylesheet_not_its_full_fonts():
    """Of KERN UX only its stylesheet is a static file: its full fonts (every
    weight, about 130 KB a file) never are; the site's fonts are the subsets."""
    assert finders.find("kern/kern.min.css")
    fonts = {
        "/".join(filter(None, [getattr(storage, "prefix", None), path]))
        for finder in finders.get_finders()
        for path, storage in finder.list([])
        if path.endswith((".woff2", ".woff", ".ttf", ".otf"))
    }
    assert "fonts/files/fira-sans-latin-400-normal.woff2" in fonts
    assert [path for path in fonts if path.startswith("kern/")] == []
