"""The data that flows between the importer's stages: fetch -> parse -> map -> persist.

Parsers turn the bytes of one feed into a :class:`ParseResult` of :class:`ParsedEvent` values.
Everything here is frozen and free of Django, requests and the clock, so each stage can be tested
alone and a parse can run in a separate process (the values must pickle).
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

# The feed's values for these are the site's own (agenda_pages/vocabulary.py); the parsers take them from here.
from agenda_pages.vocabulary import AMSTERDAM, AttendanceMode, EventStatus, FeedFormat


def start_of_day(day: date) -> datetime:
    """Midnight at the start of ``day`` in Amsterdam: where an all-day event starts (and the day after it, ends)."""
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM)


def check_dates(event: "ParsedEvent") -> None:
    """Raise ValueError unless every date of ``event`` is aware, and each occurrence's can be moved to
    any zone and a day on.

    A year such as 9999 or 1 parses, but the later stages (Amsterdam time, the day after an all-day
    event) would then overflow outside the parser, where one item can no longer be skipped alone.
    """
    if event.last_modified is not None and event.last_modified.utcoffset() is None:
        raise ValueError("its last-modified date has no time zone.")  # only compared, so any year will do
    values = [value for occurrence in event.occurrences for value in (occurrence.start, occurrence.end)]
    for value in values:
        if value is None:
            continue
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ValueError("one of its dates has no time zone.")
        try:
            for shifted in (value - timedelta(days=2), value + timedelta(days=2)):
                shifted.astimezone(UTC)
                shifted.astimezone(AMSTERDAM)
        except OverflowError:
            raise ValueError(f"its date in the year {value.year} lies too far in the past or future.") from None


def unreadable_reason(error: Exception) -> str:
    """Why one item could not be read, for the run's warnings: the error as one short line."""
    if isinstance(error, OverflowError):
        return "one of its dates lies too far in the past or future."
    if isinstance(error, RecursionError):
        return "it is nested too deeply."
    return f"it could not be read ({type(error).__name__}: {str(error)[:200]})."


class FeedParseError(Exception):
    """The feed as a whole cannot be read (not a calendar, truncated, too big to expand...).

    A run that ends with this error changes nothing: no event is created, updated or withdrawn.
    """


@dataclass(frozen=True)
class ParseLimits:
    """Bounds on what one feed may produce; see settings AGENDA_IMPORT_* for the defaults."""

    window_start: datetime  # aware; occurrences ending before this are left out (yesterday)
    window_end: datetime  # aware; occurrences starting after this are left out (horizon)
    max_occurrences_per_series: int = 400
    max_occurrences_per_feed: int = 10_000

    def includes(self, occurrence: "ParsedOccurrence") -> bool:
        """Whether an occurrence touches the import window (it may have started yesterday)."""
        end = occurrence.end or occurrence.start
        return end >= self.window_start and occurrence.start <= self.window_end


@dataclass(frozen=True)
class ParsedOccurrence:
    start: datetime  # aware
    end: datetime | None  # aware; exclusive; None when the source gives no end
    all_day: bool = False
    status: EventStatus = EventStatus.SCHEDULED
    # Where an overridden instance (RECURRENCE-ID) differs from its series.
    title: str | None = None


@dataclass(frozen=True)
class ParsedEvent:
    """One event series as the source describes it, before sanitising and mapping.

    ``uid`` identifies the series within its source. ``description`` is the source's text or HTML
    as given (untrusted: the mapping stage sanitises it).
    """

    uid: str
    title: str
    occurrences: tuple[ParsedOccurrence, ...]
    description: str = ""
    description_is_html: bool = False
    url: str = ""
    status: EventStatus = EventStatus.SCHEDULED
    attendance_mode: AttendanceMode = AttendanceMode.IN_PERSON
    venue_name: str = ""
    address: str = ""
    online_url: str = ""
    categories: tuple[str, ...] = ()
    cost: str = ""
    registration_url: str = ""
    image_url: str = ""
    source_post_id: str = ""  # The Events Calendar's post id, a fallback identity
    last_modified: datetime | None = None


@dataclass(frozen=True)
class ParseWarning:
    """An item that was skipped or changed while parsing; the rest of the feed goes on."""

    message: str
    uid: str = ""


@dataclass(frozen=True)
class ParseResult:
    format: FeedFormat
    events: tuple[ParsedEvent, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    # The Events Calendar's REST API pages its results; the fetch stage follows this link.
    next_page_url: str = ""
    # True when a cap left events out: absent items are then not known to be gone.
    truncated: bool = False
    extra: dict = field(default_factory=dict)


def within_limits(
    events: list[ParsedEvent], limits: ParseLimits, *, source_noun: str = "feed"
) -> tuple[tuple[ParsedEvent, ...], tuple[ParseWarning, ...], bool]:
    """The events whose dates lie in the window, in order, until the feed's cap on dates is reached.

    For formats that list each date as its own event (The Events Calendar, JSON-LD). Returns the
    kept events, a warning when the cap cut the list short, and whether it did (see
    ``ParseResult.truncated``).
    """
    kept: list[ParsedEvent] = []
    count = 0
    for event in events:
        if not all(limits.includes(occurrence) for occurrence in event.occurrences):
            continue
        if count + len(event.occurrences) > limits.max_occurrences_per_feed:
            message = (
                f"The {source_noun} has more than {limits.max_occurrences_per_feed} occurrences; "
                "the rest were left out."
            )
            return tuple(kept), (ParseWarning(message),), True
        count += len(event.occurrences)
        kept.append(event)
    return tuple(kept), (), False
