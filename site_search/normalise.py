"""The visitor's query, cleaned and turned into the keys the index holds.

Nothing the visitor types reaches the full-text query as syntax: quotes,
``*``, ``-``, ``OR``, NUL bytes and broken UTF-8 are just characters here.
The query is cut to ``MAX_QUERY_LENGTH`` characters and ``MAX_QUERY_WORDS``
words, stop words are left out, and each remaining word becomes a term whose
variants are the keys ``core.search_text`` gives indexed words. Every term
must match (AND); any variant of a term may (OR). The search asks the
autocomplete field, so a variant also matches keys that begin with it
("Wohnung" finds "Wohnungssuche", "Wohnungss" too), except a short one or a
number, which must match a whole key ("Kurs", stem "kur", does not find
"kurz"; "7" does not find "70").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from core.search_text import PART, WORD, fold, is_key, is_stop_word, stem

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
# "Wohnung" also finds "Wohnen", "Wohnraum": the word family without "-ung".
DERIVATION_SUFFIX = "ung"
MIN_ROOT_LENGTH = 4
# Shorter keys (and numbers) match whole keys only, not their beginning.
MIN_PREFIX_LENGTH = 4


def is_prefix(key: str) -> bool:
    """Whether a query key also matches keys that begin with it."""
    return len(key) >= MIN_PREFIX_LENGTH and not key.isdigit()


def key_matches(indexed: str, key: str) -> bool:
    """How the search compares an indexed key with a query key."""
    return indexed.startswith(key) if is_prefix(key) else indexed == key


@dataclass(frozen=True)
class Term:
    """One word of the query and the index keys that count as a match."""

    word: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # what is searched for, as the visitor typed it (cleaned, cut)
    terms: tuple[Term, ...] = ()
    ignored: tuple[str, ...] = ()  # stop words that were left out
    truncated: bool = False

    @property
    def is_blank(self) -> bool:
        return not self.text

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(key for term in self.terms for key in term.variants)


@dataclass
class _Collected:
    terms: list[Term] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    seen: set[tuple[str, ...]] = field(default_factory=set)


def clean_query(raw: str) -> tuple[str, bool]:
    """The query cut to MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words,
    without control characters (NUL, ...) or replacement characters (what
    invalid UTF-8 became); True as second value if something was cut off."""
    raw = raw.strip()
    truncated = len(raw) > MAX_QUERY_LENGTH
    text = "".join(
        " " if unicodedata.category(char)[0] in "CZ" or char == "\ufffd" else char
        for char in raw[:MAX_QUERY_LENGTH]
    )
    words = text.split()
    if len(words) > MAX_QUERY_WORDS:
        truncated = True
        words = words[:MAX_QUERY_WORDS]
    return " ".join(words), truncated


def term_variants(part: str) -> tuple[str, ...]:
    """Keys that match one word of a query (a word without hyphens)."""
    stemmed = stem(fold(part))
    variants = [stemmed]
    root = stemmed.removesuffix(DERIVATION_SUFFIX)
    if root != stemmed and len(root) >= MIN_ROOT_LENGTH:
        variants.append(root)
    return tuple(key for key in variants if is_key(key))


def parse_query(raw: str) -> ParsedQuery:
    text, truncated = clean_query(raw)
    collected = _Collected()
    for match in WORD.finditer(text):
        for part in PART.findall(match.group()):
            if is_stop_word(part):
                collected.ignored.append(part)
                continue
            variants = term_variants(part)
            if not variants or variants in collected.seen:
                continue
            collected.seen.add(variants)
            collected.terms.append(Term(word=part, variants=variants))
    return ParsedQuery(
        text=text,
        terms=tuple(collected.terms),
        ignored=tuple(dict.fromkeys(collected.ignored)),
        truncated=truncated,
    )
