"""Videos: plays and completions per video, summed over the months of the period."""

from datetime import date

import pytest

from elearning_pages.models import LessonPage, VideoIndexPage, VideoPage, VideoStat, VideoTopic
from elearning_pages.reports.period import Period
from elearning_pages.reports.videos import video_counts
from tests.elearning_pages.factories import lesson_body, make_course, video_block, video_file

pytestmark = pytest.mark.django_db

DEFAULT = Period(date(2025, 12, 1), date(2026, 11, 1))


def stat(page, block, month, plays, completions):
    VideoStat.objects.create(
        video_key=f"{page.translation_key}:{block.id}", month=month, plays=plays, completions=completions
    )


@pytest.fixture
def video_page(site_home):
    library = VideoIndexPage(title="Instructievideo's", slug="instructievideos")
    site_home.add_child(instance=library)
    topic = VideoTopic.objects.create(name_nl="Inloggen", name_en="Signing in")
    page = VideoPage(
        title="Inloggen op het platform",
        slug="inloggen",
        topic=topic,
        intro="Zo logt u in.",
        video=[video_block(video_file(), title="Inloggen in drie stappen")],
    )
    library.add_child(instance=page)
    return page


def test_plays_and_completions_summed_over_the_period_most_played_first(lessons, video_page):
    [lesson_video] = lessons[0].video_blocks()
    [library_video] = video_page.video_blocks()
    stat(lessons[0], lesson_video, date(2026, 1, 1), 10, 4)
    stat(lessons[0], lesson_video, date(2026, 2, 1), 6, 4)
    stat(lessons[0], lesson_video, date(2025, 11, 1), 100, 100)  # before the period
    stat(video_page, library_video, date(2026, 11, 1), 20, 5)

    rows = [(row.title, row.course, row.page, row.plays, row.completions, row.share) for row in video_counts(DEFAULT)]

    assert rows == [
        ("Inloggen in drie stappen", "", "Inloggen op het platform", 20, 5, 25),
        ("Zo werkt het", "Kanker.nl gebruiken met uw gasten", "Les 1", 16, 8, 50),
    ]


def test_a_removed_video_or_page_is_named_as_such(lessons):
    VideoStat.objects.create(video_key=f"{lessons[0].translation_key}:weg", month=date(2026, 3, 1), plays=2)
    VideoStat.objects.create(video_key="not-a-key:weg", month=date(2026, 3, 1), plays=1)
    rows = [(row.page, row.share) for row in video_counts(DEFAULT)]
    assert rows[0] == ("Les 1", 0) and rows[1][1] == 0
    assert rows[1][0] in ("(verwijderd)", "(deleted)")


@pytest.mark.parametrize("lesson_count", [3, 30])
def test_four_queries_however_many_videos(course_index, django_assert_num_queries, lesson_count):
    course = make_course(course_index, lessons=0)
    for number in range(lesson_count):
        # make_course gives only its first lesson a video: here each lesson has one.
        lesson = LessonPage(
            title=f"Les {number}", slug=f"les-{number}", intro="I.", duration_minutes=5, body=lesson_body()
        )
        course.add_child(instance=lesson)
        [block] = lesson.video_blocks()
        stat(lesson, block, date(2026, 3, 1), number + 1, number)
    with django_assert_num_queries(4):  # the counts, the lessons, their courses, the video pages
        rows = video_counts(DEFAULT)
    assert len(rows) == lesson_count and rows[0].plays == lesson_count
