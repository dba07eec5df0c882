"""What an import run did, in one sentence for the admin: "Nothing changed" rather than a row of zeros.

Works on a recorded :class:`~agenda_pages.models.ImportRun` and on the report of a dry run alike:
both have a ``status`` and the counts of ``RUN_COUNTS``.
"""

from django.utils.translation import gettext, ngettext

from agenda_pages.importing.service import RUN_COUNTS
from agenda_pages.models import ImportRunStatus

COUNT_WORDS = {
    "created": lambda count: ngettext("%(count)s event created", "%(count)s events created", count),
    "updated": lambda count: ngettext("%(count)s updated", "%(count)s updated", count),
    "unchanged": lambda count: ngettext("%(count)s unchanged", "%(count)s unchanged", count),
    "cancelled": lambda count: ngettext("%(count)s cancelled", "%(count)s cancelled", count),
    "withdrawn": lambda count: ngettext("%(count)s withdrawn", "%(count)s withdrawn", count),
}


def changed(run) -> bool:
    """Whether the run created, updated, cancelled or withdrew any event."""
    return any(getattr(run, name) for name in RUN_COUNTS if name != "unchanged")


def run_summary(run, error: str = "") -> str:
    """ "3 events created, 1 updated, 8 unchanged", "Nothing changed: ...", or the run's error."""
    if run.status == ImportRunStatus.ERROR:
        return gettext("The import failed: %(error)s") % {"error": error}
    if run.status == ImportRunStatus.NOT_MODIFIED:
        return gettext("Nothing changed: the feed is the same as at the last import.")
    if not changed(run):
        if not run.unchanged:
            return gettext("Nothing changed: the feed has no upcoming events.")
        message = ngettext(
            "Nothing changed: the event in the feed is as it was.",
            "Nothing changed: the %(count)s events in the feed are as they were.",
            run.unchanged,
        )
        return message % {"count": run.unchanged}
    counts = [COUNT_WORDS[name](count) % {"count": count} for name in RUN_COUNTS if (count := getattr(run, name))]
    return ", ".join(counts) + "."
