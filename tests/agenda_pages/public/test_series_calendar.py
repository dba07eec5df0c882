"""'Add to my calendar' for a series: one repeating entry, read back by icalendar and by ical.js."""

import json
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
import time_machine
from icalendar import Calendar

from agenda_pages.models import EventOccurrence
from tests.agenda_pages.factories import EventPageFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=AMSTERDAM)
ROOT = Path(__file__).resolve().parents[3]
ICALJS = ROOT / "tests" / "tools" / "icaljs_expand.mjs"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def event(centre):
    return EventPageFactory(parent=centre, title="Wandelgroep", venue_name="De Pijl", address="Kerkstraat 5, Utrecht")


def add_dates(event, starts, minutes=90, cancelled=(), all_day=False):
    for start in starts:
        EventOccurrence.objects.create(
            page=event,
            start=start,
            end=start + (timedelta(days=1) if all_day else timedelta(minutes=minutes)),
            all_day=all_day,
            status="cancelled" if start in cancelled else "scheduled",
        )


def weekly(first: datetime, weeks: int, every: int = 1) -> list[datetime]:
    # Local wall-clock time: 10:00 stays 10:00 across the change to summer time in March.
    return [datetime.combine(first.date() + timedelta(weeks=every * n), first.timetz()) for n in range(weeks)]


def expand_with_icalendar(data: bytes) -> list[tuple[str, datetime | date]]:
    calendar = Calendar.from_ical(data)
    found = recurring_ical_events.of(calendar).between(datetime(2026, 1, 1), datetime(2028, 12, 31))
    return sorted((str(vevent["UID"]), _utc(vevent.decoded("DTSTART"))) for vevent in found)


def expand_with_icaljs(data: bytes) -> list[tuple[str, datetime | date]]:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "ical.js").exists():
        pytest.skip("node and ical.js (make install-dev) are needed for the second parser")
    output = subprocess.run(
        ["node", str(ICALJS), "2028-12-31"], input=data, capture_output=True, check=True, timeout=60
    ).stdout
    dates = []
    for item in json.loads(output):
        start = item["start"]
        value = date.fromisoformat(start) if len(start) == 10 else datetime.fromisoformat(start)
        dates.append((item["uid"], value))
    return sorted(dates)


def _utc(value):
    return value.astimezone(UTC) if isinstance(value, datetime) else value


def held(starts, cancelled=()):
    return [start.astimezone(UTC) for start in starts if start not in cancelled]


@pytest.mark.parametrize(
    "starts, rule",
    [
        pytest.param(weekly(datetime(2026, 12, 1, 10, tzinfo=AMSTERDAM), 30), "FREQ=WEEKLY;UNTIL=", id="weekly"),
        pytest.param(
            weekly(datetime(2026, 12, 3, 19, 30, tzinfo=AMSTERDAM), 10, every=2),
            "FREQ=WEEKLY;UNTIL=",
            id="every-other-week",
        ),
        pytest.param(
            [
                datetime(2027, month, day, 14, tzinfo=AMSTERDAM)
                for month, day in ((1, 4), (2, 1), (3, 1), (4, 5), (5, 3), (6, 7))
            ],
            "FREQ=MONTHLY;UNTIL=",
            id="first-monday",
        ),
        pytest.param(
            [
                datetime(2027, month, day, 14, tzinfo=AMSTERDAM)
                for month, day in ((1, 29), (2, 26), (3, 26), (4, 30), (5, 28))
            ],
            "FREQ=MONTHLY;UNTIL=",
            id="last-friday",
        ),
    ],
)
def test_a_series_is_one_repeating_entry_that_both_parsers_expand_to_its_dates(client, event, starts, rule):
    skipped, cancelled = starts[3], starts[4]
    add_dates(event, [start for start in starts if start != skipped], cancelled={cancelled})

    response = client.get(event.url + "calendar/")

    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert rule in body and "EXDATE" in body and "BEGIN:VTIMEZONE" in body
    uid = f"event-{event.pk}-series@localhost"
    expected = [(uid, start) for start in held(starts, cancelled={skipped, cancelled})]
    assert expand_with_icalendar(response.content) == expected
    assert expand_with_icaljs(response.content) == expected


def test_an_all_day_weekly_series(client, event):
    starts = weekly(datetime(2026, 12, 5, 0, tzinfo=AMSTERDAM), 8)
    add_dates(event, starts, all_day=True)

    response = client.get(event.url + "calendar/")

    assert response.content.decode().count("BEGIN:VEVENT") == 1
    expected = [(f"event-{event.pk}-series@localhost", start.date()) for start in starts]
    assert expand_with_icalendar(response.content) == expected
    assert expand_with_icaljs(response.content) == expected


def test_loose_dates_stay_one_entry_each(client, event):
    starts = [datetime(2026, 12, day, 14, tzinfo=AMSTERDAM) for day in (1, 9, 22)]
    add_dates(event, starts)

    response = client.get(event.url + "calendar/")

    expected = sorted(
        (f"event-{event.pk}-{start.astimezone(UTC):%Y%m%dT%H%M%SZ}@localhost", start) for start in starts
    )
    assert [(uid, start) for uid, start in expand_with_icalendar(response.content)] == [
        (uid, start.astimezone(UTC)) for uid, start in expected
    ]
    assert expand_with_icaljs(response.content) == [(uid, start.astimezone(UTC)) for uid, start in expected]


def test_each_date_of_a_series_can_be_added_on_its_own(client, event):
    starts = weekly(datetime(2026, 12, 1, 10, tzinfo=AMSTERDAM), 6)
    add_dates(event, starts)
    third = starts[2].astimezone(UTC)
    stamp = f"{third:%Y%m%dT%H%M%SZ}"

    page = client.get(event.url).content.decode()
    assert f'href="{event.url}calendar/{stamp}/" download>alleen deze datum' in page

    response = client.get(f"{event.url}calendar/{stamp}/")
    assert response["Content-Disposition"] == f'attachment; filename="wandelgroep-{stamp[:8]}.ics"'
    assert expand_with_icalendar(response.content) == [(f"event-{event.pk}-{stamp}@localhost", third)]
    assert expand_with_icaljs(response.content) == [(f"event-{event.pk}-{stamp}@localhost", third)]


@pytest.mark.parametrize("stamp", ["20261201T090001Z", "20251201T090000Z"])
def test_a_date_the_event_does_not_have_is_not_found(client, event, stamp):
    add_dates(event, weekly(datetime(2026, 12, 1, 10, tzinfo=AMSTERDAM), 3))
    assert client.get(f"{event.url}calendar/{stamp}/").status_code == 404
