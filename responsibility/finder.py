"""Reading "Wer ist zuständig?": its steps, the checks of its structure, and
which result a path of answers leads to.

The structure (questions in order, answer keys, which result is for which
answers, contacts and pages) is the German original's; a translation gives
only texts, found by the blocks' ids, which wagtail-localize keeps. A text
the translation still holds in German is marked so (``Text.lang``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Text:
    """A text of the finder; ``lang`` is "de" where a translated page still
    shows the German text, else "" (the reader's language)."""

    value: object
    lang: str = ""

    def __str__(self) -> str:
        return str(self.value)

    def __bool__(self) -> bool:
        return bool(str(self.value).strip())


@dataclass(frozen=True)
class Answer:
    key: str
    label: Text
    hint: Text


@dataclass(frozen=True)
class Question:
    text: Text
    help: Text
    answers: tuple[Answer, ...]

    def answer(self, key: str) -> Answer | None:
        return next((answer for answer in self.answers if answer.key == key), None)


@dataclass
class Result:
    index: int
    heading: Text
    text: Text
    conditions: dict[int, frozenset[str]]
    contacts: list = field(default_factory=list)  # German (person, organisation)
    pages: list = field(default_factory=list)  # German pages

    def matches(self, keys: list[str]) -> bool:
        return all(
            keys[question] in allowed for question, allowed in self.conditions.items()
        )


@dataclass(frozen=True)
class Finder:
    questions: tuple[Question, ...]
    results: tuple[Result, ...]

    def answers_for(self, keys: list[str]) -> list[tuple[Question, Answer]] | None:
        """The (question, answer) pairs of a path, None if a key is not an
        answer to its question or the path is longer than the questions."""
        if len(keys) > len(self.questions):
            return None
        chosen = []
        for question, key in zip(self.questions, keys, strict=False):
            answer = question.answer(key)
            if answer is None:
                return None
            chosen.append((question, answer))
        return chosen

    def result_for(self, keys: list[str]) -> Result | None:
        """The most specific result for a complete path (the one naming the
        most questions; the first of equals), the general one at least."""
        matching = [result for result in self.results if result.matches(keys)]
        if not matching:
            return None
        return max(matching, key=lambda result: (len(result.conditions), -result.index))


def _children(stream) -> list:
    return list(stream) if stream is not None else []


def _by_id(stream) -> dict:
    return {child.id: child.value for child in _children(stream) if child.id}


def _items_by_id(list_value) -> dict:
    bound = getattr(list_value, "bound_blocks", None) or []
    return {item.id: item.value for item in bound if item.id}


def _text(original, translated, name: str, foreign: bool) -> Text:
    value = original.get(name)
    if translated is not None and translated.get(name):
        other = translated.get(name)
        if not foreign or str(getattr(other, "source", other)) != str(
            getattr(value, "source", value)
        ):
            return Text(other)
    return Text(value, "de" if foreign and value else "")


def read_finder(original_stream, translated_stream=None) -> Finder:
    """The finder of a page: ``original_stream`` the German original's
    stream field, ``translated_stream`` the reader's translation's (None on a
    German page or a German fallback)."""
    foreign = translated_stream is not None
    texts = _by_id(translated_stream) if foreign else {}
    questions, results = [], []
    children = _children(original_stream)
    answer_question = {}
    for child in children:
        if child.block_type != "question":
            continue
        own = texts.get(child.id)
        own_answers = _items_by_id(own["answers"]) if own is not None else {}
        answers = []
        for item in getattr(child.value["answers"], "bound_blocks", []):
            translated = own_answers.get(item.id)
            answers.append(
                Answer(
                    key=item.value["key"],
                    label=_text(item.value, translated, "label", foreign),
                    hint=_text(item.value, translated, "hint", foreign),
                )
            )
            answer_question.setdefault(item.value["key"], len(questions))
        questions.append(
            Question(
                text=_text(child.value, own, "question", foreign),
                help=_text(child.value, own, "help", foreign),
                answers=tuple(answers),
            )
        )
    for child in children:
        if child.block_type != "result":
            continue
        own = texts.get(child.id)
        conditions: dict[int, set[str]] = {}
        for key in child.value["answers"]:
            if key in answer_question:
                conditions.setdefault(answer_question[key], set()).add(key)
        results.append(
            Result(
                index=len(results),
                heading=_text(child.value, own, "heading", foreign),
                text=_text(child.value, own, "text", foreign),
                conditions={q: frozenset(keys) for q, keys in conditions.items()},
                contacts=[
                    (contact["person"], contact["organisation"])
                    for contact in child.value["contacts"]
                    if contact["person"] or contact["organisation"]
                ],
                pages=[page for page in child.value["pages"] if page is not None],
            )
        )
    return Finder(questions=tuple(questions), results=tuple(results))


def structure_errors(stream) -> tuple[dict[int, str], list[str]]:
    """German messages for what would break the finder: per block index, and
    for the whole stream. Keys must be unique, results may name only
    existing keys, no two results the same answers, exactly one general
    result (no keys) for every path without its own."""
    block_errors: dict[int, str] = {}
    general_errors: list[str] = []
    seen: dict[str, int] = {}
    answer_question: dict[str, int] = {}
    question_number = 0
    for index, child in enumerate(stream):
        if child.block_type != "question":
            continue
        question_number += 1
        for answer in child.value["answers"]:
            key = answer["key"]
            if key in seen:
                block_errors[index] = _(
                    "Der Schlüssel „%(key)s“ kommt mehrfach vor (Frage %(first)s "
                    "und Frage %(second)s). Jeder Schlüssel darf im Wegweiser nur "
                    "einmal vorkommen."
                ) % {"key": key, "first": seen[key], "second": question_number}
            seen.setdefault(key, question_number)
            answer_question.setdefault(key, question_number)
    general = []
    conditions_seen: dict[frozenset, int] = {}
    result_number = 0
    for index, child in enumerate(stream):
        if child.block_type != "result":
            continue
        result_number += 1
        keys = list(child.value["answers"])
        unknown = [key for key in keys if key not in answer_question]
        if unknown:
            block_errors[index] = _(
                "Dieses Ergebnis nennt Schlüssel, die keine Antwort hat: %(keys)s. "
                "Bitte die Schlüssel der Antworten genau übernehmen."
            ) % {"keys": ", ".join(f"„{key}“" for key in unknown)}
            continue
        if not keys:
            general.append(index)
            continue
        condition = frozenset(
            (
                answer_question[key],
                frozenset(
                    k for k in keys if answer_question[k] == answer_question[key]
                ),
            )
            for key in keys
        )
        if condition in conditions_seen:
            block_errors[index] = _(
                "Ergebnis %(number)s gilt für dieselben Antworten wie Ergebnis "
                "%(other)s. Bitte eines davon ändern oder löschen."
            ) % {"number": result_number, "other": conditions_seen[condition]}
        conditions_seen.setdefault(condition, result_number)
    if not general:
        general_errors.append(
            _(
                "Es fehlt das allgemeine Ergebnis: ein Ergebnis ohne Schlüssel, das "
                "für alle Wege ohne eigenes Ergebnis gilt (z. B. die "
                "Koordinierungsstelle)."
            )
        )
    for index in general[1:]:
        block_errors[index] = _(
            "Es gibt schon ein allgemeines Ergebnis (ohne Schlüssel). Bitte diesem "
            "Ergebnis Schlüssel geben oder es löschen."
        )
    return block_errors, general_errors
