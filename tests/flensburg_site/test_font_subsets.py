"""The web fonts as built by `npm run build` (scripts/build-assets.mjs) into
build/fonts/: small faces cut for Turkish and for the Arabic block, ranges
that send each letter to the right file, and no stylesheet pointing at a file
that is not there. Reads the build output; no browser, no database.

A Turkish page used to fetch fontsource's whole latin-ext subset (about 48 KB)
per weight for Ğ ğ İ Ş ş; bench/locale_weight.py measures what each
language's home page loads in Chromium.
"""

import re
from pathlib import Path

from django.conf import settings

import pytest

FONT_DIR = Path(settings.BASE_DIR) / "build" / "fonts"
STYLESHEETS = [
    "fira-sans.css",
    "fira-sans-noto-sans-arabic.css",
    "fira-sans-vazirmatn.css",
]
FIRA_SANS_FACES = [
    ("400", "normal"),
    ("600", "normal"),
    ("400", "italic"),
]
# The letters of Turkish outside fontsource's "latin" subset; the dotless ı
# (U+0131) is in "latin" and comes with every Latin page.
TURKISH_CUT = "ĞğİŞş"
TURKISH_LETTERS = TURKISH_CUT + "ıÇçÖöÜüÂâÎîÛû"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى،؟٠١٢٣"
FARSI_LETTERS = "پچژکگی\u200c۰۱۲۳۴۵۶۷۸۹"


def parse_ranges(value: str) -> list[tuple[int, int]]:
    ranges = []
    for part in value.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def font_faces(name: str) -> list[dict]:
    """The @font-face rules of a built stylesheet, in order."""
    css = (FONT_DIR / name).read_text()
    faces = []
    for body in re.findall(r"@font-face\s*\{([^}]*)\}", css):
        rules = {
            key.strip(): value.strip()
            for key, value in (
                rule.split(":", 1) for rule in body.split(";") if ":" in rule
            )
        }
        faces.append(
            {
                "family": rules["font-family"].strip("'\""),
                "weight": rules["font-weight"],
                "style": rules["font-style"],
                "file": re.search(r"url\(([^)]+)\)", rules["src"]).group(1),
                "ranges": parse_ranges(rules["unicode-range"]),
                "display": rules["font-display"],
            }
        )
    assert faces, f"{name}: no @font-face rules"
    return faces


def covers(face: dict, char: str) -> bool:
    code_point = ord(char)
    return any(first <= code_point <= last for first, last in face["ranges"])


def face_for(faces: list[dict], family: str, weight: str, style: str, char: str):
    """The file a browser fetches for ``char``: of the faces of that family,
    weight and style whose unicode-range covers it, the last one declared
    (CSS Fonts 4, "unicode-range")."""
    matching = [
        face
        for face in faces
        if (face["family"], face["weight"], face["style"]) == (family, weight, style)
        and covers(face, char)
    ]
    return matching[-1]["file"] if matching else None


@pytest.fixture(scope="module", params=STYLESHEETS)
def stylesheet(request):
    if not FONT_DIR.is_dir():
        pytest.fail(f"{FONT_DIR} is missing: run `npm run build` (or `make install`)")
    return request.param


def test_every_font_file_a_stylesheet_names_exists(stylesheet):
    for face in font_faces(stylesheet):
        path = FONT_DIR / face["file"]
        assert path.is_file(), f"{stylesheet} names {face['file']}, not built"
        assert path.read_bytes()[:4] == b"wOF2", f"{path} is not a woff2 file"
        assert face["display"] == "swap"


@pytest.mark.parametrize(("weight", "style"), FIRA_SANS_FACES)
def test_turkish_letters_come_from_a_small_file(stylesheet, weight, style):
    faces = font_faces(stylesheet)
    turkish = f"files/fira-sans-turkish-{weight}-{style}.woff2"
    latin_ext = f"files/fira-sans-latin-ext-{weight}-{style}.woff2"
    latin = f"files/fira-sans-latin-{weight}-{style}.woff2"

    assert (FONT_DIR / turkish).is_file(), f"{turkish} is not built"
    # A few KB, not the 40-50 KB of latin-ext.
    assert (FONT_DIR / turkish).stat().st_size < 6_000
    [turkish_face] = [face for face in faces if face["file"] == turkish]
    [latin_ext_face] = [face for face in faces if face["file"] == latin_ext]
    assert all(covers(turkish_face, char) for char in TURKISH_CUT)
    # latin-ext no longer claims any Turkish letter, so no Turkish page
    # fetches it.
    assert not [char for char in TURKISH_LETTERS if covers(latin_ext_face, char)]
    for char in TURKISH_LETTERS:
        expected = turkish if char in TURKISH_CUT else latin
        found = face_for(faces, "Fira Sans", weight, style, char)
        assert found == expected, f"{char} (U+{ord(char):04X}) -> {found}"
    # Other Latin Extended letters (Polish, Czech names) still have a font.
    for char in "ŁłŘřŐő":
        assert face_for(faces, "Fira Sans", weight, style, char) == latin_ext


def test_no_two_faces_of_a_weight_claim_the_same_code_point(stylesheet):
    claimed: dict[tuple, list[tuple[int, int, str]]] = {}
    for face in font_faces(stylesheet):
        key = (face["family"], face["weight"], face["style"])
        for first, last in face["ranges"]:
            for other_first, other_last, other in claimed.get(key, []):
                assert last < other_first or first > other_last, (
                    f"{face['file']} and {other} both claim "
                    f"U+{max(first, other_first):04X}"
                )
        claimed.setdefault(key, []).extend(
            (first, last, face["file"]) for first, last in face["ranges"]
        )


@pytest.mark.parametrize(
    ("name", "family", "letters"),
    [
        ("fira-sans-noto-sans-arabic.css", "noto-sans-arabic", ARABIC_LETTERS),
        ("fira-sans-vazirmatn.css", "vazirmatn", ARABIC_LETTERS + FARSI_LETTERS),
    ],
)
@pytest.mark.parametrize("weight", ["400", "600"])
def test_arabic_and_farsi_text_comes_from_the_arabic_block_file(
    name, family, letters, weight
):
    faces = font_faces(name)
    css_family = faces[0]["family"]
    core = f"files/{family}-arabic-core-{weight}-normal.woff2"
    for char in letters:
        found = face_for(faces, css_family, weight, "normal", char)
        assert found == core, f"{char} (U+{ord(char):04X}) -> {found}"
    # The rest of fontsource's Arabic subset (Arabic Supplement, presentation
    # forms) is still there, in its own file.
    for char in "\u0750\ufdf2":
        found = face_for(faces, css_family, weight, "normal", char)
        assert found == f"files/{family}-arabic-{weight}-normal.woff2"
    assert (FONT_DIR / core).stat().st_size < 25_000


def test_no_stylesheet_asks_for_a_dropped_opentype_feature():
    """The build keeps only the OpenType features browsers apply by default
    (KEEP_FEATURES in scripts/build-assets.mjs): tabular and proportional
    figures and fractions are gone from the font files. A stylesheet that
    asks for them needs them added to that list."""
    sheets = [
        *sorted((Path(settings.BASE_DIR) / "static").rglob("*.css")),
        Path(settings.BASE_DIR) / "build" / "kern" / "kern.min.css",
    ]
    asking = re.compile(r"font-feature-settings|font-variant-numeric")
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}"
        for path in sheets
        for match in asking.finditer(path.read_text())
    ]
    assert not found, "Turned on by CSS but dropped by the font build: " + str(found)
