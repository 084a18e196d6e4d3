"""Search terms for every content language, the same for what is indexed and
what is asked.

Wagtail's database search backend matches words as its database splits them:
SQLite's FTS5 does not stem at all, PostgreSQL stems with its own
configuration. So that both find the same, every searchable model also
indexes ``search_terms`` as its autocomplete field: its text turned into
normalised keys by ``search_terms_for`` below, with the normalisation of the
object's language. The site search turns the visitor's query into keys the
same way (``site_search.normalise``), for the visitor's language and for
German (German pages stand in for untranslated ones), and asks only that
field (``site_search.index``), where both databases hold the very same keys
(PostgreSQL's autocomplete configuration is "simple": no stemming, no stop
words).

A word's keys are:

- its stem: case folded (Turkish dotted and dotless i kept apart), Arabic
  diacritics (tashkeel) and the tatweel dropped, Arabic letter variants
  unified (أ إ آ ٱ -> ا, ى -> ي, ة -> ه, Persian ی ک and Arabic ي ك),
  German umlauts and ß spelled out (ä -> ae, ß -> ss, so "Strasse" and
  "Straße" meet), other accents of Latin letters dropped, then the Snowball
  stem of the language where Snowball has one (German, English, Turkish,
  Arabic, Persian; Ukrainian has none and is only normalised):
  "Wohnungen" and "Wohnung" -> "wohnung", "Flüchtlinge" -> "fluchtling",
  "اللاجئين" and "لاجئين" -> "لاجء";
- in German, for a long Latin-script word, the stems of its trailing parts, so
  that a compound is found by its last word too ("Wohnungssuche" carries
  "such", "Rathausstraße" carries "strass"). Its first word needs no key of
  its own: the search matches keys by their beginning, and "wohnungssuch"
  begins with "wohnung" and "wohn". Without a dictionary this also finds some
  words inside unrelated ones ("Ende" in "Lehrende"); a German reader expects
  compounds to be found more than such words to be missed;
- in Arabic, also the stems without a leading "و" / "ف" (and) or "ل" (for),
  which Snowball leaves on ("واللاجئين", "للاجئين" -> "لاجء");
- for a hyphenated word, also the word written together ("Deutsch-Kurs" ->
  "deutschkurs").

Stop words are never keys: the German list is PostgreSQL's, so a query
never contains a word that PostgreSQL would drop and SQLite would keep; the
other languages have short lists of their most common words.
It reads no database, so models of every app can use it (``core`` is
imported by all of them).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

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

# Trailing parts of German compounds: only of words this long, parts of at
# least MIN_PART letters after at least MIN_REST letters ("Wohnraum" -> "raum").
MIN_COMPOUND_LENGTH = 7
MIN_PART = 4
MIN_REST = 3
# Longer "words" are codes, hashes or URLs: their stem only.
MAX_COMPOUND_LENGTH = 40
# A key counts at most this often per object (title included); long documents
# would otherwise fill the index with repetitions.
MAX_REPEATS = 5
# How often title keys count, so that a match in the title ranks first.
TITLE_WEIGHT = 3
# PostgreSQL refuses a tsvector over 1 MB; a long document of rare long words
# (a table of codes, a PDF with a broken font) would come near that. Title
# keys come first, so they are always in.
MAX_TERMS_LENGTH = 400_000

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


def _arabic_forms(folded: str) -> list[str]:
    """The word and the word without the conjunction "و"/"ف" or the
    preposition "ل" before the article, which Snowball leaves on."""
    forms = [folded]
    if folded[:1] in ("و", "ف") and len(folded) > 4:
        forms.append(folded[1:])
    forms += [form[1:] for form in forms if form.startswith("لل") and len(form) > 4]
    return forms


def word_stems(folded: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The stems of one folded word: one, in Arabic also those of the word
    without a leading conjunction or preposition, in Turkish also the stem
    without the possessive vowel Snowball leaves on ("kursu" -> "kurs")."""
    if language == "ar":
        return [stem(form, language) for form in _arabic_forms(folded)]
    stems = [stem(folded, language)]
    if language == "tr" and len(folded) > 4 and folded[-1] in "ıiuü":
        stems.append(stem(folded[:-1], language))
    return stems


@lru_cache(maxsize=100_000)
def part_keys(folded: str, language: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """Keys of one folded word without hyphens: its stem and, for a long
    Latin-script German word, the stems of its trailing parts (Arabic: the
    stems without a leading conjunction or preposition)."""
    keys = word_stems(folded, language)
    length = len(folded)
    if (
        language == "de"
        and MIN_COMPOUND_LENGTH <= length <= MAX_COMPOUND_LENGTH
        and folded.isascii()
        and folded.isalpha()
    ):
        keys += [
            stem(folded[start:]) for start in range(MIN_REST, length - MIN_PART + 1)
        ]
    return tuple(key for key in dict.fromkeys(keys) if is_key(key, language))


@lru_cache(maxsize=100_000)
def word_keys(word: str, language: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """Every key of a word as it appears in a text (it may be hyphenated)."""
    parts = [fold(part, language) for part in PART.findall(word)]
    keys = []
    for part in parts:
        keys += part_keys(part, language)
    if len(parts) > 1:
        keys += part_keys("".join(parts), language)
    return tuple(dict.fromkeys(keys))


def text_keys(text: str, language: str = DEFAULT_LANGUAGE) -> Iterable[str]:
    for match in WORD.finditer(text):
        yield from word_keys(match.group(), language)


def search_terms_for(
    *, title: str = "", texts: Iterable[str] = (), language: str | None = None
) -> str:
    """The normalised terms an object is indexed with (space-separated keys),
    in the normalisation of its language (a locale's language code)."""
    language = search_language(language)
    counts: Counter[str] = Counter()
    terms = []
    length = 0

    def add(keys: Iterable[str]) -> bool:
        nonlocal length
        for key in keys:
            if counts[key] < MAX_REPEATS:
                length += len(key) + 1
                if length > MAX_TERMS_LENGTH:
                    return False
                counts[key] += 1
                terms.append(key)
        return True

    title_keys = list(text_keys(title, language))
    for _repeat in range(TITLE_WEIGHT):
        add(title_keys)
    for text in texts:
        if not add(text_keys(text, language)):
            break
    return " ".join(terms)


def _flatten(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = value.values()
    if isinstance(value, Iterable):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


def block_texts(block, value) -> list[str]:
    """The text of a block from its raw (stored) value, without database access.

    Wagtail's ``get_searchable_content`` converts every block to Python first,
    which loads chosen snippets and pages: one query per block type and page
    in a list of results. Text, rich text and the text inside structures,
    lists and streams is all the search needs.
    """
    if value in (None, "", [], {}):
        return []
    if isinstance(block, blocks.RichTextBlock):
        return [get_text_for_indexing(str(value))]
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [str(value)]
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_texts(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock) and isinstance(value, list):
        return [
            text
            for item in value
            for text in block_texts(
                block.child_block,
                item.get("value") if isinstance(item, dict) and "id" in item else item,
            )
        ]
    if isinstance(block, blocks.StreamBlock) and isinstance(value, list):
        return [
            text
            for item in value
            if isinstance(item, dict) and item.get("type") in block.child_blocks
            for text in block_texts(block.child_blocks[item["type"]], item.get("value"))
        ]
    return []


def _field_texts(obj, search_field) -> list[str]:
    try:
        model_field = search_field.get_field(type(obj))
    except FieldDoesNotExist:
        model_field = None
    if isinstance(model_field, StreamField):
        stream = getattr(obj, model_field.attname)
        return block_texts(model_field.stream_block, list(stream.raw_data))
    return _flatten(search_field.get_value(obj))


def searchable_texts(obj, *, skip: Iterable[str] = ("title", "search_terms")) -> list:
    """The plain text of an object's ``SearchField``s, in their order.

    Rich text and stream fields give their text without markup. Used both for
    ``search_terms`` and for result excerpts.
    """
    skipped = set(skip)
    texts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name not in skipped:
            texts += [text for text in _field_texts(obj, field) if text]
    return texts
