from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from agenda_pages.models import (
    Audience,
    CentreIndexPage,
    CentrePage,
    EventOccurrence,
    EventPage,
    FeedSource,
    ImportRun,
    OccurrenceStatus,
)
from home.models import HomePage, StandardPage
from tests.agenda_pages.factories import (
    CentreIndexPageFactory,
    CentrePageFactory,
    EventOccurrenceFactory,
    EventPageFactory,
    FeedSourceFactory,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


class AgendaPageTypeRulesTests(WagtailPageTestCase):
    def test_centres_live_under_the_centres_index_and_events_under_their_centre(self):
        self.assertAllowedParentPageTypes(CentreIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CentreIndexPage, {CentrePage})
        self.assertAllowedParentPageTypes(CentrePage, {CentreIndexPage})
        self.assertAllowedSubpageTypes(CentrePage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {CentrePage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(StandardPage, EventPage)
        self.assertCanNotCreateAt(Page, CentrePage)


@pytest.fixture
def centre(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    return CentrePageFactory(parent=index, title="Inloophuis De Boei")


def test_audiences_exist_after_migrating(db):
    assert set(Audience.objects.values_list("code", flat=True)) == {
        "patients",
        "relatives",
        "bereaved",
        "professionals",
    }


def test_one_page_per_source_and_uid(centre):
    source = FeedSourceFactory(centre=centre)
    EventPageFactory(parent=centre, source=source, source_uid="abc@centrum")
    with pytest.raises(ValidationError):  # Wagtail validates pages before saving them
        EventPageFactory(parent=centre, source=source, source_uid="abc@centrum")
    # The database itself refuses it too: concurrent imports do not go through validation in time.
    other = EventPageFactory(parent=centre, source=source, source_uid="def@centrum")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventPage.objects.filter(pk=other.pk).update(source_uid="abc@centrum")
    # Hand-made events have no source and no uid; any number may exist.
    EventPageFactory(parent=centre)
    EventPageFactory(parent=centre)


def test_occurrence_end_may_not_precede_start(centre):
    page = EventPageFactory(parent=centre)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventOccurrenceFactory(page=page, start=NOW, end=NOW - timedelta(hours=1))


def test_public_upcoming_occurrences(centre):
    live = EventPageFactory(parent=centre)
    draft = EventPageFactory(parent=centre, live=False)
    past = EventOccurrenceFactory(page=live, start=NOW - timedelta(days=2), end=NOW - timedelta(days=2, hours=-1))
    ongoing = EventOccurrenceFactory(page=live, start=NOW - timedelta(hours=1), end=NOW + timedelta(hours=1))
    upcoming = EventOccurrenceFactory(page=live, start=NOW + timedelta(days=1))
    EventOccurrenceFactory(page=live, start=NOW + timedelta(days=2), status=OccurrenceStatus.WITHDRAWN)
    cancelled = EventOccurrenceFactory(page=live, start=NOW + timedelta(days=3), status=OccurrenceStatus.CANCELLED)
    EventOccurrenceFactory(page=draft, start=NOW + timedelta(days=1))
    found = set(EventOccurrence.objects.public().upcoming(NOW))
    assert found == {ongoing, upcoming, cancelled}
    assert past not in found


def test_dates_of_private_pages_are_not_public(centre):
    """A view restriction on the event, or on a page above it, keeps its dates off every public list;
    a sibling centre whose path starts the same way is not affected."""
    open_event = EventPageFactory(parent=centre)
    restricted_event = EventPageFactory(parent=centre)
    PageViewRestriction.objects.create(page=restricted_event, restriction_type=PageViewRestriction.LOGIN)
    private_centre = CentrePageFactory(parent=centre.get_parent(), title="Besloten centrum")
    below_private_centre = EventPageFactory(parent=private_centre)
    PageViewRestriction.objects.create(
        page=private_centre, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for page in (open_event, restricted_event, below_private_centre):
        EventOccurrenceFactory(page=page, start=NOW + timedelta(days=1))
    assert {occurrence.page_id for occurrence in EventOccurrence.objects.public()} == {open_event.pk}
    PageViewRestriction.objects.filter(page=private_centre).delete()
    assert {occurrence.page_id for occurrence in EventOccurrence.objects.public()} == {
        open_event.pk,
        below_private_centre.pk,
    }


@pytest.mark.parametrize(("failures", "hours"), [(0, 0), (1, 1), (2, 2), (3, 4), (5, 16), (6, 24), (30, 24)])
def test_backoff_doubles_and_is_capped_at_a_day(failures, hours):
    assert FeedSource(consecutive_failures=failures).backoff_delay() == timedelta(hours=hours)


def test_due_sources_skip_inactive_and_backed_off(centre):
    due = FeedSourceFactory(centre=centre)
    FeedSourceFactory(centre=centre, is_active=False)
    FeedSourceFactory(centre=centre, next_attempt_at=NOW + timedelta(hours=1))
    retry = FeedSourceFactory(centre=centre, next_attempt_at=NOW - timedelta(minutes=1))
    assert set(FeedSource.objects.due(NOW)) == {due, retry}


def test_runs_older_than_90_days_expire(centre):
    source = FeedSourceFactory(centre=centre)
    old = ImportRun.objects.create(source=source, started_at=NOW - timedelta(days=91))
    ImportRun.objects.create(source=source, started_at=NOW - timedelta(days=89))
    assert list(ImportRun.objects.expired(NOW)) == [old]


@time_machine.travel(datetime(2026, 12, 1, 8, tzinfo=UTC), tick=False)
def test_event_page_renders_its_dates(centre, client):
    page = EventPageFactory(parent=centre, title="Yoga op maandag")
    EventOccurrenceFactory(
        page=page, start=datetime(2026, 12, 7, 9, 30, tzinfo=UTC), end=datetime(2026, 12, 7, 11, tzinfo=UTC)
    )
    EventOccurrenceFactory(
        page=page, start=datetime(2026, 12, 14, 9, 30, tzinfo=UTC), status=OccurrenceStatus.CANCELLED
    )
    EventOccurrenceFactory(
        page=page, start=datetime(2026, 12, 21, 9, 30, tzinfo=UTC), status=OccurrenceStatus.WITHDRAWN
    )
    html = client.get(page.url).content.decode()
    assert "maandag 7 december 2026, 10:30\u201312:00" in html  # Europe/Amsterdam, Dutch
    assert "Geannuleerd" in html
    assert "21 december" not in html
