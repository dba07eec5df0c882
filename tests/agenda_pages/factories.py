import factory
import wagtail_factories

from agenda_pages.models import CentreIndexPage, CentrePage, EventOccurrence, EventPage, FeedSource


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
