"""Demo centres whose feeds are files in this repository, imported and approved like real ones,
and a partner organisation with an event made by hand.

Only where file:// feed addresses are allowed (development settings); elsewhere it does nothing.
Safe to run again: centres and feed sources are matched by name and address, a source that
imported successfully once is not imported again by the loader (the scheduler keeps it fresh), and
the hand-made event is only made when its organiser has no event made by hand yet (so an editor may
rename or change it).
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.utils import timezone
from wagtail.images import get_image_model

from agenda_pages import conf
from agenda_pages.importing.service import import_source
from agenda_pages.models import Audience, CentrePage, EventOccurrence, EventPage, FeedSource, Theme
from agenda_pages.models.events import AttendanceMode
from agenda_pages.onboarding import onboard_centre

FEEDS_DIR = Path(__file__).resolve().parent / "demo_feeds"
# Illustrations drawn for the demo by scripts/draw_demo_photos.py (credited on the credits page).
PHOTOS_DIR = Path(__file__).resolve().parent / "demo_photos"


@dataclass(frozen=True)
class DemoProfile:
    """What a guest reads on the centre's page; the photo is a file in PHOTOS_DIR."""

    street: str
    phone: str
    opening_hours: str
    description: str
    photo_file: str
    photo_description: str  # the image's alternative text


@dataclass(frozen=True)
class DemoCentre:
    name: str
    kind: str
    postcode: str
    city: str
    website: str
    feed_file: str = ""
    feed_format: str = ""
    profile: DemoProfile | None = None


DEMO_CENTRES = (
    DemoCentre(
        "Inloophuis De Boei", "centre", "3511 AB", "Utrecht", "https://inloophuis-deboei.example/",
        "inloophuis-de-boei.ics", "ics",
        DemoProfile(
            "Oudegracht 12", "030 - 231 45 67",
            "dinsdag t/m donderdag 10:00-16:00\nvrijdag 10:00-12:30\nIn de schoolvakanties op afspraak",
            "Een huiskamer aan de gracht voor iedereen die met kanker te maken heeft, en voor hun naasten. "
            "Loop gerust binnen voor een kop koffie en een goed gesprek.",
            "inloophuis-de-boei.png",
            "Tekening van een grachtenpand met verlichte ramen, een boom en een boei in het water",
        ),
    ),
    DemoCentre(
        "Centrum Het Baken", "centre", "8011 CW", "Zwolle", "https://hetbaken.example/",
        "centrum-het-baken.ics", "auto",
        DemoProfile(
            "Thorbeckegracht 30", "038 - 421 00 88",
            "maandag en woensdag 9:30-16:00\nzaterdag 10:00-13:00",
            "Een plek om op adem te komen, met wandelen, creatieve middagen en lotgenotengroepen. "
            "U bent welkom zonder afspraak en zonder verwijzing.",
            "centrum-het-baken.png", "Tekening van een vuurtoren op een duin naast een klein huis",
        ),
    ),
    DemoCentre(
        "Stichting Samen Verder", "partner", "3521 AL", "Utrecht", "https://samenverder.example/",
        "stichting-samen-verder.html", "jsonld",
        DemoProfile(
            "Croeselaan 5", "030 - 298 76 54",
            "dinsdag en donderdag 13:00-17:00",
            "Wij brengen mensen met en na kanker met elkaar in gesprek, in groepen en één op één.",
            "stichting-samen-verder.png", "Tekening van een tafel met twee koppen koffie en een plant bij het raam",
        ),
    ),
)  # fmt: skip


@dataclass(frozen=True)
class DemoEvent:
    """An event an editor makes by hand: no feed, dates relative to the day the demo is loaded."""

    title: str
    description: str
    themes: tuple[str, ...]
    audiences: tuple[str, ...]
    online_url: str
    registration_url: str
    cost: str
    weekday: int  # Monday is 0
    start: time
    end: time
    first_after_days: int  # the first date is the first `weekday` at least this many days from today
    every_days: int
    count: int


NATIONAL_PARTNER = DemoCentre(
    "Landelijk Netwerk Samen Verder", "partner", "3584 CS", "Utrecht", "https://landelijknetwerk-samenverder.example/",
    profile=DemoProfile(
        "Heidelberglaan 8", "0800 0226",
        "maandag t/m vrijdag 9:00-17:00",
        "Het landelijke netwerk van centra voor leven met en na kanker. Wij organiseren online "
        "bijeenkomsten die u van huis uit kunt volgen.",
        "landelijk-netwerk-samen-verder.png",
        "Tekening van stippen die met lijnen verbonden zijn, boven zachte heuvels",
    ),
)  # fmt: skip

NATIONAL_EVENT = DemoEvent(
    title="Online lotgenotenavond: moe na kanker",
    description=(
        "<p>Veel mensen zijn nog lang moe na kanker. Op deze avond praat u online met anderen die dat "
        "herkennen. Een ervaringsdeskundige en een fysiotherapeut geven tips voor elke dag.</p>"
        "<p>U doet mee vanuit huis, met uw computer, tablet of telefoon. Naasten zijn ook welkom. "
        "Meld u aan, dan krijgt u een dag van tevoren een e-mail met uitleg.</p>"
    ),
    themes=("lotgenotencontact", "vermoeidheid"),  # Theme slugs (migration 0006 creates them)
    audiences=(Audience.Code.PATIENTS, Audience.Code.RELATIVES),
    online_url="https://meet.jit.si/LandelijkNetwerkSamenVerder",
    registration_url="https://landelijknetwerk-samenverder.example/aanmelden",
    cost="Gratis",
    weekday=1,  # Tuesday
    start=time(19, 30),
    end=time(21, 0),
    first_after_days=14,
    every_days=28,
    count=2,
)


def event_dates(spec: DemoEvent, today: date) -> list[tuple[datetime, datetime]]:
    """Start and end of each date, counted from ``today`` so a fresh demo always has upcoming dates."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    first = today + timedelta(days=spec.first_after_days)
    first += timedelta(days=(spec.weekday - first.weekday()) % 7)
    days = [first + timedelta(days=spec.every_days * number) for number in range(spec.count)]
    return [
        (datetime.combine(day, spec.start, tzinfo=zone), datetime.combine(day, spec.end, tzinfo=zone)) for day in days
    ]


def _ensure_hand_made_event(organiser: CentrePage, spec: DemoEvent) -> tuple[EventPage, bool]:
    existing = EventPage.objects.child_of(organiser).filter(source__isnull=True).first()
    if existing:
        return existing, False
    event = EventPage(
        title=spec.title,
        description=spec.description,
        attendance_mode=AttendanceMode.ONLINE,
        online_url=spec.online_url,
        registration_url=spec.registration_url,
        cost=spec.cost,
    )
    event.occurrences = [
        EventOccurrence(start=start, end=end) for start, end in event_dates(spec, timezone.localdate())
    ]
    event.themes = Theme.objects.filter(slug__in=spec.themes)
    event.audience = Audience.objects.filter(code__in=spec.audiences)
    organiser.add_child(instance=event)
    event.save_revision().publish()
    return event, True


def _approve_imported_drafts(source: FeedSource) -> None:
    """Stand in for the centre's staff: approve what the first import put in moderation."""
    for page in EventPage.objects.filter(source=source, live=False):
        if page.current_workflow_state:
            page.current_workflow_state.cancel(user=None)
        page.get_latest_revision().publish()


def _onboard(spec: DemoCentre) -> CentrePage:
    profile = spec.profile
    fields = (
        {
            "street": profile.street,
            "phone": profile.phone,
            "opening_hours": profile.opening_hours,
            "description": profile.description,
        }
        if profile
        else {}
    )
    centre = onboard_centre(
        name=spec.name, kind=spec.kind, postcode=spec.postcode, city=spec.city, website=spec.website, **fields
    ).centre
    if profile and not centre.photo_id:  # an editor's own photo stays
        _add_photo(centre, profile)
    return centre


def _add_photo(centre: CentrePage, profile: DemoProfile) -> None:
    with open(PHOTOS_DIR / profile.photo_file, "rb") as stream:
        photo = get_image_model()(
            title=f"{centre.title} (tekening)", description=profile.photo_description, file=File(stream)
        )
        photo.file.name = profile.photo_file
        photo.save()
    centre.photo = photo
    centre.save_revision().publish()


def load_agenda_demo() -> list[str]:
    """Onboard the demo centres and import their feeds; returns one line per centre."""
    if not conf.allow_file_urls():
        return []
    lines = []
    for spec in DEMO_CENTRES:
        centre = _onboard(spec)
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

    partner = NATIONAL_PARTNER
    organiser = _onboard(partner)
    event, created = _ensure_hand_made_event(organiser, NATIONAL_EVENT)
    lines.append(f"{partner.name}: {'made' if created else 'already has'} the event {event.title!r} by hand")
    return lines
