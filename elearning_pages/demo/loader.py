"""Puts the demo e-learning on the site: the course with its five lessons, and the video library.

Create-only, like the rest of the demo (``home.demo``): a page that exists (found by type under its
parent) is left as an editor may have changed it. Dutch pages first, then their English translations
with the same translation key and the same block ids, so a learner's progress is shared by both.
The videos, stills and caption files are the committed output of ``scripts/make_demo_videos.py``.
"""

import json
import uuid
from pathlib import Path

from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.utils.file import hash_filelike

from elearning_pages import webvtt
from elearning_pages.models import CourseIndexPage, CoursePage, LessonPage, VideoIndexPage, VideoPage, VideoTopic
from home.demo import create_child, ensure_translation
from home.models import HomePage

from .course_text import COURSE, HANDOUT, INSTRUCTION_VIDEOS
from .course_text.types import Lesson, MultipleChoiceQuestion, Text, Video
from .video_files import demo_video_files

BLOCK_IDS = uuid.UUID("6d1f3c1e-1b7a-4a53-9a3c-2f3c7c9b0e14")  # namespace for the demo's block ids
HANDOUT_LESSON = "reliable-information"
LIBRARY_TOPIC = Text(nl="De agenda gebruiken", en="Using the agenda")
INDEX = {
    "nl": {
        "title": "E-learning",
        "slug": "e-learning",
        "intro": (
            "Korte lessen voor vrijwilligers in de centra: hoe u kanker.nl en de agenda samen met uw gasten gebruikt. "
            "U heeft geen account nodig."
        ),
    },
    "en": {
        "title": "E-learning",
        "slug": "e-learning",
        "intro": (
            "Short lessons for volunteers in the centres: how to use kanker.nl and the agenda together with your "
            "guests. You do not need an account."
        ),
    },
}
LIBRARY = {
    "nl": {
        "title": "Instructievideo's",
        "slug": "instructievideos",
        "intro": (
            "Korte video's over het gebruik van kanker.nl en de agenda. Elke video heeft ondertiteling en een "
            "uitgeschreven tekst."
        ),
    },
    "en": {
        "title": "Instruction videos",
        "slug": "instruction-videos",
        "intro": (
            "Short videos on using kanker.nl and the agenda. Every video has captions and a written transcript."
        ),
    },
}
COURSE_SLUGS = {"nl": "kanker-nl-gebruiken-met-uw-gasten", "en": COURSE.slug}
# The texts' slugs are English; the Dutch pages get Dutch addresses.
DUTCH_SLUGS = {
    "platform": "wat-biedt-kanker-nl",
    "reliable-information": "betrouwbare-informatie",
    "peer-contact": "lotgenotencontact",
    "agenda": "agenda-van-de-centra",
    "open-questions": "vragen-die-u-niet-kunt-beantwoorden",
    "find-an-activity": "activiteit-zoeken",
    "subscribe-to-the-agenda": "abonneren-op-de-agenda",
}


def page_slug(slug: str, language: str) -> str:
    return DUTCH_SLUGS.get(slug, slug) if language == "nl" else slug


def block_id(*parts: str) -> str:
    """The same id for a block every time, in both languages."""
    return str(uuid.uuid5(BLOCK_IDS, ":".join(parts)))


def minutes_and_seconds(seconds: float) -> str:
    whole = max(1, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class MediaFiles:
    """The demo's documents and images, created once and found again by their content."""

    def __init__(self):
        self.files = demo_video_files()

    def document(self, slug: str):
        video = self.files[slug].video
        return stored_file(get_document_model(), video, title=video.name)

    def poster(self, slug: str, title: str):
        return stored_file(get_image_model(), self.files[slug].poster, title=title)

    def captions(self, slug: str) -> list[tuple[str, str]]:
        return [(language, path.read_text()) for language, path in self.files[slug].captions.items()]

    def duration(self, slug: str) -> str:
        return minutes_and_seconds(self.files[slug].duration)


def stored_file(model, path: Path, *, title: str):
    """The document or image holding the file at ``path``, made when there is none. Found by the
    file's hash, which the admin's upload also stores, not by its title: an editor may rename the
    demo's video or give another document the same title."""
    with path.open("rb") as handle:
        file_hash = hash_filelike(handle)
        existing = model.objects.filter(file_hash=file_hash).first()
        if existing:
            return existing
        return model.objects.create(title=title, file=File(handle, name=path.name), file_hash=file_hash)


def video_block(video: Video, language: str, media: MediaFiles, key: str) -> dict:
    captions = media.captions(video.slug)
    for _language, text in captions:
        webvtt.parse(text)  # a broken committed file fails the demo loudly, not the visitor's player
    return {
        "type": "video",
        "id": block_id(key, "video"),
        "value": {
            "title": video.title.in_language(language),
            "file": media.document(video.slug).pk,
            "external_url": "",
            "poster": media.poster(video.slug, video.title.nl).pk,
            "duration": media.duration(video.slug),
            "captions": [
                {"type": "item", "id": block_id(key, "captions", code), "value": {"language": code, "captions": text}}
                for code, text in captions
            ],
            "external_captions": False,
            "chapters": "",
            "transcript": " ".join(sentence.in_language(language) for sentence in video.sentences),
        },
    }


def question_block(question, language: str, key: str) -> dict:
    if isinstance(question, MultipleChoiceQuestion):
        answers = [
            {
                "type": "item",
                "id": block_id(key, "answer", str(number)),
                "value": {
                    "text": answer.text.in_language(language),
                    "correct": answer.correct,
                    "feedback": answer.feedback.in_language(language),
                },
            }
            for number, answer in enumerate(question.answers)
        ]
        value = {"question": question.question.in_language(language), "answers": answers}
        return {"type": "multiple_choice", "id": block_id(key), "value": value}
    value = {
        "statement": question.statement.in_language(language),
        "is_true": question.correct,
        "feedback_true": question.feedback_if_true.in_language(language),
        "feedback_false": question.feedback_if_false.in_language(language),
    }
    return {"type": "true_false", "id": block_id(key), "value": value}


def handout_block(language: str) -> dict:
    value = {
        "title": HANDOUT.title.in_language(language),
        "intro": HANDOUT.intro.in_language(language),
        "steps": [step.in_language(language) for step in HANDOUT.steps],
        "link": {"text": "kanker.nl", "page": None, "url": "https://www.kanker.nl/"},
    }
    return {"type": "handout", "id": block_id("handout", HANDOUT.slug), "value": value}


def lesson_body(lesson: Lesson, language: str, media: MediaFiles) -> str:
    key = f"lesson:{lesson.slug}"
    paragraphs = [
        {
            "type": "paragraph",
            "id": block_id(key, "paragraph", str(number)),
            "value": f"<p>{text.in_language(language)}</p>",
        }
        for number, text in enumerate(lesson.paragraphs)
    ]
    tip = {
        "type": "tip",
        "id": block_id(key, "tip"),
        "value": {
            "title": lesson.tip.title.in_language(language),
            "text": f"<p>{lesson.tip.text.in_language(language)}</p>",
        },
    }
    practice = {
        "type": "practice_task",
        "id": block_id(key, "practice"),
        "value": {
            field: getattr(lesson.practice, field).in_language(language)
            for field in ("task", "hint", "check_question", "check_answer")
        },
    }
    body = [
        paragraphs[0],
        video_block(lesson.video, language, media, key),
        *paragraphs[1:],
        tip,
        *(question_block(question, language, f"{key}:question:{n}") for n, question in enumerate(lesson.questions)),
        practice,
    ]
    if lesson.slug == HANDOUT_LESSON:
        body.append(handout_block(language))
    return json.dumps(body)


def course_fields(language: str) -> dict:
    goals = "".join(f"<li>{goal.in_language(language)}</li>" for goal in COURSE.goals)
    return {
        "title": COURSE.title.in_language(language),
        "slug": COURSE_SLUGS[language],
        "intro": COURSE.intro.in_language(language),
        "goals": f"<ul>{goals}</ul>",
        "audience": COURSE.audience.in_language(language),
        "duration_minutes": COURSE.minutes,
        "outcome": COURSE.certificate.in_language(language),
    }


def lesson_page(lesson: Lesson, language: str, media: MediaFiles) -> LessonPage:
    return LessonPage(
        title=lesson.title.in_language(language),
        slug=page_slug(lesson.slug, language),
        intro=lesson.intro.in_language(language),
        duration_minutes=lesson.minutes,
        body=lesson_body(lesson, language, media),
    )


def video_page(video: Video, language: str, media: MediaFiles, topic: VideoTopic) -> VideoPage:
    return VideoPage(
        title=video.title.in_language(language),
        slug=page_slug(video.slug, language),
        topic=topic,
        intro=video.sentences[0].in_language(language),
        video=json.dumps([video_block(video, language, media, f"video:{video.slug}")]),
    )


def ensure_child(parent: Page, page: Page, **lookup) -> tuple[Page, bool]:
    existing = type(page).objects.child_of(parent).filter(**lookup).first()
    if existing:
        return existing, False
    return create_child(parent, page), True


def load_elearning_demo() -> list[str]:
    """Create what is missing; returns the addresses of the pages it created."""
    nl, en = Locale.objects.get(language_code="nl"), Locale.objects.get(language_code="en")
    home_nl = HomePage.objects.get(depth=2, locale=nl)
    home_en = HomePage.objects.filter(depth=2, locale=en).first()
    media = MediaFiles()
    created = []

    def note(result):
        page, is_new = result
        if is_new:
            created.append(page.url_path)
        return page

    index = note(ensure_child(home_nl, CourseIndexPage(**INDEX["nl"], show_in_menus=True)))
    course = note(ensure_child(index, CoursePage(**course_fields("nl")), slug=COURSE_SLUGS["nl"]))
    lessons = [
        note(ensure_child(course, lesson_page(lesson, "nl", media), slug=page_slug(lesson.slug, "nl")))
        for lesson in COURSE.lessons
    ]
    library = note(ensure_child(home_nl, VideoIndexPage(**LIBRARY["nl"])))
    topic = VideoTopic.objects.get_or_create(name_nl=LIBRARY_TOPIC.nl, defaults={"name_en": LIBRARY_TOPIC.en})[0]
    videos = [
        note(ensure_child(library, video_page(video, "nl", media, topic), slug=page_slug(video.slug, "nl")))
        for video in INSTRUCTION_VIDEOS
    ]
    if home_en is None:
        return created

    index_en = note(ensure_translation(index, home_en, CourseIndexPage(**INDEX["en"], show_in_menus=True), en))
    course_en = note(ensure_translation(course, index_en, CoursePage(**course_fields("en")), en))
    for lesson, page in zip(COURSE.lessons, lessons, strict=True):
        note(ensure_translation(page, course_en, lesson_page(lesson, "en", media), en))
    library_en = note(ensure_translation(library, home_en, VideoIndexPage(**LIBRARY["en"]), en))
    for video, page in zip(INSTRUCTION_VIDEOS, videos, strict=True):
        note(ensure_translation(page, library_en, video_page(video, "en", media, topic), en))
    return created
