"""Isolate the Latin words in the Arabic and Farsi translation catalogues.

Usage: .venv/bin/python scripts/isolate_bidi.py
Rewrites locale/{ar,fa}/LC_MESSAGES/django.po and the demo's
demo/translations/{ar,fa}.po in place (see core.bidi); run
compilemessages afterwards. tests/core/test_bidi.py fails while a
translation is not isolated.
"""

import sys
from pathlib import Path

import polib

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from core.bidi import isolate_latin_runs  # noqa: E402

CATALOGUES = [
    BASE / "locale" / "ar" / "LC_MESSAGES" / "django.po",
    BASE / "locale" / "fa" / "LC_MESSAGES" / "django.po",
    BASE / "demo" / "translations" / "ar.po",
    BASE / "demo" / "translations" / "fa.po",
]


def main() -> None:
    for path in CATALOGUES:
        catalogue = polib.pofile(str(path), wrapwidth=79)
        changed = 0
        for entry in catalogue:
            isolated = isolate_latin_runs(entry.msgstr)
            if isolated != entry.msgstr:
                entry.msgstr, changed = isolated, changed + 1
            for key, text in entry.msgstr_plural.items():
                isolated = isolate_latin_runs(text)
                if isolated != text:
                    entry.msgstr_plural[key], changed = isolated, changed + 1
        catalogue.save()
        print(f"{path.relative_to(BASE)}: {changed} translations isolated")


if __name__ == "__main__":
    main()
