"""'Meinten Sie …?': the query with its unknown words replaced by the closest
words of the index's vocabulary (``site_search.vocabulary``).

Offered only when a query finds nothing or very little, and only when the
corrected query finds more: so a suggestion never leads to an empty page,
and never names a word of something the visitor may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from core.search_words import PART

from .normalise import ParsedQuery, parse_query
from .search import count_matches
from .vocabulary import vocabulary_correction

# A query with fewer hits than this gets a suggestion if there is one.
FEW_HITS = 3


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str


def in_case_of(typed: str, word: str) -> str:
    """The suggested word written as the visitor wrote theirs: "Wonung" ->
    "Wohnung", "WONUNG" -> "WOHNUNG", "wonung" -> "wohnung"."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def corrected_text(query: ParsedQuery) -> str | None:
    """The query's text with every word the vocabulary does not know replaced
    by its closest word, or None if there is nothing to replace."""
    replacements = {}
    for term in query.terms:
        if term.word.isdigit():
            continue
        correction = vocabulary_correction(term.word, query.languages)
        if correction is not None:
            replacements[term.word] = in_case_of(term.word, correction)
    if not replacements:
        return None
    return PART.sub(
        lambda match: replacements.get(match.group(), match.group()), query.text
    )


def search_suggestion(
    request, query: ParsedQuery, *, found: int, search_url: str
) -> Suggestion | None:
    """A better query for one that found ``found`` objects, if there is one."""
    if found >= FEW_HITS or not query.terms:
        return None
    text = corrected_text(query)
    if text is None or text == query.text:
        return None
    if count_matches(request, parse_query(text, query.language)) <= found:
        return None
    return Suggestion(text=text, url=f"{search_url}?{urlencode({'q': text})}")
