"""Recording one use of the site: a search, a click on a result, a page view, a download, an answer
to "Was dit nuttig?". Views, tasks and signal handlers call these; they take the moment or day from
their caller, so tests and the retention job decide what "now" is.
"""

import re
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from usage.models import (
    DownloadDay,
    PageViewDay,
    ResultClickDay,
    SearchOutcomeDay,
    UsefulnessAnswer,
    UsefulnessDay,
    add_to_day,
)
from usage.scrub import remove_personal_data, scrub

RAW_EVENT_MONTHS = 12
MAX_COMMENT_LENGTH = 1000


def record_search(term: str, result_count: int, day: date) -> Query | None:
    """Count a search for ``term`` that found ``result_count`` results. Personal data is taken out
    of the term first; a term with nothing left is not counted. Returns the logged Query, on which
    promoted results hang (None for such a term)."""
    scrubbed = scrub(term)
    if scrubbed is None:
        return None
    query = Query.get(scrubbed)
    query.add_hit(date=day)
    add_to_day(
        SearchOutcomeDay,
        {"query": query, "day": day},
        values={"results": result_count},
        zero_result_searches=int(result_count == 0),
    )
    return query


def record_click(term: str, page_id: int, day: date) -> None:
    """Count that a result (or a listed page) was followed; ``term`` as the link carried it, scrubbed."""
    add_to_day(ResultClickDay, {"term": scrub(term) or "", "page_id": page_id, "day": day}, clicks=1)


def record_view(page_id: int, day: date) -> None:
    add_to_day(PageViewDay, {"page_id": page_id, "day": day}, views=1)


def record_download(document_id: int, day: date) -> None:
    add_to_day(DownloadDay, {"document_id": document_id, "day": day}, downloads=1)


# Control characters other than line breaks and tabs: nobody's words, and an XLSX export of the
# comments cannot hold them. Removed here, so no way of recording an answer can keep them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def record_answer(page_id: int, useful: bool, comment: str, now: datetime) -> UsefulnessAnswer:
    """Keep one "Was dit nuttig?" answer (its comment without personal data) and count it for the day,
    both or neither."""
    with transaction.atomic():
        answer = UsefulnessAnswer.objects.create(
            page_id=page_id,
            answered_at=now,
            useful=useful,
            comment=remove_personal_data(CONTROL_CHARACTERS.sub("", comment[:MAX_COMMENT_LENGTH])).strip(),
        )
        add_to_day(
            UsefulnessDay,
            {"page_id": page_id, "day": timezone.localdate(now)},
            useful=int(useful),
            not_useful=int(not useful),
        )
    return answer


def raw_events_cutoff(now: datetime) -> datetime:
    """The moment 12 months before ``now`` (29 February goes back to 28 February)."""
    local = timezone.localtime(now)
    year = local.year - RAW_EVENT_MONTHS // 12
    try:
        return local.replace(year=year)
    except ValueError:
        return local.replace(year=year, day=28)


def forget_old_events(now: datetime) -> int:
    """Delete the raw events older than 12 months; their daily totals stay. Returns how many."""
    deleted, _ = UsefulnessAnswer.objects.filter(answered_at__lt=raw_events_cutoff(now)).delete()
    return deleted
