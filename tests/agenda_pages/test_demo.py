import datetime as dt
import zoneinfo
from io import StringIO

import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from agenda_pages.demo import DEMO_CENTRES, NATIONAL_EVENT, NATIONAL_PARTNER, PHOTOS_DIR, event_dates
from agenda_pages.models import CentrePage, EventOccurrence, EventPage, FeedSource

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


# The partner's JSON-LD feed has fixed dates in early 2027: on a clock after them, its events would
# fall outside the import window and the count below would change with the calendar.
@time_machine.travel(dt.datetime(2026, 11, 23, 12, 0, tzinfo=AMSTERDAM), tick=True)
def test_demo_centres_are_imported_from_the_shipped_feeds(db, settings):
    settings.AGENDA_FEEDS_ALLOW_FILE_URLS = True  # as in development
    output = load_demo()
    assert "Demo centre Inloophuis De Boei: ok, 3 events" in output
    assert set(CentrePage.objects.values_list("title", flat=True)) == {
        "Inloophuis De Boei",
        "Centrum Het Baken",
        "Stichting Samen Verder",
        "Landelijk Netwerk Samen Verder",
    }
    assert EventPage.objects.count() == 9  # 8 from the feeds, 1 made by hand
    assert not EventPage.objects.filter(live=False).exists()  # approved by the loader
    online = EventPage.objects.get(title="Online koffie-uur")
    assert online.attendance_mode == "online"
    assert online.online_url == "https://meet.jit.si/HetBakenKoffieuur"

    # Every demo centre has what a guest needs, with a drawing that has its alternative text.
    assert not CentrePage.objects.with_incomplete_profile().exists()
    assert all(centre.photo.description for centre in CentrePage.objects.select_related("photo"))

    counts = (EventPage.objects.count(), FeedSource.objects.count(), Revision.objects.count())
    output = load_demo()
    assert "already imported" in output
    assert "Landelijk Netwerk Samen Verder: already has the event" in output
    assert (EventPage.objects.count(), FeedSource.objects.count(), Revision.objects.count()) == counts


def test_the_demo_drawings_are_small():
    files = sorted(PHOTOS_DIR.glob("*.png"))
    assert {spec.profile.photo_file for spec in (*DEMO_CENTRES, NATIONAL_PARTNER)} == {path.name for path in files}
    assert all(path.stat().st_size < 100_000 for path in files)


def test_file_feeds_are_refused_outside_development(empty_page_tree, settings, tmp_path):
    from wagtail.models import Page

    from agenda_pages.importing.service import import_source
    from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory
    from tests.home.factories import HomePageFactory

    settings.AGENDA_FEEDS_ALLOW_FILE_URLS = False
    home = HomePageFactory(parent=Page.get_first_root_node())
    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=home))
    feed = tmp_path / "agenda.ics"
    feed.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    source = FeedSourceFactory(centre=centre, url=feed.as_uri())
    report = import_source(source.pk)
    assert report.status == "error" and "only allowed in development" in report.error
    assert "demo centre" not in load_demo().lower()  # the loader skips the agenda demo too


def test_demo_partner_has_an_event_made_by_hand_with_dates_from_today(db, settings):
    settings.AGENDA_FEEDS_ALLOW_FILE_URLS = True
    with time_machine.travel(dt.datetime(2027, 6, 3, 12, 0, tzinfo=AMSTERDAM), tick=False):  # a Thursday
        output = load_demo()
        now = timezone.now()

    assert "Landelijk Netwerk Samen Verder: made the event 'Online lotgenotenavond: moe na kanker' by hand" in output
    event = EventPage.objects.get(title=NATIONAL_EVENT.title)
    organiser = event.get_parent().specific
    assert (organiser.title, organiser.kind) == ("Landelijk Netwerk Samen Verder", "partner")
    assert organiser.province == "Utrecht"  # looked up from its postcode
    assert event.source is None and event.live and not event.has_unpublished_changes
    assert event.attendance_mode == "online"
    assert sorted(event.themes.values_list("slug", flat=True)) == ["lotgenotencontact", "vermoeidheid"]
    assert sorted(audience.code for audience in event.audience.all()) == ["patients", "relatives"]

    dates = EventOccurrence.objects.public().upcoming(now).filter(page=event).order_by("start")
    starts = [occurrence.start.astimezone(AMSTERDAM) for occurrence in dates]
    # The first Tuesday at least two weeks on, and four weeks later, 19:30 to 21:00.
    assert starts == [
        dt.datetime(2027, 6, 22, 19, 30, tzinfo=AMSTERDAM),
        dt.datetime(2027, 7, 20, 19, 30, tzinfo=AMSTERDAM),
    ]
    assert [occurrence.end.astimezone(AMSTERDAM).time() for occurrence in dates] == [dt.time(21, 0)] * 2
    assert event.get_latest_revision().as_object().occurrences.count() == 2  # the dates are in the revision


def test_event_dates_keep_their_local_time_across_daylight_saving():
    starts = [start for start, _end in event_dates(NATIONAL_EVENT, dt.date(2026, 10, 6))]
    assert [start.isoformat() for start in starts] == ["2026-10-20T19:30:00+02:00", "2026-11-17T19:30:00+01:00"]


def test_an_edited_hand_made_event_is_not_made_again(db, settings):
    settings.AGENDA_FEEDS_ALLOW_FILE_URLS = True
    load_demo()
    event = EventPage.objects.get(title=NATIONAL_EVENT.title)
    event.title = "Online lotgenotenavond over vermoeidheid"
    event.save_revision().publish()

    load_demo()

    assert EventPage.objects.filter(source=None).count() == 1
    assert EventPage.objects.get(pk=event.pk).title == "Online lotgenotenavond over vermoeidheid"
