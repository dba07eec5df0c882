"""The e-learning overview also leads to the instruction videos and to the certificate check."""

from django.utils.html import escape
from django.utils.translation import gettext

from elearning_pages.models import VideoIndexPage


def test_the_overview_links_the_video_library_and_the_certificate_check(client, course, course_index, site_home):
    without_library = client.get(course_index.url).content.decode()
    assert 'href="/instructievideos/"' not in without_library

    library = VideoIndexPage(title="Instructievideo's", slug="instructievideos")
    site_home.add_child(instance=library)
    html = client.get(course_index.url).content.decode()

    assert f'<a href="/instructievideos/">{gettext("Watch the instruction videos")}</a>' in html
    assert f'<a href="/e-learning/certificaat/">{escape(gettext("Check a certificate"))}</a>' in html
