"""Saving progress with an e-mail address, and continuing with it on another device."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext as _

from elearning_pages.learning.identity import COOKIE
from elearning_pages.models import Learner, LessonProgress
from elearning_pages.tasks import send_continue_mail
from tests.elearning_pages.learning.conftest import answer, answer_all, complete_url, question_ids

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
ADDRESS = "vrijwilliger@example.org"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def save_url(course_index):
    return course_index.url + course_index.reverse_subpage("save_progress")


@pytest.fixture
def elsewhere_url(course_index):
    return course_index.url + course_index.reverse_subpage("continue_elsewhere")


@pytest.fixture
def learner(client, lessons):
    """A learner on this device who finished the first lesson."""
    answer_all(client, lessons[0])
    client.post(complete_url(lessons[0]))
    return Learner.objects.get()


def link_in(message) -> str:
    [link] = re.findall(r"https?://testserver(/\S+)", message.body)
    assert link in message.alternatives[0][0]
    return link


def test_saving_mails_a_link_that_signs_in_on_another_device(client, course, learner, save_url, mailoutbox):
    form = client.get(save_url)
    assert form.status_code == 200
    what_we_keep = _(
        "We keep your e-mail address only to send you a link to continue. Nothing else. We keep it with your "
        "progress after you click the button in the e-mail. We delete your progress and your address when you "
        "have not used the e-learning for a year."
    )
    assert what_we_keep in form.text
    assert "no-cache" in form["Cache-Control"]
    response = client.post(save_url, {"email": " Vrijwilliger@Example.org "})
    assert response.status_code == 303 and response["Location"] == f"{save_url}?verstuurd=1"
    assert client.get(response["Location"]).status_code == 200
    [message] = mailoutbox
    assert message.to == [ADDRESS]
    learner.refresh_from_db()
    assert learner.email == ""  # kept only once the link is used

    other_device = Client()
    link = link_in(message)
    confirm = other_device.get(link)
    assert confirm.status_code == 200 and ADDRESS in confirm.text
    assert "no-cache" in confirm["Cache-Control"] and COOKIE not in confirm.cookies
    learner.refresh_from_db()
    assert learner.email == ""  # a mail scanner that opens the link signs nobody in

    signed_in = other_device.post(link)
    assert signed_in.status_code == 303
    assert signed_in["Location"] == f"{course.get_parent().url}?welkom=1"
    assert signed_in.cookies[COOKIE].value.split(":")[0] == str(learner.key)
    learner.refresh_from_db()
    assert learner.email == ADDRESS
    overview = other_device.get(signed_in["Location"]).text
    assert _("Welcome back. Your progress is on this device now.") in overview
    assert _("%(done)s of %(total)s lessons done") % {"done": 1, "total": 3} in other_device.get(course.url).text


def test_there_is_nothing_to_save_without_progress(client, course_index, save_url, mailoutbox):
    page = client.get(save_url)
    assert _("There is nothing to save yet. Start a lesson and answer a question first.") in page.text
    response = client.post(save_url, {"email": ADDRESS})
    assert response.status_code == 200
    assert mailoutbox == [] and not Learner.objects.exists()


def test_a_wrong_address_is_explained_at_the_field(client, learner, save_url, mailoutbox):
    response = client.post(save_url, {"email": "geen adres"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert _("This is not an e-mail address. Check it, for example: naam@voorbeeld.nl") in response.text
    assert mailoutbox == []


def test_a_robot_gets_the_same_answer_and_no_mail(client, learner, save_url, mailoutbox):
    response = client.post(save_url, {"email": ADDRESS, "website": "http://spam.example"})
    assert response["Location"] == f"{save_url}?verstuurd=1"
    assert mailoutbox == []


def test_continuing_elsewhere_answers_the_same_for_known_and_unknown_addresses(
    client, learner, elsewhere_url, mailoutbox
):
    Learner.objects.filter(pk=learner.pk).update(email=ADDRESS)
    device = Client()
    known = device.post(elsewhere_url, {"email": ADDRESS})
    unknown = device.post(elsewhere_url, {"email": "onbekend@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == f"{elsewhere_url}?verstuurd=1"
    [message] = mailoutbox
    assert message.to == [ADDRESS]
    response = device.post(link_in(message))
    assert response.cookies[COOKIE].value.split(":")[0] == str(learner.key)


def test_the_continue_mail_is_sent_by_a_task_that_skips_a_learner_gone_meanwhile(course_index, learner, mailoutbox):
    """Queued for the worker: by the time it runs, the learner may have been deleted or taken the
    address off; then nothing is sent."""
    Learner.objects.filter(pk=learner.pk).update(email=ADDRESS)
    assert send_continue_mail.call(course_index.pk, learner.pk) == {"sent": True}
    assert [message.to for message in mailoutbox] == [[ADDRESS]]
    with translation.override("nl"):  # the overview's language, not the worker's
        assert mailoutbox[0].subject == _("Your link to continue the e-learning")

    Learner.objects.filter(pk=learner.pk).update(email="")
    assert send_continue_mail.call(course_index.pk, learner.pk) == {"sent": False}
    Learner.objects.filter(pk=learner.pk).delete()
    assert send_continue_mail.call(course_index.pk, learner.pk) == {"sent": False}
    assert len(mailoutbox) == 1


def test_signing_in_on_a_device_with_its_own_progress_brings_both_together(
    client, course, lessons, learner, elsewhere_url, mailoutbox
):
    Learner.objects.filter(pk=learner.pk).update(email=ADDRESS)
    device = Client()
    answer_all(device, lessons[1])
    device.post(complete_url(lessons[1]))
    answer(device, lessons[2], question_ids(lessons[2])[0])
    device_learner = Learner.objects.exclude(pk=learner.pk).get()
    device.post(elsewhere_url, {"email": ADDRESS})
    link = link_in(mailoutbox[0])
    assert _("You also did lessons on this device. We add those to your progress.") in device.get(link).text
    device.post(link)
    assert not Learner.objects.filter(pk=device_learner.pk).exists()
    rows = {row.lesson_key: row for row in LessonProgress.objects.filter(learner=learner)}
    assert rows[lessons[0].translation_key].completed_at and rows[lessons[1].translation_key].completed_at
    assert rows[lessons[2].translation_key].completed_at is None
    assert _("%(done)s of %(total)s lessons done") % {"done": 2, "total": 3} in device.get(course.url).text


def test_an_old_link_no_longer_works_and_says_what_to_do(client, learner, save_url, mailoutbox):
    client.post(save_url, {"email": ADDRESS})
    link = link_in(mailoutbox[0])
    with time_machine.travel(NOW + timedelta(hours=49), tick=False):
        assert Client().get(link).status_code == 410
        assert Client().post(link).status_code == 410
    learner.refresh_from_db()
    assert learner.email == ""


def test_a_mangled_link_does_not_work(client, course_index, learner, save_url, mailoutbox):
    client.post(save_url, {"email": ADDRESS})
    link = link_in(mailoutbox[0])
    assert Client().get(link[:-3] + "abc/").status_code == 404
    assert Client().post(link.replace(course_index.url, course_index.url + "x", 1)).status_code == 404


def test_a_link_to_a_learner_that_is_gone_does_not_work(client, learner, save_url, mailoutbox):
    client.post(save_url, {"email": ADDRESS})
    learner.delete()
    device = Client()
    response = device.post(link_in(mailoutbox[0]))
    assert response.status_code == 404
    assert COOKIE not in response.cookies


def test_too_many_requests_from_one_connection_are_refused(client, settings, learner, elsewhere_url, mailoutbox):
    settings.ELEARNING_SAVE_REQUESTS_PER_IP_PER_HOUR = 2
    for _attempt in range(2):
        assert client.post(elsewhere_url, {"email": ADDRESS}).status_code == 303
    assert client.post(elsewhere_url, {"email": ADDRESS}).status_code == 429


def test_an_address_gets_a_few_mails_a_day_at_most(client, settings, learner, save_url, mailoutbox):
    settings.ELEARNING_MAILS_PER_ADDRESS_PER_DAY = 2
    for _attempt in range(3):
        assert client.post(save_url, {"email": ADDRESS})["Location"] == f"{save_url}?verstuurd=1"
    assert len(mailoutbox) == 2


def test_continuing_elsewhere_also_gets_a_few_mails_a_day_at_most(
    client, settings, learner, elsewhere_url, mailoutbox
):
    """The limit is counted in the request, before the worker's task is queued: a full day queues none."""
    settings.ELEARNING_MAILS_PER_ADDRESS_PER_DAY = 2
    Learner.objects.filter(pk=learner.pk).update(email=ADDRESS)
    device = Client()
    for _attempt in range(3):
        assert device.post(elsewhere_url, {"email": ADDRESS})["Location"] == f"{elsewhere_url}?verstuurd=1"
    assert len(mailoutbox) == 2


def test_confirming_an_address_another_learner_had_brings_that_progress_along(
    client, lessons, learner, save_url, mailoutbox
):
    older = Learner.objects.create(email=ADDRESS)
    LessonProgress.objects.create(
        learner=older, course_key=lessons[2].get_parent().translation_key, lesson_key=lessons[2].translation_key
    )
    client.post(save_url, {"email": ADDRESS})
    client.post(link_in(mailoutbox[0]))
    assert list(Learner.objects.all()) == [learner]
    assert LessonProgress.objects.filter(learner=learner).count() == 2
