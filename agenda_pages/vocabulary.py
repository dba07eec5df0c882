"""The value sets the importer, the models and the public exports share, each defined once.

Plain values without labels, importing nothing from the project so that every layer may use them:
the models' choices put labels on them (``models.events.AttendanceMode``), the importer's parsed
events carry them (``importing.types``), and the iCalendar and JSON-LD exports translate them into
their own terms (``public.ics``, ``public.jsonld``). They are stored in the database: changing a
value needs a data migration. ``tests/agenda_pages/test_vocabulary.py`` checks that the others agree.
"""

from enum import StrEnum
from zoneinfo import ZoneInfo

# The centres' time zone: floating times in feeds, all-day dates and the exports are read in it.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class FeedFormat(StrEnum):
    AUTO = "auto"
    ICS = "ics"
    TEC_JSON = "tec-json"
    JSONLD = "jsonld"


class AttendanceMode(StrEnum):
    IN_PERSON = "in-person"
    ONLINE = "online"
    MIXED = "mixed"


class OccurrenceStatus(StrEnum):
    """The status of one date of an event on the site."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    WITHDRAWN = "withdrawn"  # the date left its feed; hidden from the public, kept for the history


class EventStatus(StrEnum):
    """What a feed can say of an event or a date: a withdrawal is the importer's conclusion, never the feed's."""

    SCHEDULED = OccurrenceStatus.SCHEDULED.value
    CANCELLED = OccurrenceStatus.CANCELLED.value
