import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from agenda_pages.importing.isolation import STREAM_BATCH, parse_feed_isolated, run_isolated
from agenda_pages.importing.parse_ics import parse_ics
from agenda_pages.importing.types import AMSTERDAM, FeedFormat, FeedParseError, ParseLimits

FILES = Path(__file__).parent / "files" / "ics"


# Top-level so that the spawned child can import them.
def add(a, b, *, c=0):
    return a + b + c


def spin_forever():
    while True:
        pass


def allocate_too_much():
    return [0] * (200 * 1024 * 1024)  # 1.6 GB of list slots


def refuse_feed():
    raise FeedParseError("The feed is not an iCalendar (.ics) file.")


def raise_value_error():
    raise ValueError("boom")


def sleep_long():
    # Blocks without using CPU, as a stalled parse would. Not time.sleep: in the parse worker (a child
    # process, outside tests/conftest.py) libfaketime's moved-clock CI run would break it.
    threading.Event().wait(30)


def parse_and_list_django_modules(data, limits):
    parse_ics(data, limits=limits)
    return sorted(name for name in sys.modules if name.split(".")[0] in {"django", "wagtail"})


def test_returns_the_result():
    assert run_isolated(add, 1, 2, c=3) == 6


def test_feed_parse_error_is_raised_again():
    with pytest.raises(FeedParseError, match=r"not an iCalendar \(\.ics\) file"):
        run_isolated(refuse_feed)


def test_other_errors_are_raised_again():
    with pytest.raises(ValueError, match="boom"):
        run_isolated(raise_value_error)


def test_endless_loop_is_stopped_by_the_cpu_limit():
    began = time.monotonic()
    with pytest.raises(FeedParseError, match="took too long"):
        run_isolated(spin_forever, cpu_seconds=1, wall_seconds=30)
    assert time.monotonic() - began < 10


def test_huge_allocation_is_stopped_by_the_memory_limit():
    with pytest.raises(FeedParseError, match="too much memory"):
        run_isolated(allocate_too_much, memory_bytes=256 * 1024 * 1024)


def test_wall_clock_limit():
    began = time.monotonic()
    with pytest.raises(FeedParseError, match="more than 1 seconds"):
        run_isolated(sleep_long, wall_seconds=1)
    assert time.monotonic() - began < 5


def test_parse_feed_isolated_parses_ics():
    limits = ParseLimits(
        window_start=datetime(2020, 1, 1, tzinfo=AMSTERDAM), window_end=datetime(2020, 3, 1, tzinfo=AMSTERDAM)
    )
    data = (FILES / "rie__issue_18_cancel_status.ics").read_bytes()

    result = parse_feed_isolated(data, FeedFormat.ICS, limits=limits)
    assert result.format == FeedFormat.ICS
    assert [event.title for event in result.events] == ["one is cancelled"]
    assert [o.start for o in result.events[0].occurrences] == [
        datetime(2020, 1, day, 22, tzinfo=AMSTERDAM) for day in (28, 29, 30)
    ]


def test_parse_feed_isolated_raises_feed_parse_error_for_html():
    limits = ParseLimits(
        window_start=datetime(2026, 1, 1, tzinfo=AMSTERDAM), window_end=datetime(2027, 1, 1, tzinfo=AMSTERDAM)
    )

    with pytest.raises(FeedParseError, match="web page"):
        parse_feed_isolated(b"<html><body>Not found</body></html>", FeedFormat.ICS, limits=limits)


def test_the_child_parses_without_importing_django():
    limits = ParseLimits(
        window_start=datetime(2020, 1, 1, tzinfo=AMSTERDAM), window_end=datetime(2020, 3, 1, tzinfo=AMSTERDAM)
    )
    data = (FILES / "rie__issue_18_cancel_status.ics").read_bytes()

    assert run_isolated(parse_and_list_django_modules, data, limits) == []


def test_parse_feed_isolated_dispatches_tec_json():
    limits = ParseLimits(
        window_start=datetime(2026, 1, 1, tzinfo=AMSTERDAM), window_end=datetime(2027, 1, 1, tzinfo=AMSTERDAM)
    )

    result = parse_feed_isolated(b'{"events": [], "total": 0, "total_pages": 0}', FeedFormat.TEC_JSON, limits=limits)
    assert (result.format, result.events) == (FeedFormat.TEC_JSON, ())


def many_events(count):
    from agenda_pages.importing.types import ParseResult, ParseWarning

    events = tuple(f"event {n}" for n in range(count))  # stand-ins: the transfer does not look inside
    return ParseResult(format=FeedFormat.ICS, events=events, warnings=(ParseWarning("one bad item", "x"),))


@pytest.mark.parametrize("count", [0, 1, STREAM_BATCH, STREAM_BATCH * 3 + 7])
def test_a_large_result_arrives_whole_and_in_order(count):
    # The events come back in batches (so the bytes of one huge message never sit next to the
    # events unpickled from them); whatever the count, they must arrive complete.
    result = run_isolated(many_events, count)

    assert result.events == tuple(f"event {n}" for n in range(count))
    assert [warning.message for warning in result.warnings] == ["one bad item"]


def test_an_unexpected_error_carries_the_traceback_from_the_parsing_process():
    with pytest.raises(ValueError, match="boom") as raised:
        run_isolated(raise_value_error)
    [note] = raised.value.__notes__
    assert note.startswith("In the parsing process:\nTraceback")
    assert "raise_value_error" in note
