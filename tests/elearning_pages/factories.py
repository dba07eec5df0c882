"""Build courses the way an editor would: pages in the tree, StreamField bodies as raw block data."""

import uuid

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from elearning_pages.models import CourseIndexPage, CoursePage, LessonPage

CAPTIONS_NL = "WEBVTT\n\n00:00.000 --> 00:02.500\nWelkom bij deze les.\n\n00:02.500 --> 00:05.000\nWe beginnen.\n"
CAPTIONS_EN = "WEBVTT\n\n00:00.000 --> 00:02.500\nWelcome to this lesson.\n\n00:02.500 --> 00:05.000\nLet us begin.\n"


def video_file(name="les.webm") -> Document:
    # Not a playable video; the pages only link to it.
    return Document.objects.create(title=name, file=ContentFile(b"\x1aE\xdf\xa3 not really a video", name=name))


def video_block(document: Document | None = None, **overrides) -> dict:
    value = {
        "title": "Zo werkt het",
        "file": document.pk if document else None,
        "external_url": "",
        "poster": None,
        "duration": "0:05",
        "captions": [
            {"type": "item", "id": str(uuid.uuid4()), "value": {"language": "nl", "captions": CAPTIONS_NL}},
            {"type": "item", "id": str(uuid.uuid4()), "value": {"language": "en", "captions": CAPTIONS_EN}},
        ],
        "external_captions": False,
        "chapters": "",
        "transcript": "Welkom bij deze les. We beginnen.",
    }
    value.update(overrides)
    return {"type": "video", "id": str(uuid.uuid4()), "value": value}


def multiple_choice_block(question="Waar vindt u betrouwbare informatie?") -> dict:
    answers = [
        ("Op kanker.nl", True, "Goed: de teksten zijn gecontroleerd."),
        ("Op een forum", False, "Op een forum delen mensen ervaringen, geen gecontroleerde informatie."),
        ("In de krant", False, "Een krant schrijft over nieuws, niet over uw situatie."),
    ]
    return {
        "type": "multiple_choice",
        "id": str(uuid.uuid4()),
        "value": {
            "question": question,
            "answers": [
                {"type": "item", "id": str(uuid.uuid4()), "value": {"text": t, "correct": c, "feedback": f}}
                for t, c, f in answers
            ],
        },
    }


def true_false_block(statement="U heeft een verwijzing nodig voor een centrum.", is_true=False) -> dict:
    return {
        "type": "true_false",
        "id": str(uuid.uuid4()),
        "value": {
            "statement": statement,
            "is_true": is_true,
            "feedback_true": "Niet juist: iedereen mag zonder verwijzing binnenlopen.",
            "feedback_false": "Goed: iedereen mag zonder verwijzing binnenlopen.",
        },
    }


def paragraph_block(text="<p>In deze les leert u hoe het werkt.</p>") -> dict:
    return {"type": "paragraph", "id": str(uuid.uuid4()), "value": text}


def lesson_body(with_video=True) -> list[dict]:
    body = [paragraph_block()]
    if with_video:
        body.append(video_block(video_file()))
    body += [multiple_choice_block(), true_false_block()]
    return body


def make_course_index(parent, **fields) -> CourseIndexPage:
    page = CourseIndexPage(title="E-learning", slug="e-learning", intro="Leer in uw eigen tempo.", **fields)
    parent.add_child(instance=page)
    return page


def make_course(index: CourseIndexPage, lessons: int = 3, title="Kanker.nl gebruiken met uw gasten", **fields):
    course = CoursePage(
        title=title,
        slug=fields.pop("slug", "kanker-nl-gebruiken"),
        intro="Leer hoe u gasten helpt informatie te vinden.",
        goals="<ul><li>U weet wat het platform biedt.</li></ul>",
        audience="Vrijwilligers in een centrum.",
        duration_minutes=60,
        outcome="Een certificaat.",
        **fields,
    )
    index.add_child(instance=course)
    for number in range(1, lessons + 1):
        course.add_child(
            instance=LessonPage(
                title=f"Les {number}",
                slug=f"les-{number}",
                intro=f"Dit is les {number}.",
                duration_minutes=10,
                body=lesson_body(with_video=number == 1),
            )
        )
    return course
