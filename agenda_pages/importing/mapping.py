"""From parsed feed items to the values an EventPage gets: plain titles, sanitised descriptions,
safe links, themes from the feed's categories (or suggested from the text, ``themes``), and a hash
that tells whether anything changed since the last import."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from agenda_pages.sanitize import plain_text, sanitize_description
from agenda_pages.vocabulary import AttendanceMode, OccurrenceStatus

from .attendance import read_attendance
from .themes import NO_THEME_RULES, ThemeRules, read_categories, suggest_themes
from .types import EventStatus, ParsedEvent, ParseWarning

# Page fields the importer owns; an editor's change to one of them is kept (see persist).
PAGE_FIELDS = (
    "title",
    "description",
    "attendance_mode",
    "venue_name",
    "address",
    "online_url",
    "cost",
    "registration_url",
)


@dataclass(frozen=True)
class MappedOccurrence:
    start: datetime
    end: datetime | None
    all_day: bool
    status: str  # an OccurrenceStatus value
    title_override: str = ""

    def as_json(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "all_day": self.all_day,
            "status": self.status,
            "title_override": self.title_override,
        }


@dataclass(frozen=True)
class MappedEvent:
    uid: str
    title: str
    description: str
    attendance_mode: str
    venue_name: str
    address: str
    online_url: str
    cost: str
    registration_url: str
    source_url: str
    source_post_id: str
    themes: tuple[str, ...]  # Theme slugs
    occurrences: tuple[MappedOccurrence, ...]
    cancelled: bool
    audience: tuple[str, ...] = ()  # Audience codes the feed's categories name ("Naasten")
    # Theme slugs read from the title and description when the categories gave none; not applied.
    suggested_themes: tuple[str, ...] = ()

    def page_fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in PAGE_FIELDS}

    def snapshot(self) -> dict:
        """Everything the import writes, as JSON; stored on the page to recognise editors' changes."""
        snapshot = {
            **self.page_fields(),
            "themes": sorted(self.themes),
            "occurrences": [occurrence.as_json() for occurrence in self.occurrences],
        }
        if self.audience:  # only when there is one, so the hash of every other event stays the same
            snapshot["audience"] = sorted(self.audience)
        return snapshot

    @property
    def content_hash(self) -> str:
        encoded = json.dumps(self.snapshot(), sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()

    @property
    def first_start(self) -> datetime | None:
        return min((occurrence.start for occurrence in self.occurrences), default=None)


def safe_url(value: str, max_length: int = 1000) -> str:
    """``value`` if it is an absolute http(s) address that fits the field, else empty."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or len(value) > max_length:
        return ""
    return value


def points_at_us(event: ParsedEvent, own_hosts: frozenset[str]) -> bool:
    """True for items that came from our own feeds (a centre that embeds our agenda on its site)."""
    host = (urlsplit(event.url).hostname or "").lower()
    uid_domain = event.uid.rsplit("@", 1)[-1].lower() if "@" in event.uid else ""
    return bool(own_hosts) and (host in own_hosts or uid_domain in own_hosts)


def map_event(event: ParsedEvent, *, rules: ThemeRules = NO_THEME_RULES) -> MappedEvent:
    cancelled = event.status == EventStatus.CANCELLED
    occurrences = tuple(
        MappedOccurrence(
            start=occurrence.start,
            end=occurrence.end,
            all_day=occurrence.all_day,
            status=OccurrenceStatus.CANCELLED
            if cancelled or occurrence.status == EventStatus.CANCELLED
            else OccurrenceStatus.SCHEDULED,
            title_override=plain_text(occurrence.title or "", 255),
        )
        for occurrence in sorted(event.occurrences, key=lambda occurrence: occurrence.start)
    )
    categories = read_categories(event.categories, rules)
    venue_name, address = plain_text(event.venue_name, 255), plain_text(event.address, 255)
    mode = str(event.attendance_mode)
    if categories.online and mode == AttendanceMode.IN_PERSON:  # the category "Online" is how to take part
        mode = AttendanceMode.MIXED if venue_name or address else AttendanceMode.ONLINE
    attendance = read_attendance(mode, venue_name, address, safe_url(event.online_url))
    title = plain_text(event.title, 255)
    description = sanitize_description(event.description, event.description_is_html)
    suggested = () if categories.themes else suggest_themes(title, plain_text(description, 5000), rules)
    return MappedEvent(
        uid=event.uid[:255],
        title=title,
        description=description,
        attendance_mode=str(attendance.mode),
        venue_name=attendance.venue_name,
        address=attendance.address,
        online_url=safe_url(attendance.online_url),
        cost=plain_text(event.cost, 100),
        registration_url=safe_url(event.registration_url),
        source_url=safe_url(event.url),
        source_post_id=plain_text(event.source_post_id, 64),
        themes=categories.themes,
        occurrences=occurrences,
        cancelled=cancelled,
        audience=categories.audience,
        suggested_themes=suggested,
    )


def map_events(
    events: tuple[ParsedEvent, ...], *, rules: ThemeRules = NO_THEME_RULES, own_hosts: frozenset[str] = frozenset()
) -> tuple[list[MappedEvent], list[ParseWarning]]:
    mapped, warnings = [], []
    for event in events:
        if points_at_us(event, own_hosts):
            warnings.append(ParseWarning("Skipped: this item comes from our own agenda.", uid=event.uid))
            continue
        result = map_event(event, rules=rules)
        if not result.title:
            warnings.append(ParseWarning("Skipped: the event has no title.", uid=event.uid))
        elif not result.occurrences:
            warnings.append(ParseWarning("Skipped: the event has no dates.", uid=event.uid))
        else:
            mapped.append(result)
    return mapped, warnings
