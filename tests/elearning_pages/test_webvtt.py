import pytest
from django.utils import translation

from elearning_pages.webvtt import Cue, WebVTTError, dumps, format_timestamp, parse


@pytest.fixture(autouse=True)
def _english():
    # The messages are for editors in either language; their English source is what these tests read.
    with translation.override("en"):
        yield


def test_reads_cues_with_identifiers_settings_notes_and_both_time_forms():
    source = (
        "\ufeffWEBVTT - Les 1\r\n"
        "Kind: captions\r\n"
        "Language: nl\r\n"
        "\r\n"
        "NOTE written by hand\r\n"
        "\r\n"
        "STYLE\r\n"
        "::cue { color: yellow }\r\n"
        "\r\n"
        "intro\r\n"
        "00:00.500 --> 00:04.910 align:start position:10%\r\n"
        "Kanker.nl is een website\r\n"
        "over leven met kanker.\r\n"
        "\r\n"
        "01:00:05.610-->01:00:09.908\r\n"
        "U vindt er uitleg.\r\n"
    )
    assert parse(source) == [
        Cue(start_ms=500, end_ms=4910, text="Kanker.nl is een website\nover leven met kanker.", identifier="intro"),
        Cue(start_ms=3_605_610, end_ms=3_609_908, text="U vindt er uitleg."),
    ]


def test_cue_times_in_seconds():
    [cue] = parse("WEBVTT\n\n00:01.250 --> 00:02.000\nHallo\n")
    assert (cue.start, cue.end) == (1.25, 2.0)


def test_what_it_writes_it_reads_back():
    cues = [Cue(start_ms=500, end_ms=4910, text="Een."), Cue(start_ms=5610, end_ms=3_725_001, text="Twee.")]
    written = dumps(cues)
    assert written.startswith("WEBVTT\n\n1\n00:00:00.500 --> 00:00:04.910\nEen.\n\n2\n")
    read = [(cue.start_ms, cue.end_ms, cue.text) for cue in parse(written)]
    assert read == [(500, 4910, "Een."), (5610, 3_725_001, "Twee.")]


def test_formats_hours_minutes_seconds_and_milliseconds():
    assert format_timestamp(3_725_001) == "01:02:05.001"


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("", 1, "starts with the word WEBVTT"),
        ("WEBVTTX\n\n00:01.000 --> 00:02.000\nHallo\n", 1, "starts with the word WEBVTT"),
        ("1\n00:01.000 --> 00:02.000\nHallo\n", 1, "starts with the word WEBVTT"),
        ("WEBVTT\n00:01.000 --> 00:02.000\nHallo\n", 2, "blank line between WEBVTT and the first cue"),
        ("WEBVTT\n", 2, "no cues"),
        ("WEBVTT\n\nNOTE only a note\n", 4, "no cues"),
        ("WEBVTT\n\n00:01.000 - 00:02.000\nHallo\n", 3, "expected a time line"),
        ("WEBVTT\n\n00:01,000 --> 00:02,000\nHallo\n", 3, "expected a time line"),  # SubRip's comma
        ("WEBVTT\n\n0:01.000 --> 0:02.000\nHallo\n", 3, "expected a time line"),
        ("WEBVTT\n\n00:61.000 --> 01:02.000\nHallo\n", 3, "expected a time line"),
        ("WEBVTT\n\n00:01.5 --> 00:02.000\nHallo\n", 3, "expected a time line"),
        ("WEBVTT\n\nintro\nHallo\n", 3, "expected a time line"),
        ("WEBVTT\n\nintro\n", 3, "expected a time line"),
        ("WEBVTT\n\nintro\n00:01 --> 00:02\nHallo\n", 4, "expected a time line"),
        ("WEBVTT\n\n00:02.000 --> 00:02.000\nHallo\n", 3, "ends at or before its start"),
        ("WEBVTT\n\n00:03.000 --> 00:02.000\nHallo\n", 3, "ends at or before its start"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n\nHallo\n", 3, "no text"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nHallo\n00:03.000 --> 00:04.000\nDaar\n", 5, "blank line missing"),
        (
            "WEBVTT\n\n00:05.000 --> 00:06.000\nLater\n\n00:01.000 --> 00:02.000\nEerder\n",
            6,
            "starts before the one above it",
        ),
    ],
)
def test_refuses_with_the_line_to_fix(source, line, message):
    with pytest.raises(WebVTTError) as raised:
        parse(source)
    assert raised.value.line == line
    assert str(raised.value).startswith(f"Line {line}: ")
    assert message in str(raised.value)


def test_a_refusal_is_a_value_error():
    with pytest.raises(ValueError, match="Line 1"):
        parse("SRT\n")


def test_overlapping_cues_in_start_order_are_allowed():
    cues = parse("WEBVTT\n\n00:01.000 --> 00:05.000\nEen\n\n00:02.000 --> 00:03.000\nTwee\n")
    assert [cue.text for cue in cues] == ["Een", "Twee"]
