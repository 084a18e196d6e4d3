"""Language of parts (WCAG 3.1.1 and 3.1.2), checked on the HTML alone.

Every text node and every text attribute (aria-label, alt, title, placeholder)
gets the language of its nearest element with a ``lang`` attribute, as screen
readers do. Two kinds of mistakes are reported:

* "script": text in a script that the language cannot be written in: Arabic
  script outside ``ar``/``fa`` (and the directory's other Arabic-script
  languages, e.g. Dari, Pashto, Kurdish), Cyrillic outside ``uk`` (and e.g.
  ``ru``). A screen reader reads
  it with the wrong voice (often letter by letter, or not at all).
* "german": a word of a small list of common German words under ``ar``, ``fa``
  or ``uk``: German interface text left in a translated page, or a German
  passage without ``lang="de"``. Names and brands in Latin script ("Check Up
  Integration", "Katja Jüngling", e-mail addresses) are fine as long as they
  contain none of these words; web and e-mail addresses are no words. English and Turkish are not checked this way:
  "die", "stand" and "mit" are words of theirs too.

``translate="no"`` does not change the language of a text, so it exempts
nothing; text inside <script>, <style> and <template> is not read out and is
skipped. Text that screen readers alone see (``kern-sr-only``) counts.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Exact and small on purpose: whole words, any case.
GERMAN_WORDS = frozenset(
    word.casefold()
    for word in [
        "und", "der", "die", "das", "nicht", "für", "mit", "Sie", "ist", "oder",
        "wird", "werden", "auf", "bei", "einer", "eine", "ein", "zum", "zur",
        "Seite", "Stand", "Telefon",
    ]
)  # fmt: skip
NO_GERMAN_LANGUAGES = frozenset({"ar", "fa", "uk"})
# Official German names that translations keep as they are (WCAG 3.1.2
# exempts proper names): readers need them as written at the counter.
PROPER_NAMES = (
    "Agentur für Arbeit",
    "Ausschuss für Bürgerservice, Schutz und Ordnung",
    "Bundesamt für Migration und Flüchtlinge",
    "Landesamt für Ausländerangelegenheiten",
)
# Scripts and the languages (primary subtags) of this site and its directory
# that are written in them.
SCRIPTS = {
    # Arabic, Arabic Supplement, Arabic Extended-A, Presentation Forms A and B.
    "Arabic": (
        re.compile(
            "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
        ),
        frozenset({"ar", "fa", "prs", "ps", "ur", "ckb", "ku", "sd", "ug"}),
    ),
    "Cyrillic": (
        re.compile("[\u0400-\u04ff]"),
        frozenset({"uk", "ru", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg"}),
    ),
}
TEXT_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
SKIPPED_ELEMENTS = frozenset({"script", "style", "template"})
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"source", "track", "wbr"}
)
WORD = re.compile(r"[^\W\d_]+")
# Addresses are no words of a language ("/wie-kann-geholfen-werden/").
ADDRESSES = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+")


@dataclass(frozen=True)
class Finding:
    kind: str  # "script" or "german"
    lang: str  # the effective language of the text
    text: str
    where: str  # the element (and attribute) the text belongs to

    def __str__(self):
        return f'{self.kind}: lang="{self.lang}" {self.where}: {self.text!r}'


def primary_subtag(lang: str) -> str:
    return lang.split("-")[0].strip().casefold()


def german_words(text: str) -> list[str]:
    text = ADDRESSES.sub(" ", " ".join(text.split()))
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    words = WORD.findall(text)
    return [word for word in words if word.casefold() in GERMAN_WORDS]


def check_text(text: str, lang: str, where: str = "") -> list[Finding]:
    """The mistakes of one piece of text read in the language ``lang``."""
    text = " ".join(text.split())
    if not text:
        return []
    language = primary_subtag(lang)
    findings = []
    for script, (pattern, languages) in SCRIPTS.items():
        if pattern.search(text) and language not in languages:
            findings.append(
                Finding("script", lang, text[:120], f"{where} ({script} script)")
            )
    if language in NO_GERMAN_LANGUAGES and (words := german_words(text)):
        findings.append(
            Finding("german", lang, text[:120], f"{where} (German: {', '.join(words)})")
        )
    return findings


class _LanguageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        # (tag, effective lang, description, skipped) per open element.
        self.stack: list[tuple[str, str, str, bool]] = [("#document", "", "", False)]
        self.findings: list[Finding] = []
        # <title> cannot mark a part of itself: it is judged after the page,
        # by the language of its main heading (see check_html).
        self.title: tuple[str, str] | None = None
        # Texts the page marks German (a German page's title in the
        # breadcrumbs or its heading): <title> may repeat them.
        self.german_texts: list[str] = []

    def _describe(self, tag, attributes):
        description = tag
        if attributes.get("id"):
            description += f"#{attributes['id']}"
        if attributes.get("class"):
            description += "." + ".".join(attributes["class"].split()[:2])
        return description

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        _, parent_lang, _, parent_skipped = self.stack[-1]
        lang = attributes.get("lang", parent_lang)
        where = self._describe(tag, attributes)
        skipped = parent_skipped or tag in SKIPPED_ELEMENTS
        if not skipped:
            for name in TEXT_ATTRIBUTES:
                if attributes.get(name):
                    self.findings += check_text(
                        attributes[name], lang, f"{where}[{name}]"
                    )
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, lang, where, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.pop()

    def handle_endtag(self, tag):
        # Close up to the matching element; a stray end tag closes nothing.
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        tag, lang, where, skipped = self.stack[-1]
        if tag == "title":
            self.title = (data, lang)
        elif not skipped:
            self.findings += check_text(data, lang, where)
            if primary_subtag(lang) == "de" and data.strip():
                self.german_texts.append(" ".join(data.split()))


def check_html(html: str) -> list[Finding]:
    """All language-of-parts mistakes in an HTML document or fragment."""
    parser = _LanguageParser()
    parser.feed(html)
    parser.close()
    findings = parser.findings
    if parser.title is not None:
        text, lang = parser.title
        # A German page shown in another language (not translated yet) has
        # its German title in <title>, beside the site's words in the
        # reader's language; the page marks that title German where it shows
        # it, which is what <title> cannot do.
        text = " ".join(text.split())
        for german in sorted(parser.german_texts, key=len, reverse=True):
            text = text.replace(german, " ")
        findings = check_text(text, lang, "title") + findings
    return findings
