"""A learner cookie that does not check out starts a new learner: never an error page."""

import pytest
from django.core import signing
from django.test import override_settings

from elearning_pages.learning.identity import COOKIE, SALT
from elearning_pages.models import Learner, SelfCheckAnswer
from tests.elearning_pages.learning.conftest import answer, question_ids

pytestmark = pytest.mark.django_db


def signed_cookie(value: str) -> str:
    return signing.get_cookie_signer(salt=COOKIE + SALT).sign(value)


@pytest.fixture
def learner_with_answer(client, lessons):
    answer(client, lessons[0], question_ids(lessons[0])[0])
    return Learner.objects.get()


def test_the_cookie_is_signed_http_only_and_holds_only_the_key(client, lessons):
    response = answer(client, lessons[0], question_ids(lessons[0])[0])
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie.value.split(":")[0] == str(Learner.objects.get().key)


@pytest.mark.parametrize(
    "cookie",
    [
        "rubbish",
        "00000000-0000-0000-0000-000000000000:forged",
        "TAMPERED",
    ],
    ids=["not signed", "forged signature", "key swapped"],
)
def test_a_tampered_cookie_counts_as_none(client, lessons, learner_with_answer, cookie):
    other_key = "11111111-1111-1111-1111-111111111111"
    if cookie == "TAMPERED":
        real = client.cookies[COOKIE].value
        cookie = real.replace(str(learner_with_answer.key), other_key)
    client.cookies[COOKIE] = cookie
    page = client.get(lessons[0].url)
    assert page.status_code == 200
    assert "self-check__result" not in page.text
    assert "private" not in page.get("Cache-Control", "")
    answer(client, lessons[0], question_ids(lessons[0])[0])
    assert Learner.objects.count() == 2  # a new learner; the real one keeps their answer
    assert SelfCheckAnswer.objects.filter(learner=learner_with_answer).count() == 1


def test_a_cookie_signed_with_another_sites_secret_counts_as_none(client, lessons, learner_with_answer):
    with override_settings(SECRET_KEY="another site's secret, long enough to be a secret key"):
        client.cookies[COOKIE] = signed_cookie(str(learner_with_answer.key))
    page = client.get(lessons[0].url)
    assert page.status_code == 200 and "self-check__result" not in page.text
    response = answer(client, lessons[0], question_ids(lessons[0])[1])
    assert response.status_code == 303
    assert response.cookies[COOKIE].value.split(":")[0] != str(learner_with_answer.key)


def test_a_cookie_of_a_deleted_learner_starts_a_new_one(client, course, lessons, learner_with_answer):
    learner_with_answer.delete()
    for url in (course.url, lessons[0].url, course.get_parent().url):
        assert client.get(url).status_code == 200
    response = answer(client, lessons[0], question_ids(lessons[0])[0])
    assert response.status_code == 303
    new = Learner.objects.get()
    assert response.cookies[COOKIE].value.split(":")[0] == str(new.key)


def test_a_cookie_with_a_well_signed_value_that_is_no_key_counts_as_none(client, lessons):
    client.cookies[COOKIE] = signed_cookie("not-a-uuid")
    assert client.get(lessons[0].url).status_code == 200
    assert answer(client, lessons[0], question_ids(lessons[0])[0]).status_code == 303


def test_a_plain_visit_makes_no_learner(client, course, lessons):
    for url in (course.url, lessons[0].url, course.get_parent().url):
        response = client.get(url)
        assert COOKIE not in response.cookies
    assert not Learner.objects.exists()
