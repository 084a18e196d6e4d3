"""Importing the city's iCal calendar: create, update on re-import, respect
staff edits, expand recurring events, refuse bad input without writing."""

import datetime
import io
import urllib.error
import zoneinfo
from pathlib import Path

from django.core.management import CommandError, call_command

from wagtail.models import Locale

import pytest

from core.bootstrap import content_locales
from events import event_import
from events.event_import import EventImportError, events_import
from events.models import EventPage, EventTopic
from tests.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
FIXTURE = Path(__file__).parent / "fixtures" / "city_calendar.ics"
# The fixture's dates lie in autumn 2017; recurring events expand from here.
NOW = datetime.datetime(2017, 10, 1, tzinfo=BERLIN)


def berlin(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def calendar_file(tmp_path):
    """A copy of the fixture that a test may change."""
    path = tmp_path / "kalender.ics"
    path.write_bytes(FIXTURE.read_bytes())
    return path


def run(index, source, **kwargs):
    return events_import(source=str(source), index=index, now=NOW, **kwargs)


def by_title() -> dict[str, EventPage]:
    return {event.title: event for event in EventPage.objects.all()}


def test_import_creates_published_events_in_berlin_time(index, calendar_file):
    report = run(index, calendar_file)

    events = by_title()
    assert len(report.created) == 6
    assert report.updated == report.skipped == []
    assert all(event.live for event in events.values())
    assert all(event.get_parent().pk == index.pk for event in events.values())
    forum = events["3. Forum „Flüchtlinge – unsere neuen Nachbarn“"]
    assert forum.start == berlin(2017, 10, 9, 18)
    assert forum.end == berlin(2017, 10, 9, 21)
    assert forum.topic == EventTopic.FORUM
    assert forum.location_note == "Rathaus Flensburg"
    assert forum.intro == (
        "Erste Ergebnisse des Check Up Integration, Diskussion in fünf Arbeitsgruppen."
    )
    assert forum.import_uid == "forum-3@stadt-flensburg.example"
    assert forum.import_source == str(calendar_file)
    assert 'href="https://www.flensburg.example/forum"' in str(forum.body)


def test_utc_all_day_and_cancelled_events(index, calendar_file):
    run(index, calendar_file, default_topic=EventTopic.ENCOUNTER)

    events = by_title()
    consultation = events["Offene Sprechstunde"]
    assert consultation.local_start == berlin(2017, 11, 20, 10)  # 09:00 UTC
    assert consultation.cancelled
    assert consultation.topic == EventTopic.COUNSELLING
    day = events["Aktionstag Ehrenamt"]
    assert day.all_day
    # DTEND 16 October is exclusive: the last day is the 15th.
    assert day.local_start == berlin(2017, 10, 14)
    assert day.local_end == berlin(2017, 10, 15, 23, 59, 59)
    assert day.topic == EventTopic.ENCOUNTER  # no category: the default


def test_recurring_event_becomes_one_event_per_date(index, calendar_file):
    report = run(index, calendar_file)

    dates = sorted(
        (event.local_start, event.title)
        for event in EventPage.objects.filter(import_uid__startswith="sprachcafe@")
    )
    # 11 October is an EXDATE; 18 October was moved to 17:00 (RECURRENCE-ID).
    assert dates == [
        (berlin(2017, 10, 4, 16), "Sprachcafé"),
        (berlin(2017, 10, 18, 17), "Sprachcafé (später)"),
        (berlin(2017, 10, 25, 16), "Sprachcafé"),
    ]
    assert any("Termin ohne Beginn" in warning for warning in report.warnings)


def test_reimport_updates_instead_of_duplicating(index, calendar_file):
    run(index, calendar_file)
    count = EventPage.objects.count()

    again = run(index, calendar_file)
    calendar_file.write_bytes(
        calendar_file.read_bytes().replace(
            b"LOCATION:Rathaus Flensburg", b"LOCATION:Deutsches Haus"
        )
    )
    changed = run(index, calendar_file)

    assert EventPage.objects.count() == count
    assert again.created == again.updated == []
    assert len(again.unchanged) == count
    assert changed.updated == [
        "3. Forum „Flüchtlinge – unsere neuen Nachbarn“ (09.10.2017)"
    ]
    forum = EventPage.objects.get(import_uid="forum-3@stadt-flensburg.example")
    assert forum.location_note == "Deutsches Haus"
    assert forum.live and not forum.has_unpublished_changes


def test_staff_edits_and_staff_events_are_never_touched(
    index, calendar_file, superuser
):
    own = EventPageFactory(
        parent=index,
        title="Eigener Termin",
        start=NOW,
        end=NOW + datetime.timedelta(hours=1),
    )
    run(index, calendar_file)
    forum = EventPage.objects.get(import_uid="forum-3@stadt-flensburg.example")
    forum.location_note = "Von der Redaktion korrigiert"
    forum.save_revision(user=superuser).publish(user=superuser)
    calendar_file.write_bytes(
        calendar_file.read_bytes()
        .replace(b"LOCATION:Rathaus Flensburg", b"LOCATION:Deutsches Haus")
        .replace(b"UID:aktionstag@", b"UID:weg@")
    )

    report = run(index, calendar_file)

    forum.refresh_from_db()
    assert forum.location_note == "Von der Redaktion korrigiert"
    assert report.skipped == [
        "3. Forum „Flüchtlinge – unsere neuen Nachbarn“ (09.10.2017): "
        "von der Redaktion bearbeitet"
    ]
    assert EventPage.objects.filter(pk=own.pk, title="Eigener Termin").exists()
    # An event that left the source calendar stays; nothing is deleted.
    assert EventPage.objects.filter(
        import_uid="aktionstag@stadt-flensburg.example"
    ).exists()


def test_dry_run_reports_but_writes_nothing(index, calendar_file):
    report = run(index, calendar_file, dry_run=True)

    assert len(report.created) == 6
    assert not EventPage.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"<html><body>Wartungsarbeiten</body></html>",
        b"BEGIN:VCARD\r\nEND:VCARD\r\n",
    ],
)
def test_malformed_file_is_refused_and_nothing_written(index, tmp_path, content):
    path = tmp_path / "kaputt.ics"
    path.write_bytes(content)

    with pytest.raises(EventImportError):
        run(index, path)

    assert not EventPage.objects.exists()


def test_missing_file_and_foreign_schemes_are_refused(index, tmp_path):
    with pytest.raises(EventImportError, match="gibt es nicht"):
        run(index, tmp_path / "fehlt.ics")
    with pytest.raises(EventImportError, match="http"):
        run(index, "file:///etc/passwd")


def test_fetches_over_https_with_timeout_and_size_limit(index, monkeypatch):
    calls = []

    def fake_urlopen(request, timeout):
        calls.append((request.full_url, timeout))
        return io.BytesIO(FIXTURE.read_bytes())

    monkeypatch.setattr("urllib.request.urlopen", fake_urlopen)

    report = run(index, "https://www.flensburg.example/kalender.ics")

    assert calls == [("https://www.flensburg.example/kalender.ics", 20)]
    assert len(report.created) == 6
    assert EventPage.objects.first().import_source == (
        "https://www.flensburg.example/kalender.ics"
    )


def test_oversized_or_unreachable_calendar_is_refused(index, monkeypatch):
    monkeypatch.setattr(event_import, "MAX_BYTES", 100)
    monkeypatch.setattr(
        "urllib.request.urlopen",
        lambda request, timeout: io.BytesIO(FIXTURE.read_bytes()),
    )
    with pytest.raises(EventImportError, match="größer als"):
        run(index, "https://www.flensburg.example/kalender.ics")

    def unreachable(request, timeout):
        raise urllib.error.URLError("timed out")

    monkeypatch.setattr("urllib.request.urlopen", unreachable)
    with pytest.raises(EventImportError, match="konnte nicht geladen werden"):
        run(index, "https://www.flensburg.example/kalender.ics")
    assert not EventPage.objects.exists()


def test_translation_of_an_imported_event_carries_no_import_uid(index, calendar_file):
    content_locales()
    run(index, calendar_file)
    forum = EventPage.objects.get(import_uid="forum-3@stadt-flensburg.example")
    english = Locale.objects.get(language_code="en")

    index.copy_for_translation(english, copy_parents=True)
    translation = forum.copy_for_translation(english)

    assert translation.import_uid == ""
    assert translation.import_source == ""


def test_command_imports_and_reports(index, calendar_file):
    """The command expands series from today: the 2017 Sprachcafé dates are gone."""
    out, err = io.StringIO(), io.StringIO()

    call_command(
        "import_events",
        str(calendar_file),
        "--index",
        "/veranstaltungen/",
        stdout=out,
        stderr=err,
    )
    call_command(
        "import_events",
        str(calendar_file),
        "--index",
        str(index.pk),
        stdout=out,
        stderr=io.StringIO(),
    )

    text = out.getvalue()
    assert "  neu: Aktionstag Ehrenamt (14.10.2017)" in text
    assert "3 neu, 0 aktualisiert, 0 unverändert, 0 übersprungen." in text
    assert "0 neu, 0 aktualisiert, 3 unverändert, 0 übersprungen." in text
    assert "„Sprachcafé“ wiederholt sich, hat aber keinen Termin" in err.getvalue()


def test_command_dry_run_and_errors(index, home, calendar_file, tmp_path):
    out = io.StringIO()
    call_command(
        "import_events",
        str(calendar_file),
        "--index",
        str(index.pk),
        "--dry-run",
        stdout=out,
        stderr=io.StringIO(),
    )
    broken = tmp_path / "kaputt.ics"
    broken.write_text("kein Kalender")

    assert "Probelauf (nichts gespeichert): 3 neu" in out.getvalue()
    assert not EventPage.objects.exists()
    with pytest.raises(CommandError, match="kein gültiger iCalendar-Kalender"):
        call_command("import_events", str(broken), "--index", str(index.pk))
    with pytest.raises(CommandError, match="keine Veranstaltungsübersicht"):
        call_command("import_events", str(calendar_file), "--index", str(home.pk))
