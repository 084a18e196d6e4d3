"""Result excerpts: the text around the first match, matching words in ``<mark>``.

A word is marked when one of its index keys (``core.search_text``) matches
a key of the query as the search compares them (``normalise.key_matches``),
so what is marked is what made the item match. All text is HTML-escaped; only the ``<mark>``
elements are markup.
"""

from __future__ import annotations

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.search_text import word_keys
from core.search_words import WORD

from .normalise import is_prefix

EXCERPT_LENGTH = 240
# How much of the excerpt comes before the first match.
LEAD_IN = EXCERPT_LENGTH // 3
ELLIPSIS = "…"


class WordMatcher:
    """Whether a word of a text matches a query's keys (``key_matches``),
    remembered per word: texts repeat their words, and the results page
    marks the same words in many excerpts."""

    def __init__(self, keys: frozenset[str]):
        self.prefixes = tuple(key for key in keys if is_prefix(key))
        self.whole = frozenset(key for key in keys if not is_prefix(key))
        self.known: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        matches = self.known.get(word)
        if matches is None:
            matches = self.known[word] = any(
                word_key.startswith(self.prefixes) or word_key in self.whole
                for word_key in word_keys(word)
            )
        return matches


@lru_cache(maxsize=64)
def word_matcher(keys: frozenset[str]) -> WordMatcher:
    return WordMatcher(keys)


def highlight(text: str, keys: frozenset[str]) -> SafeString:
    """The whole text, escaped, with matching words marked."""
    matches = word_matcher(keys)
    pieces, position = [], 0
    for match in WORD.finditer(text):
        if matches(match.group()):
            pieces.append(escape(text[position : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped


def excerpt(
    text: str, keys: frozenset[str], *, length: int = EXCERPT_LENGTH
) -> SafeString:
    """About ``length`` characters of the text around its first match (or
    its beginning, if the match was elsewhere, e.g. in the title)."""
    text = " ".join(text.split())
    matches = word_matcher(keys)
    first = next(
        (match for match in WORD.finditer(text) if matches(match.group())), None
    )
    start = 0
    if first is not None and first.end() > length - LEAD_IN:
        start = max(0, first.start() - LEAD_IN)
        # Begin at a word: after the next space, unless the match comes first.
        space = text.find(" ", start, first.start())
        start = space + 1 if space != -1 else first.start()
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    else:
        end = len(text)
    marked = highlight(text[start:end], keys)
    before = f"{ELLIPSIS} " if start > 0 else ""
    after = f" {ELLIPSIS}" if end < len(text) else ""
    return mark_safe(f"{before}{marked}{after}")  # noqa: S308 - escaped above
