"""How the site search spells one word, the same for what is indexed and what
is asked; ``core.search_text`` builds the index keys from these spellings.

- ``fold``: the word case folded (Turkish dotted and dotless i kept apart),
  Arabic diacritics (tashkeel) and the tatweel dropped, Arabic letter variants
  unified (أ إ آ ٱ -> ا, ى -> ي, ة -> ه, Persian ی ک and Arabic ي ك), German
  umlauts and ß spelled out (ä -> ae, ö -> oe, ß -> ss, so "Strasse" and
  "Straße" meet), other accents of Latin letters dropped. The list filters
  (``core.listing.folded_matches``) compare text folded the same way, so that
  "Boerse" finds "Börse" there as in the search;
- ``stem``: the Snowball stem of a folded word in the language where Snowball
  has one (German, English, Turkish, Arabic, Persian; Ukrainian has none and
  is only normalised): "Wohnungen" and "Wohnung" -> "wohnung", "Flüchtlinge"
  -> "fluchtling", "اللاجئين" and "لاجئين" -> "لاجء";
- ``word_form``: the spelling of the vocabulary that suggestions come from;
- stop words (``is_stop_word``, ``is_key``): never keys. The German list is
  PostgreSQL's, so a query never contains a word that PostgreSQL would drop
  and SQLite would keep; the other languages have short lists of their most
  common words.

``WORD`` and ``PART`` say what a word is. The module reads no database and
imports no Django, so models of every app can use it.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Marks that belong inside a word: combining accents, Arabic diacritics
# (tashkeel, Quranic marks), the tatweel and the zero-width (non-)joiner
# Persian writes between a word and its suffix ("کمک‌های").
MARKS = "\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
_PART = rf"[^\W_](?:[^\W_]|[{MARKS}])*"
# A word: letters and digits (with their marks), hyphenated parts kept together.
WORD = re.compile(rf"{_PART}(?:-{_PART})*")
PART = re.compile(_PART)
_MARK = re.compile(f"[{MARKS}]")
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
# Arabic-script letter variants, as Arabic writes them ...
ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ی": "ي",
        "ک": "ك",
    }
)
# ... and as Persian writes them (its stemmer knows only these).
PERSIAN_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ی", "ي": "ی", "ك": "ک", "ة": "ه"}
)
TURKISH_CAPITALS = str.maketrans({"I": "ı", "İ": "i"})
# Keys are compared in one spelling, whatever the language's own.
CANONICAL_LETTERS = str.maketrans({"ی": "ي", "ک": "ك", "ı": "i"})

DEFAULT_LANGUAGE = "de"
# PostgreSQL's (Snowball's) German stop words, plus today's "dass".
_GERMAN_STOP_WORDS = """
    aber alle allem allen aller alles als also am an ander andere anderem anderen
    anderer anderes anderm andern anderr anders auch auf aus bei bin bis bist da
    damit dann der den des dem die das daß dass derselbe derselben denselben
    desselben demselben dieselbe dieselben dasselbe dazu dein deine deinem deinen
    deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser
    dieses doch dort durch ein eine einem einen einer eines einig einige einigem
    einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem euren eurer
    eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich
    mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem
    jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem
    keinen keiner keines können könnte machen man manche manchem manchen mancher
    manches mein meine meinem meinen meiner meines mit muss musste nach nicht
    nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines
    selbst sich sie ihnen sind so solche solchem solchen solcher solches soll
    sollte sondern sonst über um und uns unse unsem unsen unser unses unter viel
    vom von vor während war waren warst was weg weil weiter welche welchem welchen
    welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen
    wollte würde würden zu zum zur zwar zwischen
"""
# The most common words of the other languages (short lists: a word missing
# here is only a key that matches too much).
_STOP_WORDS_TEXT = {
    "de": _GERMAN_STOP_WORDS,
    "en": """
        a about an and are as at be been but by can do for from has have he her
        his how i if in into is it its me my no not of on or our she so than that
        the their them then there these they this to too was we were what when
        where which who will with you your
    """,
    "ar": """
        في من على الى إلى عن مع او أو ثم هذا هذه ذلك تلك التي الذي الذين ان أن إن
        كان كانت لا ما لم لن هل قد كل بعض عند بين هو هي هم نحن انت أنت و ف ب ل ك يا
    """,
    "fa": """
        و در به از که این آن با برای را تا یا هم نیز است هست بود شد می ها های
        یک هر اما اگر چه ما شما او آنها
    """,
    "tr": """
        ve ile bir bu şu o da de için gibi daha çok ne mi mı mu mü ama veya ya
        her hem en kadar sonra önce olan olarak
    """,
    "uk": """
        і й та а але в у на з із зі до за від по про для що як це не чи або ж же
        ми ви він вона воно вони я ти його її їх
    """,
}
# Snowball's stemmer of each language (snowballstemmer.algorithms()).
STEMMERS = {
    "de": "german",
    "en": "english",
    "tr": "turkish",
    "ar": "arabic",
    "fa": "persian",
}

_local = threading.local()


def search_language(language_code: str | None) -> str:
    """The language whose normalisation a locale's text gets: Leichte Sprache
    ("de-x-ls") and regional variants are German, "en-GB" English, ..."""
    if not language_code:
        return DEFAULT_LANGUAGE
    return language_code.lower().replace("_", "-").split("-")[0]


def _stemmer(language: str):
    # Snowball stemmers keep state while they work: one per thread.
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMERS[language])
    return stemmers[language]


def _drop_accents(word: str) -> str:
    """Accents of Latin letters dropped ("café" -> "cafe"); Cyrillic letters
    keep theirs (й is no и)."""
    kept = []
    for char in unicodedata.normalize("NFD", word):
        if (
            "\u0300" <= char <= "\u036f"
            and kept
            and not "\u0400" <= kept[-1] <= "\u04ff"
        ):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _letters(word: str, language: str) -> str:
    """Compatibility forms composed, marks dropped, lower case (ß kept),
    Arabic-script letters in the language's spelling."""
    word = _MARK.sub("", unicodedata.normalize("NFKC", word))
    if language == "tr":
        return word.translate(TURKISH_CAPITALS).lower()
    if language == "fa":
        return word.translate(PERSIAN_LETTERS).lower()
    return word.translate(ARABIC_LETTERS).lower()


def fold(word: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The word as its language's stemmer reads it: lower case, Arabic letter
    variants unified, German umlauts and ß spelled out, accents of Latin
    letters dropped (Turkish keeps its letters for its stemmer)."""
    word = _letters(word, language)
    if language != "tr":
        word = word.casefold()
    if language == "de":
        word = word.translate(GERMAN_LETTERS)
    if language != "tr":
        word = _drop_accents(word)
    return word


@lru_cache(maxsize=200_000)
def stem(folded: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Snowball stem of a folded word, stemmed until it stays the same, in the
    spelling keys share across languages.

    Snowball removes one suffix per run ("Sprachkurse" -> "sprachkurs",
    "Sprachkurs" -> "sprachkur"; "تبرعات" -> "تبرعا" -> "تبرع"); running it
    again lets both forms meet.
    """
    current = folded
    if language in STEMMERS:
        for _attempt in range(3):
            stemmed = _stemmer(language).stemWord(current)
            if stemmed == current:
                break
            current = stemmed
    if language == "tr":
        current = _drop_accents(current)
    return current.translate(CANONICAL_LETTERS)


def word_form(word: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A word as the vocabulary spells it (``site_search.vocabulary``): lower
    case, marks dropped, Arabic-script letters in the language's spelling;
    umlauts and accents kept, so that a suggestion reads well."""
    return _letters(word, language)


@lru_cache(maxsize=16)
def stop_keys(language: str) -> frozenset[str]:
    words = _STOP_WORDS_TEXT.get(language, "").split()
    return frozenset(
        {fold(word, language) for word in words}
        | {stem(fold(word, language), language) for word in words}
    )


STOP_WORDS = frozenset(_GERMAN_STOP_WORDS.split())


def is_key(key: str, language: str = DEFAULT_LANGUAGE) -> bool:
    """Long enough to search for (or a number), and no stop word."""
    return (len(key) >= 2 or key.isdigit()) and key not in stop_keys(language)


def is_stop_word(word: str, language: str = DEFAULT_LANGUAGE) -> bool:
    folded = fold(word, language)
    keys = stop_keys(language)
    return folded in keys or stem(folded, language) in keys
