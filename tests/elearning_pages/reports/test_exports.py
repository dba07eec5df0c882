"""The reports' CSV and Excel exports, and what none of the reports' outputs may contain: anything
that says who a learner is."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.utils import translation
from django.utils.translation import gettext

from elearning_pages.models import Certificate, VideoStat
from tests.elearning_pages.reports.conftest import (
    CERTIFICATE_NAME,
    EMAIL,
    answer,
    at,
    learner,
    open_lesson,
    start_course,
)
from tests.elearning_pages.reports.test_access import URLS

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(course, lessons):
    """A learner who confirmed an e-mail address, finished the course and got a certificate."""
    person = start_course(course, at(2026, 3), completed_at=at(2026, 4), person=learner(EMAIL))
    start_course(course, at(2026, 3))
    for lesson in lessons:
        open_lesson(person, lesson, at(2026, 3, 20), completed=True)
    answer(person, lessons[0], lessons[0].question_blocks()[0], True)
    [video] = lessons[0].video_blocks()
    VideoStat.objects.create(
        video_key=f"{lessons[0].translation_key}:{video.id}", month=date(2026, 3, 1), plays=7, completions=3
    )
    Certificate.objects.create(
        code="ABCD-1234",
        name=CERTIFICATE_NAME,
        course_key=course.translation_key,
        course_title=course.title,
        issued_on=date(2026, 4, 10),
        learner=person,
    )
    return person


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def xlsx_rows(response) -> list[tuple]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    book = openpyxl.load_workbook(io.BytesIO(content))
    return list(book.active.iter_rows(values_only=True))


def test_participants_as_csv(moderator_client, activity, course):
    response = moderator_client.get(URLS[0], {"export": "csv", "from_month": "2026-01", "to_month": "2026-06"})
    assert response["Content-Disposition"].endswith('e-learning-participants-2026-01-2026-06.csv"')
    headings, *rows = csv_rows(response)
    assert len(headings) == 4  # course, month, started, finished (in Dutch once translated)
    assert rows == [
        [course.title, "2026-03", "2", "0"],
        [course.title, "2026-04", "0", "1"],
    ]


def test_the_csv_headings_are_in_the_moderators_language(moderator_client, activity, course):
    # Wagtail streams a CSV after the request's language is switched off: the headings are named first.
    response = moderator_client.get(URLS[0], {"export": "csv", "from_month": "2026-01", "to_month": "2026-06"})
    with translation.override("nl"):
        expected = [gettext("Course"), gettext("Month"), gettext("Started"), gettext("Finished")]
    assert expected[0] == "Cursus"  # the catalogue is compiled
    assert csv_rows(response)[0] == expected


def test_participants_as_excel(moderator_client, activity, course):
    rows = xlsx_rows(moderator_client.get(URLS[0], {"export": "xlsx"}))
    assert rows[1:] == [(course.title, "2026-03", 2, 0), (course.title, "2026-04", 0, 1)]


def test_the_other_reports_export_their_numbers(moderator_client, activity, course):
    self_checks = csv_rows(moderator_client.get(URLS[1], {"export": "csv"}))
    assert self_checks[1] == [course.title, "Les 1", "Waar vindt u betrouwbare informatie?", "1", "1", "100"]
    dropout = xlsx_rows(moderator_client.get(URLS[2], {"export": "xlsx"}))
    assert dropout[1:] == [
        (course.title, 1, "Les 1", 1, 1, 1, 100),
        (course.title, 2, "Les 2", 1, 1, 1, 100),
        (course.title, 3, "Les 3", 1, 1, None, None),
    ]
    videos = csv_rows(moderator_client.get(URLS[3], {"export": "csv"}))
    assert videos[1] == ["Zo werkt het", course.title, "Les 1", "7", "3", "43"]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_no_output_says_who_a_learner_is(moderator_client, activity, url, export):
    response = moderator_client.get(url, {"export": export} if export else {})
    assert response.status_code == 200
    if export == "xlsx":
        text = repr(xlsx_rows(response))
    elif export == "csv":
        text = repr(csv_rows(response))
    else:
        text = response.content.decode()
    for secret in (EMAIL, CERTIFICATE_NAME, "ABCD-1234", str(activity.key), activity.key.hex):
        assert secret not in text
