from .agenda import AgendaIndexPage
from .centres import CentreIndexPage, CentreKind, CentrePage
from .events import Audience, EventOccurrence, EventPage, OccurrenceStatus
from .feeds import FeedCategoryTheme, FeedSource, ImportRun, ImportRunStatus
from .moderation import CentreReviewTask, CentreStaffGroup
from .themes import Theme, ThemeIcon

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
    "FeedCategoryTheme",
    "FeedSource",
    "ImportRun",
    "ImportRunStatus",
    "OccurrenceStatus",
    "Theme",
    "ThemeIcon",
]
