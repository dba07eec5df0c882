"""Shared by the tests of the agenda's calendar subscription and feed: a clock, centres, events."""

import datetime as dt
import json
import shutil
import subprocess
import zoneinfo
from pathlib import Path

import pytest
import time_machine

from agenda_pages import geo
from agenda_pages.models import Audience, EventOccurrence
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory
from tests.agenda_pages.factories import themes as theme_rows

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# Three weeks before the clocks go back (the last Sunday of October 2026 is the 25th).
NOW = dt.datetime(2026, 10, 5, 9, 0, tzinfo=AMSTERDAM)
PUBLISHED = dt.datetime(2026, 9, 1, 12, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parents[4]


def at(month: int, day: int, hour: int = 10, minute: int = 0, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def make_centre(index, title, postcode, **fields):
    location = geo.find_postcode(postcode)
    return CentrePageFactory(
        parent=index,
        title=title,
        postcode=postcode,
        latitude=location.latitude,
        longitude=location.longitude,
        province=location.province,
        **fields,
    )


@pytest.fixture
def centres(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    return {
        "utrecht": make_centre(index, "Inloophuis De Boei", "3511 AB", slug="de-boei", city="Utrecht"),
        "zwolle": make_centre(index, "Centrum Het Baken", "8011 CW", slug="het-baken", city="Zwolle"),
    }


def make_event(centre, title, starts, *, themes=(), audience=(), mode="in-person", cancelled=(), **fields):
    fields.setdefault("last_published_at", PUBLISHED)
    event = EventPageFactory(parent=centre, title=title, attendance_mode=mode, **fields)
    event.themes.add(*theme_rows(*themes))
    event.audience.set(Audience.objects.filter(code__in=audience))
    event.save()
    for start in starts:
        EventOccurrence.objects.create(
            page=event,
            start=start,
            end=start + dt.timedelta(minutes=90),
            status="cancelled" if start in cancelled else "scheduled",
        )
    return event


def weekly(first: dt.datetime, weeks: int) -> list[dt.datetime]:
    """Local wall-clock time: 10:00 stays 10:00 across the change of the clocks."""
    return [dt.datetime.combine(first.date() + dt.timedelta(weeks=n), first.timetz()) for n in range(weeks)]


def expand_with_icaljs(data: bytes, until: str = "2028-12-31") -> list[dict]:
    """Every instance as ical.js reads it, overrides related to their series (tests/tools/icaljs_instances.mjs)."""
    if shutil.which("node") is None or not (ROOT / "node_modules" / "ical.js").exists():
        pytest.skip("node and ical.js are needed for the second parser")
    script = ROOT / "tests" / "tools" / "icaljs_instances.mjs"
    output = subprocess.run(["node", str(script), until], input=data, capture_output=True, check=True, timeout=60)
    return json.loads(output.stdout)
