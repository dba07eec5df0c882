"""Page views gathered in each worker's memory and written together, so a view beacon costs no
database write of its own.

A beacon adds one to this process's tally; the beacon that finds the oldest tallied view
``USAGE_VIEW_BUFFER_SECONDS`` old (10) writes the whole tally in one transaction: one UPDATE per page
and day, and one query to leave out pages that are not (or no longer) live. A worker that stops
writes what it holds on the way out (``flush``, registered in ``UsageConfig.ready``); one that is
killed loses at most those seconds of views, which a count of page views can afford. With 0 every
beacon writes at once (the test settings).

Kept per process rather than in the shared cache: the local-memory cache is per process too, and
the database worker, which could otherwise write a shared tally, sees neither.
"""

import threading
import time
from collections import Counter
from contextlib import suppress
from datetime import date

from django.conf import settings
from django.db import DatabaseError, transaction
from wagtail.models import Page

from usage.recording import record_view

MAX_TALLIED_PAGES = 500  # written sooner when this many page-days wait


class ViewTally:
    """This process's views not yet written, per (page id, day). Shared by a worker's threads."""

    def __init__(self):
        self.counts: Counter = Counter()
        self.started_at: float | None = None  # time.monotonic() of the oldest view held
        self.lock = threading.Lock()

    def add(self, page_id: int, day: date, now: float, seconds: float) -> Counter | None:
        """Count one view; the counts to write (and a fresh tally) when they are due, else None."""
        with self.lock:
            self.counts[(page_id, day)] += 1
            if self.started_at is None:
                self.started_at = now
            if now - self.started_at < seconds and len(self.counts) < MAX_TALLIED_PAGES:
                return None
            return self._take()

    def take(self) -> Counter:
        with self.lock:
            return self._take()

    def _take(self) -> Counter:
        counts, self.counts, self.started_at = self.counts, Counter(), None
        return counts


tally = ViewTally()


def count_view(page_id: int, day: date) -> None:
    """Count one view of a page: in this process's tally, written once it is due."""
    seconds = getattr(settings, "USAGE_VIEW_BUFFER_SECONDS", 10)
    due = tally.add(page_id, day, time.monotonic(), seconds)
    if due:
        write_views(due)


def write_views(counts: Counter) -> None:
    """Add tallied views to the daily rows, leaving out pages that are not live (any page id can be
    posted to the beacon)."""
    live = set(Page.objects.live().filter(pk__in={page_id for page_id, _ in counts}).values_list("pk", flat=True))
    with transaction.atomic():
        for (page_id, day), views in counts.items():
            if page_id in live:
                record_view(page_id, day, views)


def flush() -> None:
    """Write what this process holds (at exit: the database may already be gone)."""
    counts = tally.take()
    if counts:
        with suppress(DatabaseError):
            write_views(counts)
