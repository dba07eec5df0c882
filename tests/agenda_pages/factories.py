from datetime import datetime, timedelta

import factory
import time_machine
import wagtail_factories
from django.db import transaction
from django.utils.text import slugify

from agenda_pages.importing.bulk import NewDraft, create_drafts
from agenda_pages.importing.pages import review_workflow
from agenda_pages.models import CentreIndexPage, CentrePage, EventOccurrence, EventPage, FeedSource, Theme


class CentreIndexPageFactory(wagtail_factories.PageFactory):
    title = "Centra"
    slug = "centra"

    class Meta:
        model = CentreIndexPage


class CentrePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inloophuis {n}")
    postcode = "3511 AB"
    city = "Utrecht"

    class Meta:
        model = CentrePage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Wandelgroep {n}")

    class Meta:
        model = EventPage


class EventOccurrenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOccurrence


class FeedSourceFactory(factory.django.DjangoModelFactory):
    url = factory.Sequence(lambda n: f"https://centrum{n}.example.nl/agenda.ics")

    class Meta:
        model = FeedSource


def themes(*names: str) -> list[Theme]:
    """The themes named ``names``, by slug: those of migration 0006 ("bewegen") as they are, others
    made with the name as their label in both languages."""
    found = []
    for name in names:
        labels = {"label_nl": name, "label_en": name, "icon": "info"}
        found.append(Theme.objects.get_or_create(slug=slugify(name), defaults=labels)[0])
    return found


def add_waiting_events(source, count: int, *, first_start: datetime, now: datetime, title="Wandelgroep"):
    """``count`` imported events of ``source``'s centre waiting for review, one date a day from
    ``first_start``, written as the importer writes a first import (``create_drafts``: batched
    inserts, the same rows as Wagtail's own calls), so thousands take seconds, not minutes."""
    offset = EventPage.objects.filter(source=source).count()
    drafts = [
        NewDraft(
            EventPage(
                title=f"{title} {n}",
                slug=f"{slugify(title)}-{n}",
                live=False,
                source=source,
                source_uid=f"event-{n}@{source.pk}",
                source_last_seen_at=now,
            ),
            [EventOccurrence(start=first_start + timedelta(days=n % 365), sort_order=0)],
            (),
        )
        for n in range(offset, offset + count)
    ]
    # At ``now`` on the clock too: Wagtail's task states take their start from it (auto_now_add).
    with time_machine.travel(now, tick=False), transaction.atomic():
        create_drafts(source.centre, drafts, audience=[], workflow=review_workflow(source.centre), now=now)
    return [draft.page for draft in drafts]
