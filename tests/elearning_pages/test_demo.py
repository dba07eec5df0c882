"""The demo course `make run` puts on the site: complete, publishable, in two languages, idempotent."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_factories import DocumentFactory

from elearning_pages.blocks import LessonStreamBlock, VideoStreamBlock
from elearning_pages.demo.course_text import COURSE, INSTRUCTION_VIDEOS
from elearning_pages.demo.loader import load_elearning_demo
from elearning_pages.demo.video_files import demo_video_files
from elearning_pages.models import CourseIndexPage, CoursePage, LessonPage, VideoPage
from home.demo import load_demo_content


@pytest.fixture
def demo_elearning(db):
    load_demo_content()
    return load_elearning_demo()


def test_one_course_of_five_lessons_each_with_a_video_self_checks_and_a_practice_task(demo_elearning):
    course = CoursePage.objects.get(locale__language_code="nl")
    assert course.url == "/e-learning/kanker-nl-gebruiken-met-uw-gasten/"
    assert course.title == "Kanker.nl gebruiken met uw gasten"
    lessons = [lesson.specific for lesson in course.lessons()]
    assert len(lessons) == 5
    for lesson in lessons:
        kinds = [block.block_type for block in lesson.body]
        assert kinds.count("video") == 1
        assert len(lesson.question_blocks()) >= 2
        assert "practice_task" in kinds
    assert sum([block.block_type for block in lesson.body].count("handout") for lesson in lessons) == 1
    assert VideoPage.objects.filter(locale__language_code="nl").count() == len(INSTRUCTION_VIDEOS) == 2


def test_every_demo_page_would_pass_the_publishing_checks(demo_elearning):
    for lesson in LessonPage.objects.all():
        LessonStreamBlock().clean(lesson.body)
    for page in VideoPage.objects.all():
        VideoStreamBlock().clean(page.video)


def test_the_english_course_shares_translation_keys_and_block_ids(demo_elearning):
    english = Locale.objects.get(language_code="en")
    for dutch in LessonPage.objects.filter(locale__language_code="nl"):
        translation = dutch.get_translation(english).specific
        assert [block.id for block in translation.body] == [block.id for block in dutch.body]
        assert translation.title != dutch.title or dutch.title.startswith("Wat")
    assert CourseIndexPage.objects.get(locale=english).url == "/en/e-learning/"
    assert CoursePage.objects.get(locale=english).title == COURSE.title.en


def test_the_transcript_is_what_the_captions_say(demo_elearning):
    lesson = LessonPage.objects.filter(locale__language_code="nl").first()
    video = lesson.video_blocks()[0].value
    dutch_track = next(track["captions"] for track in video["captions"] if track["language"] == "nl")
    for sentence in COURSE.lessons[0].video.sentences:
        assert sentence.nl in video["transcript"]
        assert sentence.nl in dutch_track


def test_running_it_again_creates_nothing(demo_elearning):
    assert len(demo_elearning) == 2 * (1 + 1 + 5 + 1 + 2)
    assert load_elearning_demo() == []
    assert LessonPage.objects.count() == 10


def test_running_it_again_after_an_editor_renamed_the_videos_uploads_none_again(db):
    load_demo_content()
    load_elearning_demo()
    documents, images = get_document_model().objects, get_image_model().objects
    counts = (documents.count(), images.count())
    documents.update(title="Hernoemd door een redacteur")
    images.update(title="Hernoemde still")
    LessonPage.objects.all().delete()

    load_elearning_demo()

    assert (documents.count(), images.count()) == counts
    assert all(lesson.video_blocks()[0].value["file"] for lesson in LessonPage.objects.all())


def test_a_document_of_an_editor_with_a_demo_videos_title_is_not_taken_for_it(db):
    load_demo_content()
    first_video = next(iter(demo_video_files().values())).video
    theirs = DocumentFactory(title=first_video.name)

    load_elearning_demo()

    files = {lesson.video_blocks()[0].value["file"].pk for lesson in LessonPage.objects.all()}
    assert theirs.pk not in files
