"""Result excerpts: the text around the first match, matching words in ``<mark>``.

A word is marked when one of its index keys (``core.search_text``) matches
a key of the query as the search compares them (``normalise.key_matches``),
so what is marked is what made the item match. All text is HTML-escaped; only the ``<mark>``
elements are markup.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.search_text import WORD, word_keys

from .normalise import key_matches

EXCERPT_LENGTH = 240
# How much of the excerpt comes before the first match.
LEAD_IN = EXCERPT_LENGTH // 3
ELLIPSIS = "…"


def word_matches(word: str, keys: frozenset[str]) -> bool:
    return any(
        key_matches(word_key, key) for word_key in word_keys(word) for key in keys
    )


def highlight(text: str, keys: frozenset[str]) -> SafeString:
    """The whole text, escaped, with matching words marked."""
    pieces, position = [], 0
    for match in WORD.finditer(text):
        if word_matches(match.group(), keys):
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
    first = next(
        (match for match in WORD.finditer(text) if word_matches(match.group(), keys)),
        None,
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
