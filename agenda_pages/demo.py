"""Demo centres whose feeds are files in this repository, imported and approved like real ones.

Only where file:// feed addresses are allowed (development settings); elsewhere it does nothing.
Safe to run again: centres and feed sources are matched by name and address, and a source that
imported successfully once is not imported again by the loader (the scheduler keeps it fresh).
"""

from dataclasses import dataclass
from pathlib import Path

from agenda_pages import conf
from agenda_pages.importing.service import import_source
from agenda_pages.models import EventPage, FeedSource
from agenda_pages.onboarding import onboard_centre

FEEDS_DIR = Path(__file__).resolve().parent / "demo_feeds"


@dataclass(frozen=True)
class DemoCentre:
    name: str
    kind: str
    postcode: str
    city: str
    website: str
    feed_file: str
    feed_format: str


DEMO_CENTRES = (
    DemoCentre(
        "Inloophuis De Boei", "centre", "3511 AB", "Utrecht", "https://inloophuis-deboei.example/",
        "inloophuis-de-boei.ics", "ics",
    ),
    DemoCentre(
        "Centrum Het Baken", "centre", "8011 CW", "Zwolle", "https://hetbaken.example/",
        "centrum-het-baken.ics", "auto",
    ),
    DemoCentre(
        "Stichting Samen Verder", "partner", "3521 AL", "Utrecht", "https://samenverder.example/",
        "stichting-samen-verder.html", "jsonld",
    ),
)  # fmt: skip


def _approve_imported_drafts(source: FeedSource) -> None:
    """Stand in for the centre's staff: approve what the first import put in moderation."""
    for page in EventPage.objects.filter(source=source, live=False):
        if page.current_workflow_state:
            page.current_workflow_state.cancel(user=None)
        page.get_latest_revision().publish()


def load_agenda_demo() -> list[str]:
    """Onboard the demo centres and import their feeds; returns one line per centre."""
    if not conf.allow_file_urls():
        return []
    lines = []
    for spec in DEMO_CENTRES:
        centre = onboard_centre(
            name=spec.name, kind=spec.kind, postcode=spec.postcode, city=spec.city, website=spec.website
        ).centre
        source, _created = FeedSource.objects.get_or_create(
            centre=centre, url=(FEEDS_DIR / spec.feed_file).as_uri(), defaults={"format": spec.feed_format}
        )
        if source.last_success_at:
            lines.append(f"{spec.name}: already imported")
            continue
        report = import_source(source.pk)
        if report.status == "ok":
            _approve_imported_drafts(source)
        lines.append(
            f"{spec.name}: {report.status}, {report.created} events" + (f" ({report.error})" if report.error else "")
        )
    return lines
