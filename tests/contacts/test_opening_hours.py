"""'Jetzt geöffnet' in Flensburg time, with the edge cases of real opening hours."""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.test import override_settings

import pytest

from contacts.opening_hours import (
    next_change,
    opening_state,
    schema_org_specification,
    weekly_rows,
)

UTC = datetime.UTC
# The site's time zone (TIME_ZONE).
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@dataclass
class Slot:
    weekday: int
    opens: datetime.time
    closes: datetime.time
    appointment_only: bool = False


def slot(weekday, opens, closes, appointment_only=False):
    return Slot(
        weekday,
        datetime.time.fromisoformat(opens),
        datetime.time.fromisoformat(closes),
        appointment_only,
    )


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


OFFICE = [
    slot(0, "09:00", "12:00"),
    slot(0, "14:00", "16:00"),
    slot(3, "09:00", "12:00"),
]


@pytest.mark.parametrize(
    ("at", "code", "label"),
    [
        (
            berlin(2026, 11, 23, 9, 0),
            "open",
            "jetzt geöffnet bis 12:00 Uhr",
        ),  # Monday, opening minute
        (berlin(2026, 11, 23, 11, 59), "open", "jetzt geöffnet bis 12:00 Uhr"),
        (
            berlin(2026, 11, 23, 12, 0),
            "opens_later",
            "geschlossen, öffnet heute um 14:00 Uhr",
        ),
        (
            berlin(2026, 11, 23, 8, 0),
            "opens_later",
            "geschlossen, öffnet heute um 09:00 Uhr",
        ),
        (berlin(2026, 11, 23, 16, 30), "closed", "jetzt geschlossen"),
        (berlin(2026, 11, 24, 10, 0), "closed_today", "heute geschlossen"),  # Tuesday
    ],
)
def test_weekday_slots(at, code, label):
    state = opening_state(slots=OFFICE, at=at)

    assert (state.code, state.label) == (code, label)


def test_state_is_computed_in_berlin_time_whatever_the_input_zone():
    # 08:30 UTC on a Monday in November is 09:30 in Flensburg: open.
    state = opening_state(
        slots=OFFICE, at=datetime.datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    )

    assert state.code == "open"


NIGHT_CAFE = [slot(4, "20:00", "02:00")]  # Friday evening past midnight


@pytest.mark.parametrize(
    ("at", "code"),
    [
        (berlin(2026, 11, 27, 19, 59), "opens_later"),  # Friday before opening
        (berlin(2026, 11, 27, 23, 30), "open"),  # Friday night
        (berlin(2026, 11, 28, 1, 59), "open"),  # Saturday, still Friday's slot
        (berlin(2026, 11, 28, 2, 0), "closed_today"),  # Saturday after closing
        (berlin(2026, 11, 26, 1, 0), "closed_today"),  # Thursday night: no slot
    ],
)
def test_slot_running_past_midnight(at, code):
    state = opening_state(slots=NIGHT_CAFE, at=at)

    assert state.code == code
    if code == "open":
        assert state.label == "jetzt geöffnet bis 02:00 Uhr"


def test_appointment_only_and_temporarily_closed_win_over_slots():
    monday_morning = berlin(2026, 11, 23, 10, 0)

    appointment = opening_state(slots=OFFICE, at=monday_morning, appointment_only=True)
    closed = opening_state(
        slots=OFFICE, at=monday_morning, appointment_only=True, temporarily_closed=True
    )

    assert (appointment.code, appointment.label) == (
        "appointment",
        "nur nach Terminvereinbarung",
    )
    assert (closed.code, closed.label) == (
        "temporarily_closed",
        "vorübergehend geschlossen",
    )


def test_no_slots_means_no_claim():
    assert opening_state(slots=[], at=berlin(2026, 11, 23, 10, 0)).code == "unknown"


@pytest.mark.parametrize(
    ("utc", "code"),
    [
        # Sunday 29 March 2026: clocks jump from 02:00 CET to 03:00 CEST.
        (datetime.datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "open"),  # 01:30 CET
        (datetime.datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "open"),  # 03:30 CEST
        (datetime.datetime(2026, 3, 29, 2, 30, tzinfo=UTC), "closed"),  # 04:30 CEST
        # Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET.
        (datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC), "open"),  # 02:30 CEST
        (
            datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
            "open",
        ),  # 02:30 CET (again)
        (datetime.datetime(2026, 10, 25, 3, 30, tzinfo=UTC), "closed"),  # 04:30 CET
    ],
)
def test_daylight_saving_changes_keep_wall_clock_hours(utc, code):
    sunday_night = [slot(6, "01:00", "04:00")]

    assert opening_state(slots=sunday_night, at=utc).code == code


def test_summer_and_winter_open_at_the_same_local_hour():
    summer = datetime.datetime(2026, 7, 6, 7, 0, tzinfo=UTC)  # 09:00 CEST, Monday
    winter = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # 09:00 CET, Monday

    assert opening_state(slots=OFFICE, at=summer).code == "open"
    assert opening_state(slots=OFFICE, at=winter).code == "open"
    assert (
        opening_state(slots=OFFICE, at=summer - datetime.timedelta(minutes=1)).code
        == "opens_later"
    )


def test_weekly_rows_and_schema_org_specification():
    rows = weekly_rows(OFFICE)
    spec = schema_org_specification(NIGHT_CAFE)

    assert rows == [
        ("Montag", ["09:00–12:00 Uhr", "14:00–16:00 Uhr"]),
        ("Donnerstag", ["09:00–12:00 Uhr"]),
    ]
    assert spec == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Friday",
            "opens": "20:00:00",
            "closes": "02:00:00",
        }
    ]


def test_hours_are_read_in_the_sites_time_zone():
    """TIME_ZONE, not a constant: the same instant is 10:00 in Berlin and
    04:00 in New York, where a 09:00-12:00 slot has not opened yet."""
    slots = [Slot(0, datetime.time(9), datetime.time(12))]
    monday_ten_in_berlin = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)

    assert opening_state(slots=slots, at=monday_ten_in_berlin).code == "open"
    with override_settings(TIME_ZONE="America/New_York"):
        assert opening_state(slots=slots, at=monday_ten_in_berlin).code == "opens_later"
        change = next_change(slots=slots, at=monday_ten_in_berlin)
        assert change.tzinfo == zoneinfo.ZoneInfo("America/New_York")
        assert (change.hour, change.minute) == (9, 0)


@pytest.mark.parametrize(
    ("slots", "at", "code"),
    [
        # Sunday 22:00-02:00 runs into Monday: the week's wrap.
        ([slot(6, "22:00", "02:00")], berlin(2026, 11, 29, 23, 0), "open"),
        ([slot(6, "22:00", "02:00")], berlin(2026, 11, 30, 0, 0), "open"),
        ([slot(6, "22:00", "02:00")], berlin(2026, 11, 30, 1, 0), "open"),
        ([slot(6, "22:00", "02:00")], berlin(2026, 11, 30, 2, 0), "closed_today"),
        # ... also when Monday has slots of its own.
        (
            [slot(0, "09:00", "12:00"), slot(6, "22:00", "02:00")],
            berlin(2026, 11, 30, 1, 0),
            "open",
        ),
        # Saturday 22:00-02:00 runs into Sunday.
        ([slot(5, "22:00", "02:00")], berlin(2026, 11, 29, 1, 0), "open"),
        ([slot(5, "22:00", "02:00")], berlin(2026, 11, 29, 3, 0), "closed_today"),
        # Monday's night slot does not open Sunday morning.
        ([slot(0, "22:00", "02:00")], berlin(2026, 11, 29, 1, 0), "closed_today"),
    ],
)
def test_slots_past_midnight_wrap_round_the_week(slots, at, code):
    state = opening_state(slots=slots, at=at)

    assert state.code == code
    if code == "open":
        assert state.label == "jetzt geöffnet bis 02:00 Uhr"


@pytest.mark.parametrize(
    ("utc", "code"),
    [
        # Saturday 22:00 to Sunday 04:00 over the switch to summer time
        # (Sunday 29 March 2026, 02:00 CET -> 03:00 CEST).
        (datetime.datetime(2026, 3, 28, 22, 30, tzinfo=UTC), "open"),  # 23:30 CET
        (datetime.datetime(2026, 3, 29, 0, 59, tzinfo=UTC), "open"),  # 01:59 CET
        (datetime.datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "open"),  # 03:00 CEST
        (datetime.datetime(2026, 3, 29, 2, 0, tzinfo=UTC), "closed_today"),  # 04:00
        # ... and back to winter time (Sunday 25 October 2026, 03:00 -> 02:00).
        (datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC), "open"),  # 02:30 CEST
        (datetime.datetime(2026, 10, 25, 2, 59, tzinfo=UTC), "open"),  # 03:59 CET
        (datetime.datetime(2026, 10, 25, 3, 0, tzinfo=UTC), "closed_today"),  # 04:00
    ],
)
def test_night_slot_over_the_summer_time_switch(utc, code):
    saturday_night = [slot(5, "22:00", "04:00")]

    assert opening_state(slots=saturday_night, at=utc).code == code


def test_next_change_over_the_weeks_wrap():
    """Sunday 22:00-02:00: the page is kept until midnight, then until 02:00."""
    sunday_night = [slot(6, "22:00", "02:00")]

    assert next_change(slots=sunday_night, at=berlin(2026, 11, 29, 23, 0)) == berlin(
        2026, 11, 30, 0, 0
    )
    assert next_change(slots=sunday_night, at=berlin(2026, 11, 30, 0, 30)) == berlin(
        2026, 11, 30, 2, 0
    )


BY_APPOINTMENT_ON_MONDAY = [
    slot(0, "09:00", "12:00", appointment_only=True),
    slot(0, "14:00", "16:00"),
    slot(6, "22:00", "02:00", appointment_only=True),
]


@pytest.mark.parametrize(
    ("at", "code", "label"),
    [
        (
            berlin(2026, 11, 23, 8, 0),
            "opens_later",
            "geschlossen, heute ab 09:00 Uhr nach Terminvereinbarung",
        ),
        (
            berlin(2026, 11, 23, 10, 0),
            "by_appointment",
            "jetzt nur nach Terminvereinbarung, bis 12:00 Uhr",
        ),
        (
            berlin(2026, 11, 23, 13, 0),
            "opens_later",
            "geschlossen, öffnet heute um 14:00 Uhr",
        ),
        (berlin(2026, 11, 23, 15, 0), "open", "jetzt geöffnet bis 16:00 Uhr"),
        # Sunday's night slot by appointment, on Monday at 01:00.
        (
            berlin(2026, 11, 30, 1, 0),
            "by_appointment",
            "jetzt nur nach Terminvereinbarung, bis 02:00 Uhr",
        ),
    ],
)
def test_slots_only_by_appointment(at, code, label):
    state = opening_state(slots=BY_APPOINTMENT_ON_MONDAY, at=at)

    assert (state.code, state.label) == (code, label)


def test_rows_and_schema_org_name_appointment_only_slots():
    rows = weekly_rows(BY_APPOINTMENT_ON_MONDAY)
    spec = schema_org_specification(BY_APPOINTMENT_ON_MONDAY)

    assert rows[0] == (
        "Montag",
        ["09:00–12:00 Uhr nur nach Terminvereinbarung", "14:00–16:00 Uhr"],
    )
    assert spec[0]["description"] == "nur nach Terminvereinbarung"
    assert "description" not in spec[1]
