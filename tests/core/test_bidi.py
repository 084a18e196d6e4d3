"""Latin words inside Arabic and Farsi text are isolated (core.bidi)."""

from django.conf import settings

import polib
import pytest

from core.bidi import FSI, PDI, isolate_latin_runs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "اللغة الألمانية المبسطة (Leichte Sprache)",
            f"اللغة الألمانية المبسطة ({FSI}Leichte\u00a0Sprache{PDI})",
        ),
        # The full stop stays in the Arabic sentence.
        ("مرحبا في Flensburg.", f"مرحبا في {FSI}Flensburg{PDI}."),
        # Placeholders and tags are never touched.
        (
            "<b>Jobcenter</b> في %(name)s",
            f"<b>{FSI}Jobcenter{PDI}</b> في %(name)s",
        ),
        ("BITV 2.0 وفق", f"{FSI}BITV\u00a02.0{PDI} وفق"),
        # A long name may wrap.
        (
            "مكتب Landesamt für Ausländerangelegenheiten",
            f"مكتب {FSI}Landesamt für Ausländerangelegenheiten{PDI}",
        ),
        ("Only Latin text", "Only Latin text"),
    ],
)
def test_latin_runs_in_right_to_left_text_are_isolated(text, expected):
    assert isolate_latin_runs(text) == expected
    assert isolate_latin_runs(expected) == expected


CATALOGUES = [
    *(
        settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"
        for code in ("ar", "fa")
    ),
    *(
        settings.BASE_DIR / "demo" / "translations" / f"{code}.po"
        for code in ("ar", "fa")
    ),
]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_right_to_left_catalogues_isolate_their_latin_words(path):
    not_isolated = []
    for entry in polib.pofile(str(path)):
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        not_isolated += [text for text in texts if isolate_latin_runs(text) != text]
    assert not not_isolated, (
        f"{len(not_isolated)} translations in {path} hold Latin words without "
        "isolation; run scripts/isolate_bidi.py. First: " + not_isolated[0]
    )
