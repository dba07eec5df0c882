"""What the saving routes answer to input nobody meant to send: a dead mail server, rubbish links."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.utils.translation import gettext as _

from elearning_pages.learning.identity import COOKIE
from elearning_pages.models import Learner
from tests.elearning_pages.learning.conftest import answer_all

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
ADDRESS = "vrijwilliger@example.org"
CLOSED_PORT = 8419  # in this worktree's range; nothing listens there


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def dead_mail_server(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", CLOSED_PORT, 2


def test_an_unreachable_mail_server_gives_a_plain_503_when_saving(client, course_index, lessons, dead_mail_server):
    answer_all(client, lessons[0])
    Learner.objects.update(email=ADDRESS)

    response = client.post(course_index.url + course_index.reverse_subpage("save_progress"), {"email": ADDRESS})

    assert response.status_code == 503
    assert _("We could not send the e-mail just now. Please try again later.") in response.text
    assert "no-cache" in response["Cache-Control"]


def test_continuing_elsewhere_answers_alike_for_a_known_and_an_unknown_address_with_the_mail_server_down(
    client, course_index, lessons, dead_mail_server, caplog
):
    """The mail goes out from the worker (here the immediate backend, which records the task as
    failed): an error page only for a known address would tell that it is known."""
    answer_all(client, lessons[0])
    Learner.objects.update(email=ADDRESS)
    url = course_index.url + course_index.reverse_subpage("continue_elsewhere")

    known = Client().post(url, {"email": ADDRESS})
    unknown = Client().post(url, {"email": "onbekend@example.org"})

    assert (
        (known.status_code, known["Location"])
        == (unknown.status_code, unknown["Location"])
        == (303, f"{url}?verstuurd=1")
    )
    failed = [r for r in caplog.records if "send_continue_mail state=FAILED" in r.getMessage()]
    assert len(failed) == 1  # only the known address had a mail to send, and the worker says it failed


@pytest.mark.parametrize("token", ["!!!", "a", "bm90IGEgdG9rZW4", "x" * 600])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_garbled_sign_in_link_is_a_404_that_signs_in_nobody(course_index, token, method):
    browser = Client()
    url = course_index.url + f"voortgang/link/{token}/"

    response = getattr(browser, method)(url)

    assert response.status_code == 404
    assert COOKIE not in response.cookies
    assert not Learner.objects.exists()


@pytest.mark.parametrize("route", ["save_progress", "continue_elsewhere", "sign_in"])
def test_the_saving_routes_refuse_other_methods(client, course_index, route):
    kwargs = {"token": "abc"} if route == "sign_in" else None
    response = client.put(course_index.url + course_index.reverse_subpage(route, kwargs=kwargs))

    assert response.status_code == 405
