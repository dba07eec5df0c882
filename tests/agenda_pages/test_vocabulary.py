"""Every list of the shared values agrees with agenda_pages/vocabulary.py: the models' choices, the
importer's types, the exports' terms and the agenda's filter."""

from agenda_pages import vocabulary
from agenda_pages.importing import parse_jsonld, types
from agenda_pages.models import FeedSource, OccurrenceStatus
from agenda_pages.models.events import AttendanceMode, EventOccurrence, EventPage
from agenda_pages.models.feeds import FeedFormatChoice
from agenda_pages.public import filters, jsonld


def test_the_models_choices_are_the_vocabulary():
    assert FeedFormatChoice.values == list(vocabulary.FeedFormat)
    assert AttendanceMode.values == list(vocabulary.AttendanceMode)
    assert OccurrenceStatus.values == list(vocabulary.OccurrenceStatus)


def test_the_fields_offer_the_vocabulary():
    def values(model, name):
        return [value for value, _label in model._meta.get_field(name).choices]

    assert values(FeedSource, "format") == list(vocabulary.FeedFormat)
    assert values(EventPage, "attendance_mode") == list(vocabulary.AttendanceMode)
    assert values(EventOccurrence, "status") == list(vocabulary.OccurrenceStatus)


def test_the_importer_uses_the_vocabulary():
    assert types.FeedFormat is vocabulary.FeedFormat
    assert types.AttendanceMode is vocabulary.AttendanceMode
    assert types.EventStatus is vocabulary.EventStatus
    # A feed says scheduled or cancelled; only the importer withdraws.
    assert set(vocabulary.EventStatus) == set(vocabulary.OccurrenceStatus) - {vocabulary.OccurrenceStatus.WITHDRAWN}


def test_the_exports_know_every_value():
    assert set(jsonld.ATTENDANCE_MODES) == set(vocabulary.AttendanceMode)
    assert set(jsonld.EVENT_STATUSES) == set(vocabulary.EventStatus)


def test_schema_org_terms_are_read_as_they_are_written():
    written = {mode: term.rsplit("/", 1)[-1] for mode, term in jsonld.ATTENDANCE_MODES.items()}
    read = {mode: term for term, mode in parse_jsonld.ATTENDANCE_MODES.items()}
    assert written == read


def test_the_agendas_mode_filter_names_attendance_modes():
    assert set(filters.MODES) <= set(vocabulary.AttendanceMode)
