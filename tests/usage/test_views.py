"""The public side: the counted redirect, the view beacon, "Was dit nuttig?" and downloads."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.signing import dumps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model

from tests.home.factories import StandardPageFactory
from usage.links import SALT, click_url
from usage.models import DownloadDay, PageViewDay, ResultClickDay, UsefulnessAnswer, UsefulnessDay
from usage.signal_handlers import DOWNLOADS_PER_IP
from usage.views import ANSWERS_PER_IP, CLICKS_PER_IP

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
TODAY = date(2026, 12, 7)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


# The counted redirect


def test_a_followed_result_is_counted_with_its_term_and_leads_to_the_page(browser, page):
    response = browser.get(click_url(page.pk, "Financiering MDO"))
    assert (response.status_code, response["Location"]) == (302, "/mdo/")
    assert list(ResultClickDay.objects.values_list("term", "page_id", "day", "clicks")) == [
        ("financiering mdo", page.pk, TODAY, 1)
    ]
    assert not response.cookies


def test_the_link_carries_no_personal_data(page):
    assert "12345678" not in click_url(page.pk, "bel 0612345678")


def test_a_robot_is_sent_on_without_being_counted(client, page):
    response = client.get(click_url(page.pk, "mdo"), HTTP_USER_AGENT="Googlebot/2.1")
    assert response.status_code == 302
    assert not ResultClickDay.objects.exists()


@pytest.mark.parametrize(
    "to",
    [
        "https://evil.example/",
        "//evil.example/",
        "/mdo/",
        "",
        dumps(["https://evil.example/", ""], salt="usage.click"),  # signed by us, but not a page id
        dumps([1, "mdo"], salt="another.salt"),
        "{page_token}x",  # tampered
    ],
)
def test_the_redirect_goes_nowhere_but_our_own_pages(browser, page, to):
    to = to.format(page_token=click_url(page.pk).split("to=")[1])
    response = browser.get("/r/", {"to": to})
    assert response.status_code == 404
    assert not ResultClickDay.objects.exists()


def test_a_signed_link_to_a_page_no_longer_live_finds_nothing(browser, page):
    url = click_url(page.pk)
    page.unpublish()
    assert browser.get(url).status_code == 404


def test_a_signed_link_with_a_redirect_like_term_still_leads_to_the_page(browser, page):
    token = dumps([page.pk, "https://evil.example/"], salt=SALT, compress=True)
    response = browser.get("/r/", {"to": token})
    assert response["Location"] == "/mdo/"


def test_a_replayed_link_is_counted_up_to_the_limit_and_still_leads_to_the_page(browser, page):
    url = click_url(page.pk, "mdo")
    for _ in range(CLICKS_PER_IP.limit + 1):
        response = browser.get(url)
    assert response["Location"] == "/mdo/"
    assert list(ResultClickDay.objects.values_list("clicks", flat=True)) == [CLICKS_PER_IP.limit]


def test_the_redirect_costs_four_queries(browser, page, django_assert_num_queries):
    url = click_url(page.pk, "mdo")
    browser.get(url)  # the day's first click creates its row
    with django_assert_num_queries(4):  # view restrictions, the page, the site (for its URL), one UPDATE
        browser.get(url)


# The view beacon


def test_the_beacon_counts_one_view_of_a_live_page(browser, page):
    response = browser.post("/usage/view/", {"page": page.pk})
    browser.post("/usage/view/", {"page": page.pk})
    assert response.status_code == 204
    assert not response.cookies
    assert list(PageViewDay.objects.values_list("page_id", "day", "views")) == [(page.pk, TODAY, 2)]


@pytest.mark.parametrize("data", [{"page": "x"}, {}])
def test_the_beacon_refuses_what_is_not_a_page_id(browser, page, data):
    assert browser.post("/usage/view/", data).status_code == 400


def test_the_beacon_ignores_robots_unknown_and_unpublished_pages(browser, client, page, site_home):
    draft = StandardPageFactory(parent=site_home, live=False)
    client.post("/usage/view/", {"page": page.pk}, HTTP_USER_AGENT="curl/8.5")
    browser.post("/usage/view/", {"page": draft.pk})
    browser.post("/usage/view/", {"page": 999_999})
    assert not PageViewDay.objects.exists()


def test_a_beacon_costs_two_queries(browser, page, django_assert_num_queries):
    browser.post("/usage/view/", {"page": page.pk})  # the day's first view creates its row
    with django_assert_num_queries(2):  # is the page live; one UPDATE of the day's row
        assert browser.post("/usage/view/", {"page": page.pk}).status_code == 204
    assert list(PageViewDay.objects.values_list("views", flat=True)) == [2]


def test_a_page_unpublished_after_its_first_views_counts_no_more(browser, page):
    browser.post("/usage/view/", {"page": page.pk})
    page.unpublish()
    browser.post("/usage/view/", {"page": page.pk})
    assert list(PageViewDay.objects.values_list("views", flat=True)) == [1]


def test_the_beacon_takes_no_get(browser, page):
    assert browser.get("/usage/view/", {"page": page.pk}).status_code == 405


# "Was dit nuttig?"


def test_an_answer_is_kept_and_the_visitor_returns_to_the_page_with_thanks(browser, page):
    response = browser.post(f"/usage/useful/{page.pk}/", {"useful": "no", "comment": "Mail mij: a@b.nl"})
    assert (response.status_code, response["Location"]) == (302, "/mdo/?nuttig=bedankt#nuttig")
    assert not response.cookies
    answer = UsefulnessAnswer.objects.get()
    assert (answer.page_id, answer.useful, answer.comment, answer.answered_at) == (
        page.pk,
        False,
        "Mail mij: [email]",
        NOW,
    )
    assert list(UsefulnessDay.objects.values_list("useful", "not_useful")) == [(0, 1)]


@pytest.mark.parametrize("data", [{}, {"useful": "maybe"}, {"useful": "yes", "comment": "x" * 1001}])
def test_an_answer_that_is_no_yes_or_no_is_refused(browser, page, data):
    assert browser.post(f"/usage/useful/{page.pk}/", data).status_code == 400
    assert not UsefulnessAnswer.objects.exists()


def test_a_comment_loses_control_characters_and_keeps_its_lines_and_markup_as_text(browser, page):
    comment = "Rood\x1b[31m \x07<b>vet</b>\r\nTweede regel\tmet tab"
    browser.post(f"/usage/useful/{page.pk}/", {"useful": "yes", "comment": comment})
    assert UsefulnessAnswer.objects.get().comment == "Rood[31m <b>vet</b>\r\nTweede regel\tmet tab"


def test_a_comment_with_markup_is_shown_to_moderators_as_text(browser, admin_client, page):
    browser.post(f"/usage/useful/{page.pk}/", {"useful": "no", "comment": "<script>alert(1)</script>"})
    html = admin_client.get("/admin/reports/usage/comments/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert admin_client.get("/admin/reports/usage/comments/", {"export": "xlsx"}).status_code == 200


def test_a_filled_in_hidden_field_or_a_robot_is_thanked_and_not_counted(browser, client, page):
    browser.post(f"/usage/useful/{page.pk}/", {"useful": "yes", "website": "https://spam.example"})
    client.post(f"/usage/useful/{page.pk}/", {"useful": "yes"}, HTTP_USER_AGENT="python-requests/2.32")
    assert not UsefulnessAnswer.objects.exists()


def test_answers_are_rate_limited_per_address(browser, page):
    for _ in range(ANSWERS_PER_IP.limit):
        browser.post(f"/usage/useful/{page.pk}/", {"useful": "yes"})
    response = browser.post(f"/usage/useful/{page.pk}/", {"useful": "yes"})
    assert response["Location"] == "/mdo/?nuttig=te-vaak#nuttig"
    assert UsefulnessAnswer.objects.count() == ANSWERS_PER_IP.limit


def test_no_answer_for_a_page_that_is_not_live(browser, site_home):
    draft = StandardPageFactory(parent=site_home, live=False)
    assert browser.post(f"/usage/useful/{draft.pk}/", {"useful": "yes"}).status_code == 404


def test_no_answer_for_a_page_outside_every_site(browser, site_home):
    stray = StandardPageFactory(parent=site_home.get_parent(), slug="los")
    assert browser.post(f"/usage/useful/{stray.pk}/", {"useful": "yes"}).status_code == 404
    assert not UsefulnessAnswer.objects.exists()


# Downloads


@pytest.fixture
def document(db):
    document = get_document_model()(title="Handreiking financiering")
    document.file.save("handreiking.txt", ContentFile(b"Financiering van het MDO."), save=True)
    return document


def test_a_served_document_is_counted_per_day(browser, document):
    assert browser.get(document.url).status_code == 200
    browser.get(document.url)
    assert list(DownloadDay.objects.values_list("document_id", "day", "downloads")) == [(document.pk, TODAY, 2)]


def test_a_robot_or_the_rest_of_a_ranged_download_is_not_counted(client, browser, document):
    client.get(document.url, HTTP_USER_AGENT="Googlebot/2.1")
    browser.get(document.url, HTTP_RANGE="bytes=0-9")
    browser.get(document.url, HTTP_RANGE="bytes=10-")
    assert list(DownloadDay.objects.values_list("downloads", flat=True)) == [1]


def test_downloads_are_counted_up_to_the_limit_per_address(browser, document):
    for _ in range(DOWNLOADS_PER_IP.limit + 1):
        assert browser.get(document.url).status_code == 200
    assert list(DownloadDay.objects.values_list("downloads", flat=True)) == [DOWNLOADS_PER_IP.limit]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(to=st.text(max_size=200))
def test_no_unsigned_value_ever_redirects(browser, page, to):
    assert browser.get("/r/", {"to": to}).status_code == 404


def test_robots_are_asked_not_to_follow_counted_links(client, db):
    robots_txt = client.get("/robots.txt").content.decode()
    assert "Disallow: /r/" in robots_txt and "Disallow: /usage/" in robots_txt
