"""The whole way through a real SMTP server on loopback (aiosmtpd): save progress on one device, get
the mail, sign in on another, and the course page there shows the progress."""

import re

import pytest
from django.test import Client
from django.utils.translation import gettext as _

from tests.alerts.test_end_to_end_smtp import html_of, path_of, smtp_server, text_of  # noqa: F401 (fixture)
from tests.elearning_pages.learning.conftest import answer_all, complete_url

pytestmark = pytest.mark.django_db


def test_save_then_continue_on_another_device_through_a_real_smtp_server(course_index, course, lessons, smtp_server):  # noqa: F811
    phone = Client()
    answer_all(phone, lessons[0])
    phone.post(complete_url(lessons[0]))
    save_url = course_index.url + course_index.reverse_subpage("save_progress")
    assert phone.post(save_url, {"email": "anna@example.org"}).status_code == 303

    [(recipients, message)] = smtp_server.messages
    assert recipients == ["anna@example.org"]
    assert message["Subject"] == _("Your link to continue the e-learning")
    [link] = re.findall(r"https?://\S+/voortgang/link/\S+/", text_of(message))
    assert link in html_of(message)

    laptop = Client()
    assert laptop.get(path_of(link)).status_code == 200
    assert laptop.post(path_of(link)).status_code == 303
    course_page = laptop.get(course.url).text
    assert _("%(done)s of %(total)s lessons done") % {"done": 1, "total": 3} in course_page
