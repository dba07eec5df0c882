from .agenda import AgendaIndexPage
from .centres import CentreIndexPage, CentreKind, CentrePage
from .events import Audience, EventOccurrence, EventPage, EventThemeTag, OccurrenceStatus
from .feeds import FeedSource, FeedSourceTheme, ImportRun, ImportRunStatus
from .moderation import CentreReviewTask, CentreStaffGroup

__all__ = [
    "AgendaIndexPage",
    "Audience",
    "CentreIndexPage",
    "CentreKind",
    "CentrePage",
    "CentreReviewTask",
    "CentreStaffGroup",
    "EventOccurrence",
    "EventPage",
    "EventThemeTag",
    "FeedSource",
    "FeedSourceTheme",
    "ImportRun",
    "ImportRunStatus",
    "OccurrenceStatus",
]
