"""The learner's certificate: only for a course really finished, one per learner per course."""

from datetime import date

import pytest
import time_machine
import zxingcpp
from django.utils import timezone

from elearning_pages.certificates import codes
from elearning_pages.models import Certificate, Learner
from tests.elearning_pages.certificates.conftest import finish_lesson, log_in
from tests.kankernl_site.test_qr import svg_image

pytestmark = pytest.mark.django_db

# 23:30 in Amsterdam on 7 December is already the 7th there and still the 7th in UTC; 23:30 UTC on the
# 6th is the 7th in Amsterdam: the date on the certificate is Amsterdam's.
NOW = "2026-12-06T23:30:00Z"


def url(course) -> str:
    return f"{course.url}certificaat/"


def test_a_visitor_without_progress_sees_the_lessons_and_no_form(client, course):
    response = client.get(url(course))

    html = response.content.decode()
    assert response.status_code == 200
    for lesson in course.lessons():
        assert f'href="{lesson.url}"' in html
    assert 'method="post"' not in html and "csrfmiddlewaretoken" not in html
    assert not Certificate.objects.exists()
    assert not Learner.objects.exists()
    assert "set-cookie" not in {name.lower() for name in response.headers}


def test_a_learner_halfway_sees_what_is_still_open(client, learner, course):
    first, second, third = course.lessons()
    finish_lesson(learner, first)
    finish_lesson(learner, second, answers=False)
    log_in(client, learner)

    response = client.get(url(course))

    html = response.content.decode()
    assert f'href="{first.url}"' not in html
    assert f'href="{second.url}"' in html and f'href="{third.url}"' in html
    assert 'name="name"' not in html
    assert "private" in response["Cache-Control"]


def test_a_learner_who_finished_gets_the_name_form(client, graduate, course):
    log_in(client, graduate)

    response = client.get(url(course))

    html = response.content.decode()
    assert 'name="name"' in html and 'autocomplete="name"' in html and 'maxlength="100"' in html
    assert "private" in response["Cache-Control"]
    assert not Certificate.objects.exists()  # only a post makes one


@pytest.mark.parametrize("progress", ["none", "half"])
def test_posting_the_form_without_having_done_the_course_gives_no_certificate(client, learner, course, progress):
    if progress == "half":
        finish_lesson(learner, course.lessons().first())
    log_in(client, learner)

    response = client.post(url(course), {"name": "Anna de Vries"})

    assert response.status_code == 403
    assert "Anna de Vries" not in response.content.decode()
    assert not Certificate.objects.exists()


def test_a_forged_post_without_any_cookie_gives_no_certificate_and_no_learner(client, course):
    response = client.post(url(course), {"name": "Anna de Vries"})

    assert response.status_code == 403
    assert not Certificate.objects.exists() and not Learner.objects.exists()


def test_a_forged_cookie_gives_no_certificate(client, graduate, course):
    log_in(client, graduate)
    signed = client.cookies["leerling"].value
    client.cookies["leerling"] = signed.replace(str(graduate.key)[:8], "00000000")

    response = client.post(url(course), {"name": "Anna de Vries"})

    assert response.status_code == 403
    assert not Certificate.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_posting_a_name_makes_the_certificate_and_leads_to_it(client, graduate, course):
    log_in(client, graduate)

    response = client.post(url(course), {"name": "  Anna\tde Vries\x07 "})

    assert response.status_code == 303
    assert response["Location"] == url(course)
    certificate = Certificate.objects.get()
    assert certificate.name == "Anna de Vries"
    assert certificate.learner == graduate
    assert certificate.course_key == course.translation_key
    assert certificate.course_title == course.title
    assert certificate.issued_on == date(2026, 12, 7)
    assert codes.is_well_formed(certificate.code)


def test_an_empty_name_makes_no_certificate(client, graduate, course):
    log_in(client, graduate)

    response = client.post(url(course), {"name": " \x00 "})

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Certificate.objects.exists()


def test_one_certificate_per_learner_per_course_a_new_name_keeps_code_and_date(client, graduate, course):
    log_in(client, graduate)
    with time_machine.travel("2026-12-07T10:00:00Z", tick=False):
        client.post(url(course), {"name": "Ana de Vries"})
    first = Certificate.objects.get()

    with time_machine.travel("2027-01-15T10:00:00Z", tick=False):
        response = client.post(url(course), {"name": "Anna de Vries"})

    assert response.status_code == 303
    certificate = Certificate.objects.get()
    assert (certificate.pk, certificate.code, certificate.issued_on) == (first.pk, first.code, date(2026, 12, 7))
    assert certificate.name == "Anna de Vries"


def test_another_learner_gets_a_certificate_of_their_own(client, graduate, course):
    log_in(client, graduate)
    client.post(url(course), {"name": "Anna"})
    other = Learner.objects.create()
    for lesson in course.lessons():
        finish_lesson(other, lesson)
    log_in(client, other)

    client.post(url(course), {"name": "Bert"})

    assert sorted(Certificate.objects.values_list("name", flat=True)) == ["Anna", "Bert"]
    assert Certificate.objects.values("code").distinct().count() == 2


@time_machine.travel(NOW, tick=False)
def test_the_certificate_shows_name_course_date_in_words_code_and_a_qr_code_to_its_check(client, graduate, course):
    log_in(client, graduate)
    client.post(url(course), {"name": "Anna de Vries"})
    code = codes.display(Certificate.objects.get().code)

    response = client.get(url(course))

    html = response.content.decode()
    assert "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html
    assert "Anna de Vries" in html and course.title in html
    assert "7 december 2026" in html
    assert code in html
    check_url = f"http://testserver/e-learning/certificaat/{code}/"
    assert f'href="{check_url}"' in html
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert zxingcpp.read_barcodes(svg_image(svg, 4))[0].text == check_url
    assert "data-print" in html and "js/print-button.js" in html
    assert 'value="Anna de Vries"' in html  # the form to change the name


def test_the_certificate_stays_with_its_learner(client, graduate, course):
    log_in(client, graduate)
    client.post(url(course), {"name": "Anna de Vries"})
    client.cookies.clear()

    log_in(client, Learner.objects.create())
    html = client.get(url(course)).content.decode()

    assert "Anna de Vries" not in html


@time_machine.travel(NOW, tick=False)
def test_the_english_certificate_is_in_english(client, graduate, course, english_course, english_lessons):
    log_in(client, graduate)

    response = client.post(f"{english_course.url}certificaat/", {"name": "Anna de Vries"})
    html = client.get(response["Location"]).content.decode()

    assert english_course.url.startswith("/en/")
    assert response["Location"] == f"{english_course.url}certificaat/"
    assert "Using kanker.nl with your guests" in html
    assert "7 December 2026" in html
    assert "http://testserver/en/e-learning/certificaat/" in html
    assert timezone.localdate() == date(2026, 12, 7)


def test_a_wrong_new_name_keeps_the_certificate_and_says_what_is_wrong(client, graduate, course):
    log_in(client, graduate)
    client.post(url(course), {"name": "Anna de Vries"})

    response = client.post(url(course), {"name": "x" * 101})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html and "Anna de Vries" in html  # the certificate, still as it was
    assert Certificate.objects.get().name == "Anna de Vries"
