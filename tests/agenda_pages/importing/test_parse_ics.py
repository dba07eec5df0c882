import pickle
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from agenda_pages.importing.isolation import parse_feed_isolated
from agenda_pages.importing.parse_ics import parse_ics
from agenda_pages.importing.types import (
    AMSTERDAM,
    AttendanceMode,
    EventStatus,
    FeedFormat,
    FeedParseError,
    ParseLimits,
)

FILES = Path(__file__).parent / "files" / "ics"
LIMITS_2026 = ParseLimits(
    window_start=datetime(2026, 1, 1, tzinfo=AMSTERDAM), window_end=datetime(2027, 1, 1, tzinfo=AMSTERDAM)
)


def ams(*args) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)


def limits(start: tuple, end: tuple, **caps) -> ParseLimits:
    return ParseLimits(window_start=ams(*start), window_end=ams(*end), **caps)


def parse_file(name: str, start: tuple, end: tuple, **caps):
    return parse_ics((FILES / name).read_bytes(), limits=limits(start, end, **caps))


def calendar(*lines: str, eol: str = "\r\n") -> bytes:
    return (eol.join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *lines, "END:VCALENDAR"]) + eol).encode()


def vevent(uid: str, *props: str) -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z", *props, "END:VEVENT"]


def only_event(result):
    assert len(result.events) == 1, result
    return result.events[0]


def spans(event) -> list[tuple]:
    return [(occurrence.start, occurrence.end) for occurrence in event.occurrences]


# --- real feeds -------------------------------------------------------------------------------------


def test_cancelled_instance_of_a_thunderbird_series():
    event = only_event(parse_file("rie__issue_18_cancel_status.ics", (2020, 1, 1), (2020, 3, 1)))

    assert event.title == "one is cancelled"
    assert event.status == EventStatus.SCHEDULED
    assert spans(event) == [(ams(2020, 1, d, 22), ams(2020, 1, d, 23)) for d in (28, 29, 30)]
    assert [o.status for o in event.occurrences] == [
        EventStatus.SCHEDULED,
        EventStatus.CANCELLED,
        EventStatus.SCHEDULED,
    ]
    assert event.last_modified == datetime(2020, 2, 6, 21, 8, 26, tzinfo=UTC)


def test_moved_instances_replace_their_date_with_their_own_time_and_title():
    result = parse_file("rie__recurring_events_moved.ics", (2019, 3, 1), (2019, 4, 1))
    by_title = {event.title: event for event in result.events}

    moved = by_title["New Event"]
    assert [o.start for o in moved.occurrences] == [
        ams(2019, 3, 7, 2),
        ams(2019, 3, 8, 1),
        ams(2019, 3, 9, 3),
        ams(2019, 3, 10, 2),
    ]
    edited = by_title["test7"]
    assert [(o.start, o.title) for o in edited.occurrences] == [
        (ams(2019, 3, 18, 4), None),
        (ams(2019, 3, 19, 4), "test7 - edited"),
        (ams(2019, 3, 20, 4), None),
    ]


def test_exchange_feed_with_many_overrides_and_windows_time_zone():
    result = parse_file("icalevents__recurring_override.ics", (2000, 1, 1), (2030, 1, 1))

    assert len(result.events) == 136
    assert sum(len(event.occurrences) for event in result.events) == 644
    assert result.warnings == ()
    # An override whose RECURRENCE-ID is a time but whose new DTSTART is a whole day (16 Dec 2020).
    away = next(event for event in result.events if event.uid.endswith("C5F95995E3800542923A3EE467BA1A6A"))
    day = next(o for o in away.occurrences if o.start.date() == ams(2020, 12, 16).date())
    assert (day.start, day.end, day.all_day) == (ams(2020, 12, 16), ams(2020, 12, 17), True)


def test_all_day_series_with_a_moved_instance():
    event = only_event(parse_file("node-ical__exchange_whole_day_moved_recurrence.ics", (2026, 2, 1), (2026, 3, 8)))

    assert spans(event) == [
        (ams(2026, 2, 19), ams(2026, 2, 20)),
        (ams(2026, 2, 24), ams(2026, 2, 25)),
        (ams(2026, 2, 27), ams(2026, 2, 28)),  # moved from Thursday 26 February
        (ams(2026, 3, 3), ams(2026, 3, 4)),
        (ams(2026, 3, 5), ams(2026, 3, 6)),
    ]
    assert all(o.all_day for o in event.occurrences)


def test_office_365_windows_time_zones_and_exdates():
    result = parse_file("allenporter-ical__office_356_custom_timezone.ics", (2024, 1, 1), (2027, 1, 1))

    assert [len(event.occurrences) for event in result.events] == [1, 50]
    single, series = result.events
    assert single.title == "Zajęty"
    assert spans(single) == [(ams(2024, 5, 2, 11), ams(2024, 5, 2, 12))]
    starts = [o.start for o in series.occurrences]
    assert starts[0] == ams(2024, 5, 21, 15)
    assert starts[-1] == ams(2026, 5, 5, 15)
    assert ams(2024, 12, 31, 15) not in starts  # EXDATE
    assert ams(2024, 12, 17, 15) in starts
    assert pickle.loads(pickle.dumps(result)) == result


def test_blank_tzid_from_exchange_is_read_as_amsterdam_with_warnings():
    result = parse_file("ical4j__blankTzid.ics", (2015, 1, 1), (2016, 1, 1))

    event = only_event(result)
    assert event.uid == "t21ocubdt9jagerldbkak7uhcg@google.com"
    assert spans(event) == [(ams(2015, 8, 26, 9), ams(2015, 8, 26, 10))]
    assert event.address == "17 Commerce Crescent,Eastgate"
    assert event.venue_name == "17 Commerce Crescent"
    assert any("time zone definition could not be read" in w.message for w in result.warnings)
    assert any("Unknown time zone ''" in w.message and w.uid == event.uid for w in result.warnings)


def test_windows_1252_feed_without_uids_and_x_wr_timezone():
    result = parse_file("icalnet__ProdID2.ics", (2006, 1, 1), (2008, 1, 1))

    assert len(result.events) == 39
    first = min(result.events, key=lambda event: event.occurrences[0].start)
    assert first.title == "UNC vs. St. Augustine\u2019s (exhibition)"
    # Floating 07:30 in a calendar with X-WR-TIMEZONE:US/Eastern.
    assert first.occurrences[0].start == ams(2006, 11, 1, 13, 30)
    assert first.uid.startswith("nouid-")
    messages = [w.message for w in result.warnings]
    assert "The feed is not valid UTF-8; it was read as Windows-1252 (Western European)." in messages
    assert "40 events have no UID; each was identified by its start time and title." in messages
    again = parse_file("icalnet__ProdID2.ics", (2006, 1, 1), (2008, 1, 1))
    assert {event.uid for event in again.events} == {event.uid for event in result.events}


def test_two_concatenated_outlook_calendars():
    result = parse_file("lsjoyous__outlook11_quoted_printable_two_vcalendars.ics", (2018, 7, 1), (2018, 8, 1))

    assert [(e.title, e.occurrences[0].start, e.occurrences[0].end) for e in result.events] == [
        ("Sounds Air - Flight Reminder", ams(2018, 7, 30, 9, 25), ams(2018, 7, 30, 10, 15)),
        ("Sounds Air - Flight Reminder", ams(2018, 7, 31, 8, 15), ams(2018, 7, 31, 9)),
    ]


def test_one_broken_event_does_not_stop_the_others():
    result = parse_file("node-ical__multi-event-basic.ics", (2010, 1, 1), (2013, 1, 1))

    assert len(result.events) == 8
    assert [w.uid for w in result.warnings] == ["sdfkf09fsd0"]
    assert "Next Year" in result.warnings[0].message
    dyncon = next(event for event in result.events if event.title == "Dyncon 2011")
    assert dyncon.address == "Stockholm, Sweden"
    assert dyncon.venue_name == "Stockholm"
    assert dyncon.occurrences[0].start == datetime(2011, 3, 12, 20, tzinfo=UTC)


def test_vtimezone_with_two_tzids_is_skipped_with_a_warning():
    # icalendar raises on the whole file; the events are then read one by one and the bad
    # VTIMEZONE is dropped (the event's times are floating anyway).
    result = parse_file("node-ical__test_with_multiple_tzids_in_vtimezone.ics", (2024, 1, 1), (2025, 1, 1))

    event = only_event(result)
    assert event.title == "Possible Snow Makeup Day"
    assert event.categories == ("School Events",)
    assert spans(event) == [(ams(2024, 6, 27), ams(2024, 6, 27, 23))]
    assert any(w.message.startswith("A time zone definition could not be read") for w in result.warnings)


def test_invalid_alarm_duration_does_not_lose_the_events():
    result = parse_file("khal__non_dst_error.ics", (2023, 1, 1), (2024, 1, 1))

    assert [(e.title, spans(e)) for e in result.events] == [
        (
            "Trip from Utrecht to Bruxelles Central/Brussel Centraal",
            [(ams(2023, 2, 3, 15, 15), ams(2023, 2, 3, 18, 6))],
        ),
        (
            "Trip from Bruxelles Central/Brussel Centraal to Utrecht",
            [(ams(2023, 2, 6, 9, 50), ams(2023, 2, 6, 12, 50))],
        ),
    ]
    assert "PT-2H" in result.warnings[0].message


def test_google_public_holidays_within_the_window():
    result = parse_file("allenporter-ical__google_calendar_public_holidays.ics", (2023, 1, 1), (2024, 1, 1))

    assert len(result.events) == 36
    new_year = next(
        event for event in result.events if event.title == "New Year's Day" and event.occurrences[0].start.year == 2023
    )
    assert new_year.occurrences == (new_year.occurrences[0],)
    assert (new_year.occurrences[0].start, new_year.occurrences[0].end, new_year.occurrences[0].all_day) == (
        ams(2023, 1, 1),
        ams(2023, 1, 2),
        True,
    )


def test_events_calendar_pro_invalid_tzid_is_read_as_amsterdam():
    result = parse_file("lsjoyous__tec_ecp4613_bloor_spadina_utc_plus_0.ics", (2018, 1, 1), (2019, 1, 1))

    event = only_event(result)
    assert event.title == "Mini-Fair & Garage Sale"
    assert spans(event) == [(ams(2018, 4, 7, 9, 30), ams(2018, 4, 7, 11, 30))]
    assert result.warnings[0].message == "Unknown time zone 'UTC+0'; its times were read as Europe/Amsterdam."
    assert result.warnings[0].uid == event.uid


# --- times ------------------------------------------------------------------------------------------


def test_floating_time_is_amsterdam():
    data = calendar(*vevent("a", "SUMMARY:Inloop", "DTSTART:20260310T193000", "DTEND:20260310T213000"))

    event = only_event(parse_ics(data, limits=LIMITS_2026))
    assert spans(event) == [(ams(2026, 3, 10, 19, 30), ams(2026, 3, 10, 21, 30))]
    assert event.occurrences[0].start.utcoffset() == timedelta(hours=1)


def test_utc_time():
    data = calendar(*vevent("a", "SUMMARY:Webinar", "DTSTART:20260701T100000Z", "DTEND:20260701T110000Z"))

    event = only_event(parse_ics(data, limits=LIMITS_2026))
    assert spans(event) == [(ams(2026, 7, 1, 12), ams(2026, 7, 1, 13))]
    assert event.occurrences[0].start.tzinfo == AMSTERDAM


def test_windows_time_zone_name_without_definition():
    data = calendar(*vevent("a", "SUMMARY:X", "DTSTART;TZID=W. Europe Standard Time:20260601T090000"))

    result = parse_ics(data, limits=LIMITS_2026)
    assert spans(only_event(result)) == [(ams(2026, 6, 1, 9), None)]
    assert result.warnings == ()


def test_unknown_tzid_is_amsterdam_with_a_warning():
    data = calendar(*vevent("mars-1", "SUMMARY:X", "DTSTART;TZID=Mars/Olympus:20260601T090000", "DURATION:PT1H"))

    result = parse_ics(data, limits=LIMITS_2026)
    assert spans(only_event(result)) == [(ams(2026, 6, 1, 9), ams(2026, 6, 1, 10))]
    assert [(w.message, w.uid) for w in result.warnings] == [
        ("Unknown time zone 'Mars/Olympus'; its times were read as Europe/Amsterdam.", "mars-1")
    ]


def test_duration_instead_of_dtend():
    data = calendar(*vevent("a", "SUMMARY:X", "DTSTART;TZID=Europe/Amsterdam:20260320T140000", "DURATION:PT1H30M"))

    assert spans(only_event(parse_ics(data, limits=LIMITS_2026))) == [(ams(2026, 3, 20, 14), ams(2026, 3, 20, 15, 30))]


@pytest.mark.parametrize(
    ("end_line", "expected_end"),
    [
        ("DTEND;VALUE=DATE:20260429", ams(2026, 4, 29)),
        ("DTEND;VALUE=DATE:20260427", ams(2026, 4, 28)),
        ("X-NO-END:1", ams(2026, 4, 28)),
    ],
)
def test_all_day_end_is_exclusive_and_at_least_one_day(end_line, expected_end):
    data = calendar(*vevent("a", "SUMMARY:Congres", "DTSTART;VALUE=DATE:20260427", end_line))

    occurrence = only_event(parse_ics(data, limits=LIMITS_2026)).occurrences[0]
    assert (occurrence.start, occurrence.end, occurrence.all_day) == (ams(2026, 4, 27), expected_end, True)


def test_rdate_and_exdate():
    data = calendar(
        *vevent(
            "a",
            "SUMMARY:X",
            "DTSTART;TZID=Europe/Amsterdam:20260302T100000",
            "DTEND;TZID=Europe/Amsterdam:20260302T110000",
            "RRULE:FREQ=WEEKLY;COUNT=3",
            "EXDATE;TZID=Europe/Amsterdam:20260309T100000",
            "RDATE;TZID=Europe/Amsterdam:20260401T140000",
        )
    )

    starts = [o.start for o in only_event(parse_ics(data, limits=LIMITS_2026)).occurrences]
    assert starts == [ams(2026, 3, 2, 10), ams(2026, 3, 16, 10), ams(2026, 4, 1, 14)]


# --- bytes ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("eol", ["\r\n", "\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_line_endings_bom_and_folded_lines(eol, bom):
    data = bom + calendar(
        *vevent(
            "a",
            f"SUMMARY:Lezing over{eol}  borstkanker",
            f"DESCRIPTION:Eerste deel{eol}\t en tweede deel",
            "DTSTART:20260310T193000",
        ),
        eol=eol,
    )

    result = parse_ics(data, limits=LIMITS_2026)
    event = only_event(result)
    assert (event.title, event.description) == ("Lezing over borstkanker", "Eerste deel en tweede deel")
    assert result.warnings == ()


def test_todo_and_journal_are_ignored():
    data = calendar(
        "BEGIN:VTODO",
        "UID:todo",
        "SUMMARY:Taak",
        "DTSTART:20260310T100000",
        "END:VTODO",
        "BEGIN:VJOURNAL",
        "UID:journal",
        "DTSTART:20260310T100000",
        "END:VJOURNAL",
        *vevent("event", "SUMMARY:Event", "DTSTART:20260310T100000"),
    )

    assert [event.uid for event in parse_ics(data, limits=LIMITS_2026).events] == ["event"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The feed is empty"),
        (b" \r\n\r\n", "The feed is empty"),
        (b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "looks like a web page (HTML)"),
        (b'{"events": []}', "looks like JSON"),
        (calendar(*vevent("a", "DTSTART:20260310T100000"))[:-30], "The feed is incomplete"),
        (calendar(*vevent("a", "DTSTART:20260310T100000")).replace(b"END:VCALENDAR\r\n", b""), "incomplete"),
    ],
)
def test_bodies_that_are_not_a_whole_calendar(data, message):
    with pytest.raises(FeedParseError, match=re.escape(message)):
        parse_ics(data, limits=LIMITS_2026)


def test_feed_where_every_event_is_broken_is_an_error():
    data = calendar(*vevent("a", "SUMMARY:X", "DTSTART:not a date"), *vevent("b", "SUMMARY:Y", "DTSTART:never"))

    with pytest.raises(FeedParseError, match="None of the 2 events in the feed could be read"):
        parse_ics(data, limits=LIMITS_2026)


# --- fields -----------------------------------------------------------------------------------------


def test_fields_of_an_event():
    data = calendar(
        *vevent(
            "a",
            "SUMMARY:  Lotgenotencontact  ",
            "DESCRIPTION:Platte tekst",
            "X-ALT-DESC;FMTTYPE=text/html:<p>Rijke <b>tekst</b></p>",
            "URL:https://example.org/agenda/1",
            "LOCATION:Wijkcentrum De Pijp\\, Ferdinand Bolstraat 1\\, Amsterdam",
            "CATEGORIES:Lotgenoten,Borstkanker",
            "CATEGORIES:Online",
            "STATUS:CANCELLED",
            "LAST-MODIFIED:20260105T081500Z",
            "DTSTART:20260310T193000",
        )
    )

    event = only_event(parse_ics(data, limits=LIMITS_2026))
    assert event.title == "Lotgenotencontact"
    assert (event.description, event.description_is_html) == ("<p>Rijke <b>tekst</b></p>", True)
    assert event.url == "https://example.org/agenda/1"
    assert event.address == "Wijkcentrum De Pijp, Ferdinand Bolstraat 1, Amsterdam"
    assert event.venue_name == "Wijkcentrum De Pijp"
    assert event.attendance_mode == AttendanceMode.IN_PERSON
    assert event.categories == ("Lotgenoten", "Borstkanker", "Online")
    assert event.status == EventStatus.CANCELLED
    assert event.occurrences[0].status == EventStatus.SCHEDULED  # the series is cancelled, not one instance
    assert event.last_modified == datetime(2026, 1, 5, 8, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("props", "mode", "address"),
    [
        (["LOCATION:https://us02web.zoom.us/j/8123456789"], AttendanceMode.ONLINE, ""),
        (["URL:https://teams.microsoft.com/l/meetup-join/abc"], AttendanceMode.ONLINE, ""),
        (
            ["LOCATION:Bibliotheek Utrecht", "URL:https://meet.google.com/abc-defg-hij"],
            AttendanceMode.MIXED,
            "Bibliotheek Utrecht",
        ),
    ],
)
def test_meeting_links_make_an_event_online(props, mode, address):
    event = only_event(
        parse_ics(calendar(*vevent("a", "SUMMARY:X", "DTSTART:20260310T193000", *props)), limits=LIMITS_2026)
    )

    assert (event.attendance_mode, event.address) == (mode, address)
    assert event.online_url.startswith("https://")


# --- caps and hostile rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=MINUTELY", "19000101T000000"),
        ("FREQ=SECONDLY;INTERVAL=5", "20260101T000000"),
        ("FREQ=HOURLY", "19000101T000000"),
    ],
)
def test_too_fine_grained_rules_are_refused_quickly(rule, start):
    data = calendar(
        *vevent("fast", "SUMMARY:Spam", f"DTSTART:{start}", f"RRULE:{rule}"),
        *vevent("normal", "SUMMARY:Normaal", "DTSTART:20260310T100000"),
    )

    began = time.process_time()
    result = parse_ics(data, limits=LIMITS_2026)
    assert time.process_time() - began < 2
    assert [event.uid for event in result.events] == ["normal"]
    assert [w.uid for w in result.warnings] == ["fast"]
    assert result.warnings[0].message.startswith("This event was skipped: its repeat rule")


@pytest.mark.parametrize(
    "rule",
    ["FREQ=DAILY;INTERVAL=0", "FREQ=WEEKLY;INTERVAL=-1", "FREQ=MONTHLY;INTERVAL=0;COUNT=3", "FREQ=YEARLY;INTERVAL=0"],
)
def test_a_rule_that_does_not_move_on_is_refused(rule):
    data = calendar(
        *vevent("still", "SUMMARY:Spam", "DTSTART:20260301T100000", f"RRULE:{rule}"),
        *vevent("normal", "SUMMARY:Normaal", "DTSTART:20260310T100000"),
    )

    # In a limited process: dateutil steps by nothing for ever on such a rule, and a test must end.
    result = parse_feed_isolated(data, FeedFormat.ICS, limits=LIMITS_2026, cpu_seconds=5, wall_seconds=10)
    assert [event.uid for event in result.events] == ["normal"]
    assert [w.uid for w in result.warnings] == ["still"]
    assert result.warnings[0].message.startswith("This event was skipped: its repeat rule has INTERVAL=")


def test_hourly_rule_is_capped_per_series():
    data = calendar(*vevent("h", "SUMMARY:X", "DTSTART:20260601T000000", "RRULE:FREQ=HOURLY"))

    result = parse_ics(data, limits=limits((2026, 1, 1), (2027, 1, 1), max_occurrences_per_series=50))
    starts = [o.start for o in only_event(result).occurrences]
    assert (len(starts), starts[0], starts[-1]) == (50, ams(2026, 6, 1, 0), ams(2026, 6, 3, 1))
    assert result.warnings[0].message == "Only the first 50 occurrences of this event were kept."


def test_unbounded_daily_rule_is_expanded_only_within_the_window():
    data = calendar(*vevent("d", "SUMMARY:X", "DTSTART:19500101T100000", "DURATION:PT1H", "RRULE:FREQ=DAILY"))

    began = time.process_time()
    result = parse_ics(data, limits=limits((2026, 3, 1), (2026, 3, 10)))
    assert time.process_time() - began < 2
    assert [o.start for o in only_event(result).occurrences] == [ams(2026, 3, day, 10) for day in range(1, 10)]
    assert result.warnings == ()


def test_unbounded_daily_rule_is_capped_per_series():
    data = calendar(*vevent("d", "SUMMARY:X", "DTSTART:20200101T100000", "RRULE:FREQ=DAILY"))

    result = parse_ics(data, limits=limits((2026, 1, 1), (2030, 1, 1), max_occurrences_per_series=30))
    starts = [o.start for o in only_event(result).occurrences]
    assert (len(starts), starts[0], starts[-1]) == (30, ams(2026, 1, 1, 10), ams(2026, 1, 30, 10))
    assert [w.uid for w in result.warnings] == ["d"]


def test_total_occurrences_are_capped_per_feed():
    events = [
        line
        for n in range(5)
        for line in vevent(f"e{n}", f"SUMMARY:E{n}", f"DTSTART:2026030{n + 1}T100000", "RRULE:FREQ=WEEKLY;COUNT=10")
    ]

    result = parse_ics(calendar(*events), limits=limits((2026, 1, 1), (2027, 1, 1), max_occurrences_per_feed=25))
    assert [(event.uid, len(event.occurrences)) for event in result.events] == [("e0", 10), ("e1", 10), ("e2", 5)]
    assert [(w.message, w.uid) for w in result.warnings] == [
        ("Only the first 5 occurrences of this event were kept.", "e2"),
        ("The feed has more than 25 occurrences in the import window; 2 events after that were left out.", ""),
    ]


# --- icalendar's process-wide time-zone cache -------------------------------------------------------

CUSTOM_ZONE_A = [
    "BEGIN:VTIMEZONE",
    "TZID:Customized Time Zone",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]
CUSTOM_ZONE_B = [
    "BEGIN:VTIMEZONE",
    "TZID:Customized Time Zone",
    "BEGIN:STANDARD",
    "DTSTART:16010101T000000",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0500",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def test_custom_time_zone_of_one_feed_does_not_leak_into_the_next():
    event_line = "DTSTART;TZID=Customized Time Zone:20260210T100000"
    feed_a = calendar(*CUSTOM_ZONE_A, *vevent("a", "SUMMARY:A", event_line))
    feed_b = calendar(*CUSTOM_ZONE_B, *vevent("b", "SUMMARY:B", event_line))

    assert only_event(parse_ics(feed_a, limits=LIMITS_2026)).occurrences[0].start == ams(2026, 2, 10, 10)
    assert only_event(parse_ics(feed_b, limits=LIMITS_2026)).occurrences[0].start == ams(2026, 2, 10, 16)
    assert only_event(parse_ics(feed_a, limits=LIMITS_2026)).occurrences[0].start == ams(2026, 2, 10, 10)


def test_feed_cap_marks_the_result_truncated():
    from datetime import UTC, datetime

    from agenda_pages.importing.parse_ics import parse_ics
    from agenda_pages.importing.types import ParseLimits

    events = "".join(
        f"BEGIN:VEVENT\r\nUID:e{number}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:2026120{number}T100000Z\r\n"
        f"SUMMARY:Event {number}\r\nEND:VEVENT\r\n"
        for number in range(1, 4)
    )
    body = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{events}END:VCALENDAR\r\n".encode()
    window = {"window_start": datetime(2026, 11, 1, tzinfo=UTC), "window_end": datetime(2027, 1, 1, tzinfo=UTC)}
    assert not parse_ics(body, limits=ParseLimits(**window)).truncated
    capped = parse_ics(body, limits=ParseLimits(**window, max_occurrences_per_feed=2))
    assert capped.truncated
    assert len(capped.events) == 2


# --- text escapes (RFC 5545, 3.3.11) ----------------------------------------------------------------

ESCAPED = "Koffie\\, thee\\; taart\\nTweede regel\\NDerde \\\\ pad C:\\\\nieuw"
UNESCAPED = "Koffie, thee; taart\nTweede regel\nDerde \\ pad C:\\nieuw"


@pytest.mark.parametrize(
    "line, read",
    [
        (f"SUMMARY:{ESCAPED}", lambda event: event.title),
        (f"DESCRIPTION:{ESCAPED}", lambda event: event.description),
        (f"X-ALT-DESC;FMTTYPE=text/html:<p>{ESCAPED}</p>", lambda event: event.description.removeprefix("<p>")),
        (f"LOCATION:{ESCAPED}", lambda event: event.address),
        (f"CATEGORIES:{ESCAPED},Tweede", lambda event: event.categories[0]),
    ],
    ids=["SUMMARY", "DESCRIPTION", "X-ALT-DESC", "LOCATION", "CATEGORIES"],
)
def test_text_escapes_are_undone_in_every_text_property(line, read):
    """Outlook's HTML description kept its escapes (icalendar leaves a property it does not know raw)."""
    event = only_event(parse_ics(calendar(*vevent("a", "DTSTART:20260310T193000", line)), limits=LIMITS_2026))

    assert read(event).removesuffix("</p>") == UNESCAPED


def test_an_escaped_uid_and_an_escaped_instance_title_are_undone():
    data = calendar(
        *vevent("reeks\\,1", "SUMMARY:Wandelen", "DTSTART:20260310T100000", "RRULE:FREQ=WEEKLY;COUNT=2"),
        *vevent(
            "reeks\\,1", "RECURRENCE-ID:20260317T100000", "SUMMARY:Wandelen\\, extra lang", "DTSTART:20260317T100000"
        ),
    )

    event = only_event(parse_ics(data, limits=LIMITS_2026))
    assert event.uid == "reeks,1"
    assert [occurrence.title for occurrence in event.occurrences] == [None, "Wandelen, extra lang"]


def test_an_unreadable_events_uid_in_the_warning_is_unescaped():
    two_ids = ["BEGIN:VTIMEZONE", "TZID:A", "TZID:B", "END:VTIMEZONE"]  # makes icalendar refuse the whole file
    data = calendar(*two_ids, *vevent("kapot\\;1", "DTSTART:2026X"), *vevent("goed", "DTSTART:20260310T100000"))

    result = parse_ics(data, limits=LIMITS_2026)
    assert [warning.uid for warning in result.warnings if warning.uid] == ["kapot;1"]


def test_a_broken_date_with_a_time_zone_skips_that_event_only():
    """icalendar 7 raises only when such a date is read, which the unknown-zone check did for every event."""
    data = calendar(
        *vevent("kapot", "DTSTART;TZID=Europe/Amsterdam:2026X"), *vevent("goed", "DTSTART:20260310T100000")
    )

    result = parse_ics(data, limits=LIMITS_2026)
    assert [event.uid for event in result.events] == ["goed"]
    assert [warning.uid for warning in result.warnings] == ["kapot"]


def test_characters_no_database_takes_are_dropped_from_text():
    data = calendar(
        *vevent("nul\x00@example", "SUMMARY:Yoga\x00 in de\x07 tuin", "DTSTART:20260310T100000", "LOCATION:Zaal\x00 1")
    )
    event = only_event(parse_ics(data, limits=LIMITS_2026))
    assert (event.uid, event.title, event.address) == ("nul@example", "Yoga in de tuin", "Zaal 1")


def test_a_last_modified_in_year_9999_does_not_skip_the_event():
    data = calendar(*vevent("a", "SUMMARY:Yoga", "DTSTART:20260310T100000", "LAST-MODIFIED:99991231T235959Z"))
    event = only_event(parse_ics(data, limits=LIMITS_2026))
    assert event.last_modified == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
