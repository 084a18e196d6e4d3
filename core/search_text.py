"""German-aware search terms, the same for what is indexed and what is asked.

Wagtail's database search backend matches words as its database splits them:
SQLite's FTS5 does not stem at all, PostgreSQL stems with its own
configuration. So that both find the same, every searchable model also
indexes ``search_terms`` as its autocomplete field: its text turned into
normalised keys by ``search_terms_for`` below. The site search turns the
visitor's query into keys the same way (``site_search.normalise``) and asks
only that field (``site_search.index``), where both databases hold the very
same keys (PostgreSQL's autocomplete configuration is "simple": no stemming,
no stop words).

A word's keys are:

- its stem: case folded, umlauts and ß spelled out (ä -> ae, ß -> ss, so
  "Strasse" and "Straße" meet), accents dropped, then the German Snowball
  stem ("Wohnungen" and "Wohnung" -> "wohnung", "Flüchtlinge" -> "fluchtling");
- for a long Latin-script word, the stems of its trailing parts, so that a
  compound is found by its last word too ("Wohnungssuche" carries "such",
  "Rathausstraße" carries "strass"). Its first word needs no key of its own:
  the search matches keys by their beginning, and "wohnungssuch" begins with
  "wohnung" and "wohn". Without a dictionary this also finds some words
  inside unrelated ones ("Ende" in "Lehrende"); a German reader expects
  compounds to be found more than such words to be missed;
- for a hyphenated word, also the word written together ("Deutsch-Kurs" ->
  "deutschkurs").

Stop words are never keys: the list is PostgreSQL's German one, so a query
never contains a word that PostgreSQL would drop and SQLite would keep.
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

# A word: letters and digits, hyphenated parts kept together ("Check-Up").
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
PART = re.compile(r"[^\W_]+")
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})

# Trailing parts of compounds: only of words this long, parts of at least
# MIN_PART letters after at least MIN_REST letters ("Wohnraum" -> "raum").
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

# PostgreSQL's (Snowball's) German stop words, plus today's "dass".
_STOP_WORDS_TEXT = """
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
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_local = threading.local()


def _stemmer():
    # Snowball stemmers keep state while they work: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("german")
    return stemmer


def fold(word: str) -> str:
    """Lower case, umlauts and ß spelled out, other accents dropped."""
    word = word.casefold().translate(GERMAN_LETTERS)
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFKC", bare)


@lru_cache(maxsize=200_000)
def stem(folded: str) -> str:
    """German Snowball stem of a folded word, stemmed until it stays the same.

    Snowball removes one suffix per run ("Sprachkurse" -> "sprachkurs",
    "Sprachkurs" -> "sprachkur"); running it again lets both forms meet.
    """
    current = folded
    for _attempt in range(3):
        stemmed = _stemmer().stemWord(current)
        if stemmed == current:
            break
        current = stemmed
    return current


def is_key(key: str) -> bool:
    """Long enough to search for (or a number), and no stop word."""
    return (len(key) >= 2 or key.isdigit()) and key not in STOP_KEYS


STOP_KEYS = frozenset(
    {fold(word) for word in STOP_WORDS} | {stem(fold(word)) for word in STOP_WORDS}
)


def is_stop_word(word: str) -> bool:
    folded = fold(word)
    return folded in STOP_KEYS or stem(folded) in STOP_KEYS


@lru_cache(maxsize=100_000)
def part_keys(folded: str) -> tuple[str, ...]:
    """Keys of one folded word without hyphens: its stem and, for a long
    Latin-script word, the stems of its trailing parts."""
    keys = [stem(folded)]
    length = len(folded)
    if (
        MIN_COMPOUND_LENGTH <= length <= MAX_COMPOUND_LENGTH
        and folded.isascii()
        and folded.isalpha()
    ):
        keys += [
            stem(folded[start:]) for start in range(MIN_REST, length - MIN_PART + 1)
        ]
    return tuple(key for key in dict.fromkeys(keys) if is_key(key))


@lru_cache(maxsize=100_000)
def word_keys(word: str) -> tuple[str, ...]:
    """Every key of a word as it appears in a text (it may be hyphenated)."""
    parts = [fold(part) for part in PART.findall(word)]
    keys = []
    for part in parts:
        keys += part_keys(part)
    if len(parts) > 1:
        keys += part_keys("".join(parts))
    return tuple(dict.fromkeys(keys))


def text_keys(text: str) -> Iterable[str]:
    for match in WORD.finditer(text):
        yield from word_keys(match.group())


def search_terms_for(*, title: str = "", texts: Iterable[str] = ()) -> str:
    """The normalised terms an object is indexed with (space-separated keys)."""
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

    title_keys = list(text_keys(title))
    for _repeat in range(TITLE_WEIGHT):
        add(title_keys)
    for text in texts:
        if not add(text_keys(text)):
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
