"""The visitor's query, cleaned and turned into the keys the index holds.

Nothing the visitor types reaches the full-text query as syntax: quotes,
``*``, ``-``, ``OR``, NUL bytes and broken UTF-8 are just characters here.
The query is cut to ``MAX_QUERY_LENGTH`` characters and ``MAX_QUERY_WORDS``
words, stop words are left out, and each remaining word becomes a term whose
variants are the keys ``core.search_text`` gives indexed words, in the
visitor's language and in German (a German page stands in for an
untranslated one, so German words find it from every language). Every term
must match (AND); any variant of a term may (OR). The search asks the
autocomplete field, so a variant also matches keys that begin with it
("Wohnung" finds "Wohnungssuche", "Wohnungss" too), except a short one or a
number, which must match a whole key ("Kurs", stem "kur", does not find
"kurz"; "7" does not find "70").

A German compound the index does not hold as a whole ("Deutschkurs") may
be asked again by its parts (``with_compound_parts``): its beginning and its
last word ("deutsch…" and "kurs"), each anywhere in the object.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from core.search_text import MAX_COMPOUND_LENGTH, MIN_PART, word_stems
from core.search_words import (
    DEFAULT_LANGUAGE,
    PART,
    WORD,
    fold,
    is_key,
    is_stop_word,
    search_language,
    stem,
)

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
# "Wohnung" also finds "Wohnen", "Wohnraum": the word family without "-ung".
DERIVATION_SUFFIX = "ung"
MIN_ROOT_LENGTH = 4
# Shorter keys (and numbers) match whole keys only, not their beginning.
MIN_PREFIX_LENGTH = 4
# A compound is split into a beginning of at least MIN_HEAD letters and a
# last word of at least MIN_PART letters.
MIN_HEAD = 4


def is_prefix(key: str) -> bool:
    """Whether a query key also matches keys that begin with it."""
    return len(key) >= MIN_PREFIX_LENGTH and not key.isdigit()


def key_matches(indexed: str, key: str) -> bool:
    """How the search compares an indexed key with a query key."""
    return indexed.startswith(key) if is_prefix(key) else indexed == key


@dataclass(frozen=True)
class Term:
    """One word of the query and the index keys that count as a match: any
    variant, or both keys of one of its compound parts (beginning, last word)."""

    word: str
    variants: tuple[str, ...]
    parts: tuple[tuple[str, str], ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return (*self.variants, *(key for pair in self.parts for key in pair))


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # what is searched for, as the visitor typed it (cleaned, cut)
    terms: tuple[Term, ...] = ()
    ignored: tuple[str, ...] = ()  # stop words that were left out
    truncated: bool = False
    language: str = DEFAULT_LANGUAGE  # the visitor's (search_language)

    @property
    def is_blank(self) -> bool:
        return not self.text

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(key for term in self.terms for key in term.keys)

    @property
    def languages(self) -> tuple[str, ...]:
        """The visitor's language and German, whose keys the query asks."""
        return tuple(dict.fromkeys((self.language, DEFAULT_LANGUAGE)))


@dataclass
class _Collected:
    terms: list[Term] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    seen: set[tuple[str, ...]] = field(default_factory=set)


def clean_query(raw: str) -> tuple[str, bool]:
    """The query cut to MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words,
    without control characters (NUL, ...) or replacement characters (what
    invalid UTF-8 became); True as second value if something was cut off.
    The zero-width non-joiner inside Persian words is kept."""
    raw = raw.strip()
    truncated = len(raw) > MAX_QUERY_LENGTH
    text = "".join(
        " "
        if char != "\u200c"
        and (unicodedata.category(char)[0] in "CZ" or char == "\ufffd")
        else char
        for char in raw[:MAX_QUERY_LENGTH]
    )
    words = text.split()
    if len(words) > MAX_QUERY_WORDS:
        truncated = True
        words = words[:MAX_QUERY_WORDS]
    return " ".join(words), truncated


def term_variants(part: str, language: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """Keys that match one word of a query (a word without hyphens), in the
    visitor's language and in German."""
    variants = []
    for key_language in dict.fromkeys((search_language(language), DEFAULT_LANGUAGE)):
        for stemmed in word_stems(fold(part, key_language), key_language):
            keys = [stemmed]
            root = stemmed.removesuffix(DERIVATION_SUFFIX)
            if (
                key_language == "de"
                and root != stemmed
                and len(root) >= MIN_ROOT_LENGTH
            ):
                keys.append(root)
            variants += [key for key in keys if is_key(key, key_language)]
    return tuple(dict.fromkeys(variants))


def compound_parts(part: str) -> tuple[tuple[str, str], ...]:
    """The (beginning, last word) keys of a German compound, at every place
    it could be split ("deutschkurs": ("deutsch", "kur"), ("deut", "schkur"), …)."""
    folded = fold(part)
    length = len(folded)
    if not (
        MIN_HEAD + MIN_PART <= length <= MAX_COMPOUND_LENGTH
        and folded.isascii()
        and folded.isalpha()
    ):
        return ()
    pairs = []
    for split in range(MIN_HEAD, length - MIN_PART + 1):
        head, tail = stem(folded[:split]), stem(folded[split:])
        if is_prefix(head) and is_key(head) and is_key(tail):
            pairs.append((head, tail))
    return tuple(dict.fromkeys(pairs))


def with_compound_parts(query: ParsedQuery) -> ParsedQuery | None:
    """The query with its German compounds also asked by their parts, or
    None if it has none."""
    terms = tuple(
        replace(term, parts=compound_parts(term.word)) for term in query.terms
    )
    if terms == query.terms:
        return None
    return replace(query, terms=terms)


def parse_query(raw: str, language: str = DEFAULT_LANGUAGE) -> ParsedQuery:
    """The query of a visitor who reads ``language`` (a locale's code)."""
    language = search_language(language)
    languages = tuple(dict.fromkeys((language, DEFAULT_LANGUAGE)))
    text, truncated = clean_query(raw)
    collected = _Collected()
    for match in WORD.finditer(text):
        for part in PART.findall(match.group()):
            if any(is_stop_word(part, each) for each in languages):
                collected.ignored.append(part)
                continue
            variants = term_variants(part, language)
            if not variants or variants in collected.seen:
                continue
            collected.seen.add(variants)
            collected.terms.append(Term(word=part, variants=variants))
    return ParsedQuery(
        text=text,
        terms=tuple(collected.terms),
        ignored=tuple(dict.fromkeys(collected.ignored)),
        truncated=truncated,
        language=language,
    )
