"""Progress rows made by hand, on a clock frozen at 15 November 2026, and the admin users who may or
may not see the reports."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group

from agenda_pages.moderation import roles
from elearning_pages.models import CourseProgress, Learner, LessonProgress, SelfCheckAnswer
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory

# Sunday 15 November 2026, 12:00 UTC: the default period runs from December 2025 to November 2026.
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
EMAIL = "geheim-adres@voorbeeld.nl"
CERTIFICATE_NAME = "Jantje Geheimnaam"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def at(year, month, day=10) -> datetime:
    return datetime(year, month, day, 12, 0, tzinfo=UTC)


def learner(email="") -> Learner:
    return Learner.objects.create(email=email)


def start_course(course, started_at, completed_at=None, person=None) -> Learner:
    person = person or learner()
    CourseProgress.objects.create(
        learner=person, course_key=course.translation_key, started_at=started_at, completed_at=completed_at
    )
    return person


def open_lesson(person, lesson, visited_at, completed=False) -> LessonProgress:
    return LessonProgress.objects.create(
        learner=person,
        course_key=lesson.get_parent().translation_key,
        lesson_key=lesson.translation_key,
        visited_at=visited_at,
        completed_at=visited_at if completed else None,
    )


def answer(person, lesson, block, first_attempt_correct, answered_at=None) -> SelfCheckAnswer:
    return SelfCheckAnswer.objects.create(
        learner=person,
        lesson_key=lesson.translation_key,
        question_key=block.id,
        choice_key="x",
        correct=True,
        first_attempt_correct=first_attempt_correct,
        attempts=1 if first_attempt_correct else 2,
        answered_at=answered_at or NOW,
    )


def user_in(django_user_model, username, group=None):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    if group:
        user.groups.add(group)
    return user


@pytest.fixture
def moderator(django_user_model):
    return user_in(django_user_model, "eindredactie", Group.objects.get(name=roles.MODERATORS))


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, "redactie", Group.objects.get(name=roles.EDITORS))


@pytest.fixture
def centre_staff(django_user_model, site_home):
    index = CentreIndexPageFactory(parent=site_home)
    centre = CentrePageFactory(parent=index, title="Inloophuis De Boei", slug="de-boei", city="Utrecht")
    return user_in(django_user_model, "boei", centre.staff_group.group)


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def lessons(course):
    return list(course.lessons())
