"""The public check of a certificate: name, course and date, nothing else; no guessing codes."""

from datetime import date

import pytest

from elearning_pages.models import Certificate
from tests.elearning_pages.certificates.conftest import log_in

pytestmark = pytest.mark.django_db

CHECK = "/e-learning/certificaat/"


@pytest.fixture
def certificate(graduate, course):
    return Certificate.objects.create(
        code="ABCD2345",
        name="Anna de Vries",
        course_key=course.translation_key,
        course_title="Oude titel van de cursus",
        issued_on=date(2026, 12, 7),
        learner=graduate,
    )


def test_the_check_confirms_name_course_and_date(client, certificate, course):
    response = client.get(f"{CHECK}ABCD-2345/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Anna de Vries" in html and course.title in html and "7 december 2026" in html
    assert '<meta name="robots" content="noindex">' in html and response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]  # a new name must show at once


def test_the_check_shows_nothing_else(client, certificate, graduate, course):
    html = client.get(f"{CHECK}ABCD-2345/").content.decode()

    assert str(graduate.key) not in html and graduate.key.hex not in html
    assert f"{course.url}certificaat/" not in html  # not the learner's own page
    assert "Oude titel" not in html  # the course's current title, not what was stored
    for lesson in course.lessons():
        assert lesson.title not in html
    main = html[html.index('<main id="main"') : html.index("</main>")]
    assert main.count("<dd>") == 3


# Spaces never reach a code's address: Wagtail serves only letters, digits, "_" and "-" there, and the
# form takes the spaces out (test_the_form_leads_to_the_codes_page).
@pytest.mark.parametrize("typed", ["abcd-2345", "ABCD2345", "abcd2345", "-abcd--2345-", "Ab-Cd-23-45"])
def test_codes_are_read_whatever_their_case_and_dashes(client, certificate, typed):
    response = client.get(f"{CHECK}{typed}/")

    assert response.status_code == 200
    assert "Anna de Vries" in response.content.decode()


@pytest.mark.parametrize("typed", ["ABCD-2346", "ABCD-234", "hello", "ABCD-23450000", "ABCD_2345", "ABCD-1234"])
def test_an_unknown_or_garbled_code_is_a_404_with_the_form_again(client, certificate, typed):
    response = client.get(f"{CHECK}{typed}/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Anna de Vries" not in html
    assert 'name="code"' in html and f'action="{CHECK}"' in html
    assert "<script>" not in html[html.index('<main id="main"') :]
    assert response["X-Robots-Tag"] == "noindex"


def test_the_form_leads_to_the_codes_page(client, certificate):
    response = client.get(CHECK, {"code": " abcd 2345 "})

    assert response.status_code == 302
    assert response["Location"] == f"{CHECK}ABCD-2345/"


def test_the_form_says_what_is_wrong_with_a_code_that_cannot_be_ours(client, certificate):
    response = client.get(CHECK, {"code": "12"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html and 'value="12"' in html


def test_the_empty_form_is_the_same_for_everyone(client, course_index):
    response = client.get(CHECK)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'method="get"' in html and 'name="code"' in html and "aria-invalid" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_english_check_names_the_english_course(client, certificate, english_course):
    response = client.get(f"/en{CHECK}ABCD-2345/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Using kanker.nl with your guests" in html and "7 December 2026" in html
    assert "Kanker.nl gebruiken met uw gasten" not in html


def test_a_course_that_is_gone_is_named_by_its_stored_title(client, certificate, course):
    course.unpublish()

    html = client.get(f"{CHECK}ABCD-2345/").content.decode()

    assert "Oude titel van de cursus" in html


def test_lookups_are_limited_per_address(client, certificate, settings):
    settings.ELEARNING_CERTIFICATE_LOOKUPS_PER_HOUR = 3
    for number in range(3):
        assert client.get(f"{CHECK}ABCD-23{number + 4}6/").status_code == 404

    blocked = client.get(f"{CHECK}ABCD-2345/")
    elsewhere = client.get(f"{CHECK}ABCD-2345/", REMOTE_ADDR="192.0.2.9")

    assert blocked.status_code == 429
    assert "Anna de Vries" not in blocked.content.decode()
    assert elsewhere.status_code == 200


def test_the_learner_cookie_changes_nothing(client, certificate, graduate):
    log_in(client, graduate)

    html = client.get(f"{CHECK}ABCD-2345/").content.decode()

    assert str(graduate.key) not in html


def test_a_hostile_code_in_the_form_is_shown_as_text(client, course_index):
    html = client.get(CHECK, {"code": '"><script>alert(1)</script>'}).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_a_certificate_still_checks_out_after_its_learner_is_gone(client, certificate, graduate):
    graduate.delete()  # the retention task deletes learners; certificates stay

    response = client.get(f"{CHECK}ABCD-2345/")

    assert response.status_code == 200
    assert "Anna de Vries" in response.content.decode()


def test_an_unknown_code_is_repeated_as_typed_in_halves(client, course_index):
    html = client.get(f"{CHECK}abcd-2346/").content.decode()

    assert "ABCD-2346" in html
