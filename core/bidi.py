"""Bidirectional text: Latin words inside Arabic or Farsi sentences.

A name such as "Leichte Sprache" or "Jobcenter" inside an Arabic sentence is
a run of left-to-right text in right-to-left text. Without isolation the
Unicode bidi algorithm lets neutral characters next to it (brackets, full
stops, the " – " of a title) join the Latin run, and a line break inside it
shows "Leichte) … (Sprache". Where markup can mark it (``<bdi>``, ``dir``),
templates do; inside translated strings, where no markup is possible (the
catalogues, attribute values, titles), the run is wrapped in the Unicode
isolates FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, which browsers and
screen readers treat exactly like ``<bdi>``, and a short run is kept on one
line with no-break spaces.
"""

from __future__ import annotations

import re

FSI = "\u2068"
PDI = "\u2069"
RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# A word starts with a Latin letter and ends with a letter or digit, so that
# a full stop or comma after it stays in the sentence around it.
_WORD = rf"[{_LATIN}](?:[{_LATIN}0-9'’.\-/&+@_]*[{_LATIN}0-9])?"
_NUMBER = r"[0-9](?:[0-9.,:/\-]*[0-9])?"
LATIN_RUN = re.compile(rf"{_WORD}(?:[ \u00a0]+(?:{_WORD}|{_NUMBER}))*")
# A short run (a name, a term) is kept on one line: a line break inside it
# reorders its halves on the two lines.
SHORT_RUN = 25
NBSP = "\u00a0"
# Never touch format placeholders (also {name}), HTML tags or entities.
PROTECTED = re.compile(r"(%\([^)]*\)[sdif]|%[sdif]|\{\w*\}|<[^>]*>|&[#\w]+;)")


def isolate_latin_runs(text: str) -> str:
    """``text`` with every Latin run isolated, if ``text`` is right to left
    (it holds Arabic-script letters); idempotent."""
    if not RTL_LETTER.search(text):
        return text
    parts = PROTECTED.split(text.replace(FSI, "").replace(PDI, ""))
    for index in range(0, len(parts), 2):  # odd indexes are protected
        parts[index] = LATIN_RUN.sub(_isolated, parts[index])
    return "".join(parts)


def _isolated(match: re.Match) -> str:
    run = match.group(0)
    if len(run) <= SHORT_RUN:
        run = run.replace(" ", NBSP)
    return f"{FSI}{run}{PDI}"
