from io import StringIO

from django.core.management import call_command
from wagtail.models import Revision

from agenda_pages.models import CentrePage, EventPage, FeedSource


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_centres_are_imported_from_the_shipped_feeds(db, settings):
    settings.AGENDA_FEEDS_ALLOW_FILE_URLS = True  # as in development
    output = load_demo()
    assert "Demo centre Inloophuis De Boei: ok, 3 events" in output
    assert set(CentrePage.objects.values_list("title", flat=True)) == {
        "Inloophuis De Boei",
        "Centrum Het Baken",
        "Stichting Samen Verder",
    }
    assert EventPage.objects.count() == 8
    assert not EventPage.objects.filter(live=False).exists()  # approved by the loader
    online = EventPage.objects.get(title="Online koffie-uur")
    assert online.attendance_mode == "online"
    assert online.online_url == "https://meet.jit.si/HetBakenKoffieuur"

    counts = (EventPage.objects.count(), FeedSource.objects.count(), Revision.objects.count())
    assert "already imported" in load_demo()
    assert (EventPage.objects.count(), FeedSource.objects.count(), Revision.objects.count()) == counts


def test_file_feeds_are_refused_outside_development(db, settings, tmp_path):
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
