"""The vocabulary of the search index, and the word in it closest to a typo.

Every word of the indexed texts is kept once per language
(``VocabularyWord``, spelled by ``core.search_text.word_form``), added by
the search backend whenever it indexes an object (``site_search.backend``).

How close two words are is pg_trgm's similarity: the trigrams of each word
padded with two spaces in front and one behind ("wohnung": "  w", " wo",
"woh", …, "ng "), shared trigrams divided by all different ones ("Wonung" and
"Wohnung": 5 / 10). On PostgreSQL with the ``pg_trgm`` extension its trigram
index finds the candidates; elsewhere (SQLite) the vocabulary is kept in
memory with an index of its trigrams, reloaded when it has changed. Either
way the candidates are scored here in Python, by the same function, so both
databases suggest the same word.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.db.models import Count, Max

from wagtail.models import Locale

from core.search_text import MIN_PART, searchable_texts
from core.search_words import PART, is_stop_word, search_language, word_form

from .models import VocabularyWord

# Words this short are not worth a suggestion; longer ones are codes or junk.
MIN_WORD_LENGTH = 3
MAX_WORD_LENGTH = 30
# Suggest a word at least this similar (pg_trgm's own default is 0.3).
MIN_SIMILARITY = 0.4
# Candidates PostgreSQL's trigram index returns for scoring.
MAX_CANDIDATES = 50
BATCH_SIZE = 2000


# --- similarity, as pg_trgm computes it -----------------------------------


def trigrams(word: str) -> frozenset[str]:
    padded = f"  {word} "
    return frozenset(padded[start : start + 3] for start in range(len(padded) - 2))


def similarity(first: str, second: str) -> float:
    first_trigrams, second_trigrams = trigrams(first), trigrams(second)
    shared = len(first_trigrams & second_trigrams)
    return shared / (len(first_trigrams) + len(second_trigrams) - shared)


# --- filling the vocabulary -------------------------------------------------


@lru_cache(maxsize=100_000)
def vocabulary_form(word: str, language: str) -> str:
    """The word as the vocabulary keeps it, or "" if it keeps no such word."""
    form = word_form(word, language)
    if (
        MIN_WORD_LENGTH <= len(form) <= MAX_WORD_LENGTH
        and form.isalpha()
        and not is_stop_word(word, language)
    ):
        return form
    return ""


def text_words(text: str, language: str) -> set[str]:
    words = {vocabulary_form(match.group(), language) for match in PART.finditer(text)}
    words.discard("")
    return words


def _shown(obj) -> bool:
    """Objects the site search shows: those with search terms, live ones."""
    return (
        hasattr(type(obj), "search_terms") and getattr(obj, "live", True) is not False
    )


def vocabulary_add(objects: Iterable) -> None:
    """Add the words of these indexed objects (title and searchable text) in
    their language (German for objects without a locale)."""
    objects = [obj for obj in objects if _shown(obj)]
    if not objects:
        return
    locale_ids = {getattr(obj, "locale_id", None) for obj in objects} - {None}
    languages = {
        locale.pk: search_language(locale.language_code)
        for locale in Locale.objects.filter(pk__in=locale_ids)
    }
    rows = set()
    for obj in objects:
        language = languages.get(getattr(obj, "locale_id", None), "de")
        texts = [str(getattr(obj, "title", "")), *searchable_texts(obj)]
        rows |= {
            (language, word) for text in texts for word in text_words(text, language)
        }
    VocabularyWord.objects.bulk_create(
        [VocabularyWord(language=language, word=word) for language, word in rows],
        ignore_conflicts=True,
        batch_size=BATCH_SIZE,
    )


# --- finding the closest word ---------------------------------------------


def _is_part(word: str, form: str) -> bool:
    """Whether ``word`` begins or ends the typed word, which has another word
    besides: "Deutschkurs" is a compound of "Deutsch", no typo of it
    ("Hilfee" is one of "Hilfe")."""
    return len(form) - len(word) >= MIN_PART and (
        form.startswith(word) or form.endswith(word)
    )


def _best(form: str, candidates: Iterable[str]) -> tuple[float, str] | None:
    """The most similar candidate: most similar first, then closest in
    length, then in alphabetical order (so that both databases agree)."""
    scored = [
        (similarity(form, word), word)
        for word in set(candidates)
        if word == form
        or (similarity(form, word) >= MIN_SIMILARITY and not _is_part(word, form))
    ]
    if not scored:
        return None
    return min(
        scored, key=lambda item: (-item[0], abs(len(item[1]) - len(form)), item[1])
    )


@dataclass
class _WordIndex:
    """The vocabulary of one language in memory, with an index of its trigrams."""

    words: list[str] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    sizes: list[int] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, words: Iterable[str]) -> _WordIndex:
        index = cls()
        for position, word in enumerate(sorted(words)):
            grams = trigrams(word)
            index.words.append(word)
            index.sizes.append(len(grams))
            for gram in grams:
                index.postings[gram].append(position)
        index.known = set(index.words)
        return index

    def candidates(self, form: str) -> list[str]:
        if form in self.known:
            return [form]
        grams = trigrams(form)
        shared = Counter()
        for gram in grams:
            shared.update(self.postings.get(gram, ()))
        return [
            self.words[position]
            for position, count in shared.items()
            if count / (len(grams) + self.sizes[position] - count) >= MIN_SIMILARITY
        ]


_memory: dict[tuple[str, str], tuple[tuple, _WordIndex]] = {}
_memory_lock = threading.Lock()
# Whether a PostgreSQL database has pg_trgm, by database name.
_trigram_databases: dict[str, bool] = {}


def clear_memory() -> None:
    with _memory_lock:
        _memory.clear()
        _trigram_databases.clear()


def _memory_candidates(form: str, languages: tuple[str, ...]) -> list[str]:
    # Words are only ever added, with growing ids: the vocabulary has
    # changed when its highest id or its size has.
    version = tuple(
        VocabularyWord.objects.aggregate(last=Max("id"), count=Count("id")).values()
    )
    found = []
    for language in languages:
        key = (connection.alias, language)
        with _memory_lock:
            kept = _memory.get(key)
        if kept is None or kept[0] != version:
            words = VocabularyWord.objects.filter(language=language).values_list(
                "word", flat=True
            )
            kept = (version, _WordIndex.build(words))
            with _memory_lock:
                _memory[key] = kept
        found += kept[1].candidates(form)
    return found


_TRIGRAM_SQL = (
    "SELECT word FROM site_search_vocabularyword "
    "WHERE language = ANY(%s) AND word %% %s "
    "ORDER BY similarity(word, %s) DESC LIMIT %s"
)


def _has_trigram_index() -> bool:
    if connection.vendor != "postgresql":
        return False
    name = connection.settings_dict["NAME"]
    if name not in _trigram_databases:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            _trigram_databases[name] = cursor.fetchone() is not None
    return _trigram_databases[name]


def _trigram_candidates(form: str, languages: tuple[str, ...]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(_TRIGRAM_SQL, [list(languages), form, form, MAX_CANDIDATES])
        return [row[0] for row in cursor.fetchall()]


def vocabulary_correction(word: str, languages: Iterable[str]) -> str | None:
    """The vocabulary's word closest to ``word`` in these languages (as the
    vocabulary spells it), or None if it knows the word or none is close."""
    by_form: dict[str, list[str]] = defaultdict(list)
    for language in dict.fromkeys(languages):
        form = vocabulary_form(word, language)
        if form:
            by_form[form].append(language)
    candidates = _trigram_candidates if _has_trigram_index() else _memory_candidates
    best = None
    for form, form_languages in by_form.items():
        found = _best(form, candidates(form, tuple(form_languages)))
        if found is not None and found[1] == form:
            return None
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return best[1] if best else None
