"""Only moderators (and superusers) see the e-learning reports, in the menu and at their address."""

import pytest

pytestmark = pytest.mark.django_db

URLS = [
    "/admin/reports/e-learning/deelnemers/",
    "/admin/reports/e-learning/zelftoetsen/",
    "/admin/reports/e-learning/uitval/",
    "/admin/reports/e-learning/videos/",
]


@pytest.mark.parametrize("url", URLS)
def test_moderators_see_each_report(client, moderator, course, url):
    client.force_login(moderator)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("who", ["editor", "centre_staff"])
def test_editors_and_centre_staff_may_not(client, request, who, url):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url)
    # Wagtail answers a missing permission with a redirect to the dashboard and a message.
    assert response.status_code in (302, 403)
    assert client.get(f"{url}?export=csv").status_code in (302, 403)
    assert client.get(f"{url}?export=xlsx").status_code in (302, 403)


@pytest.mark.parametrize("url", URLS)
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_reports_menu_lists_them_for_moderators_only(client, moderator, editor):
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert all(url in html for url in URLS)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert not any(url in html for url in URLS)
