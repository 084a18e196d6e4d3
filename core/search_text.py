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

This module builds the keys and reads the text of objects; how one word is
folded and stemmed, and which words are stop words, is
``core.search_words``. A word's keys are:

- its stem: the word folded (case, marks, letter variants, umlauts and ß
  spelled out, accents), then Snowball-stemmed in its language
  (``search_words.fold``, ``search_words.stem``): "Wohnungen" and "Wohnung"
  -> "wohnung", "Flüchtlinge" -> "fluchtling";
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

Stop words are never keys (``search_words.is_key``).
It reads no database, so models of every app can use it (``core`` is
imported by all of them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from .search_words import (
    DEFAULT_LANGUAGE,
    PART,
    WORD,
    fold,
    is_key,
    search_language,
    stem,
)

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
