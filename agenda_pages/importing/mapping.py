"""From parsed feed items to the values an EventPage gets: plain titles, sanitised descriptions,
safe links, and a hash that tells whether anything changed since the last import."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from agenda_pages.sanitize import plain_text, sanitize_description
from agenda_pages.vocabulary import OccurrenceStatus

from .attendance import read_attendance
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
    themes: tuple[str, ...]
    occurrences: tuple[MappedOccurrence, ...]
    cancelled: bool

    def page_fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in PAGE_FIELDS}

    def snapshot(self) -> dict:
        """Everything the import writes, as JSON; stored on the page to recognise editors' changes."""
        return {
            **self.page_fields(),
            "themes": sorted(self.themes),
            "occurrences": [occurrence.as_json() for occurrence in self.occurrences],
        }

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


def map_event(event: ParsedEvent, *, default_themes: tuple[str, ...] = ()) -> MappedEvent:
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
    themes = {plain_text(category, 100).lower() for category in event.categories} | set(default_themes)
    attendance = read_attendance(
        str(event.attendance_mode),
        plain_text(event.venue_name, 255),
        plain_text(event.address, 255),
        safe_url(event.online_url),
    )
    return MappedEvent(
        uid=event.uid[:255],
        title=plain_text(event.title, 255),
        description=sanitize_description(event.description, event.description_is_html),
        attendance_mode=str(attendance.mode),
        venue_name=attendance.venue_name,
        address=attendance.address,
        online_url=safe_url(attendance.online_url),
        cost=plain_text(event.cost, 100),
        registration_url=safe_url(event.registration_url),
        source_url=safe_url(event.url),
        source_post_id=plain_text(event.source_post_id, 64),
        themes=tuple(sorted(theme for theme in themes if theme)),
        occurrences=occurrences,
        cancelled=cancelled,
    )


def map_events(
    events: tuple[ParsedEvent, ...], *, default_themes: tuple[str, ...] = (), own_hosts: frozenset[str] = frozenset()
) -> tuple[list[MappedEvent], list[ParseWarning]]:
    mapped, warnings = [], []
    for event in events:
        if points_at_us(event, own_hosts):
            warnings.append(ParseWarning("Skipped: this item comes from our own agenda.", uid=event.uid))
            continue
        result = map_event(event, default_themes=default_themes)
        if not result.title:
            warnings.append(ParseWarning("Skipped: the event has no title.", uid=event.uid))
        elif not result.occurrences:
            warnings.append(ParseWarning("Skipped: the event has no dates.", uid=event.uid))
        else:
            mapped.append(result)
    return mapped, warnings
