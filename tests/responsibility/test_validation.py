"""The admin checks the finder's structure, in German, before it is saved."""

from wagtail.blocks.stream_block import StreamBlockValidationError

import pytest

from responsibility.blocks import FinderStreamBlock
from responsibility.finder import read_finder
from responsibility.models import ResponsibilityFinderPage
from tests.responsibility.conftest import question, result

STATUS = [("asylbewerber", "Asylbewerber"), ("anerkannt", "Anerkannt")]
TOPICS = [("wohnen", "Wohnen"), ("arbeit", "Arbeit")]


def clean(raw):
    block = FinderStreamBlock()
    return block.clean(block.to_python(raw))


def errors(raw) -> tuple[dict, list]:
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(raw)
    error = caught.value
    return (
        {
            index: [m for e in err.non_block_errors.as_data() for m in e.messages]
            for index, err in error.block_errors.items()
        },
        [m for e in error.non_block_errors.as_data() for m in e.messages],
    )


@pytest.mark.django_db
def test_a_complete_finder_is_accepted():
    raw = [
        question("Status?", STATUS),
        question("Thema?", TOPICS),
        result(["asylbewerber", "wohnen"], "A"),
        result([], "Allgemein"),
    ]
    assert clean(raw)


@pytest.mark.django_db
def test_a_key_used_twice_is_refused():
    raw = [
        question("Status?", STATUS),
        question("Thema?", [("wohnen", "Wohnen"), ("anerkannt", "Doppelt")]),
        result([], "Allgemein"),
    ]
    by_block, general = errors(raw)
    assert general == []
    assert by_block[1] == [
        "Der Schlüssel „anerkannt“ kommt mehrfach vor (Frage 1 und Frage 2). Jeder "
        "Schlüssel darf im Wegweiser nur einmal vorkommen."
    ]


@pytest.mark.django_db
def test_a_result_naming_an_unknown_key_is_refused():
    raw = [
        question("Status?", STATUS),
        result(["asylbewerbr"], "Tippfehler"),
        result([], "Allgemein"),
    ]
    by_block, _general = errors(raw)
    assert "„asylbewerbr“" in by_block[1][0]


@pytest.mark.django_db
def test_the_general_result_must_exist_once():
    raw = [question("Status?", STATUS), result(["anerkannt"], "A")]
    _by_block, general = errors(raw)
    assert general[0].startswith("Es fehlt das allgemeine Ergebnis")

    raw = [question("Status?", STATUS), result([], "A"), result([], "B")]
    by_block, general = errors(raw)
    assert general == []
    assert by_block[2][0].startswith("Es gibt schon ein allgemeines Ergebnis")


@pytest.mark.django_db
def test_two_results_for_the_same_answers_are_refused():
    raw = [
        question("Status?", STATUS),
        question("Thema?", TOPICS),
        result(["wohnen", "anerkannt"], "A"),
        result(["anerkannt", "wohnen"], "B"),
        result([], "Allgemein"),
    ]
    by_block, _general = errors(raw)
    assert by_block[3][0].startswith("Ergebnis 2 gilt für dieselben Antworten")


@pytest.mark.django_db
def test_keys_are_lowercase_words_with_hyphens():
    raw = [
        question("Status?", [("Asyl Bewerber", "A"), ("anerkannt", "B")]),
        result([], "Allgemein"),
    ]
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(raw)
    assert "Nur Kleinbuchstaben" in str(caught.value.as_json_data())


@pytest.mark.django_db
def test_the_most_specific_result_wins_and_the_first_of_equals():
    block = FinderStreamBlock()
    finder = read_finder(
        block.to_python(
            [
                question("Status?", STATUS),
                question("Thema?", TOPICS),
                result(["wohnen"], "Wohnen"),
                result(["asylbewerber"], "Asyl"),
                result(["asylbewerber", "wohnen"], "Asyl und Wohnen"),
                result([], "Allgemein"),
            ]
        )
    )
    heading = lambda keys: str(finder.result_for(keys).heading)  # noqa: E731
    assert heading(["asylbewerber", "wohnen"]) == "Asyl und Wohnen"
    assert heading(["asylbewerber", "arbeit"]) == "Asyl"
    assert heading(["anerkannt", "wohnen"]) == "Wohnen"
    assert heading(["anerkannt", "arbeit"]) == "Allgemein"


@pytest.mark.django_db
def test_the_admin_refuses_a_finder_without_general_result(editor_client, home):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": "Wer ist zuständig?",
            "slug": "wer-ist-zustaendig",
            "intro": "",
            "last_reviewed": "2026-12-01",
            "finder": streamfield(
                [
                    (
                        "question",
                        {
                            "question": "Status?",
                            "help": "",
                            "answers": streamfield(
                                [
                                    ("item", {"key": "a", "label": "A", "hint": ""}),
                                    ("item", {"key": "b", "label": "B", "hint": ""}),
                                ]
                            ),
                        },
                    ),
                ]
            ),
            "body": streamfield([]),
        }
    )
    response = editor_client.post(
        f"/admin/pages/add/responsibility/responsibilityfinderpage/{home.pk}/", data
    )
    assert response.status_code == 200
    assert "Es fehlt das allgemeine Ergebnis" in response.content.decode()
    assert not home.get_children().filter(slug="wer-ist-zustaendig").exists()


def _admin_form(results):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    def answers(*keys):
        return streamfield(
            [("item", {"key": key, "label": key.title(), "hint": ""}) for key in keys]
        )

    return nested_form_data(
        {
            "title": "Wer ist zuständig?",
            "slug": "wer-ist-zustaendig",
            "intro": "",
            "last_reviewed": "2026-12-01",
            "finder": streamfield(
                [
                    (
                        "question",
                        {
                            "question": "Status?",
                            "help": "",
                            "answers": answers("a", "b"),
                        },
                    ),
                    *results,
                ]
            ),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )


def _result(*keys):
    from wagtail.test.utils.form_data import streamfield

    return (
        "result",
        {
            "answers": streamfield([("item", key) for key in keys]),
            "heading": "Allgemein",
            "text": '{"blocks": [], "entityMap": {}}',
            "contacts": streamfield([]),
            "pages": streamfield([]),
        },
    )


@pytest.mark.django_db
def test_an_editor_builds_a_finder_in_the_admin(editor_client, home):
    add = f"/admin/pages/add/responsibility/responsibilityfinderpage/{home.pk}/"
    assert "So funktioniert der Wegweiser" in editor_client.get(add).content.decode()

    response = editor_client.post(add, _admin_form([_result("a"), _result()]))

    assert response.status_code == 302, response.content.decode()[:2000]
    page = ResponsibilityFinderPage.objects.get(slug="wer-ist-zustaendig")
    assert [q.text.value for q in page.read().questions] == ["Status?"]
    edit = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
