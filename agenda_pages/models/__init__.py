from .centres import CentreIndexPage, CentreKind, CentrePage
from .events import Audience, EventOccurrence, EventPage, EventThemeTag, OccurrenceStatus
from .feeds import FeedSource, FeedSourceTheme, ImportRun, ImportRunStatus

__all__ = [
    "Audience",
    "CentreIndexPage",
    "CentreKind",
    "CentrePage",
    "EventOccurrence",
    "EventPage",
    "EventThemeTag",
    "FeedSource",
    "FeedSourceTheme",
    "ImportRun",
    "ImportRunStatus",
    "OccurrenceStatus",
]
