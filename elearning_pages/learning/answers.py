"""Self-check answers, checked on the server against the question's own choices.

The form on the lesson page sends only which question (the block's id) and which choice (the
choice's key); whether that choice is right, and what the feedback says, is read from the lesson as
it is published now. A question of another lesson, or a choice the question does not have, is
refused, so nothing a browser sends can mark an answer right.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F

from elearning_pages.blocks import QUESTION_BLOCK_TYPES, Choice
from elearning_pages.blocks.questions import question_text
from elearning_pages.blocks.stored import stored_blocks
from elearning_pages.models import Learner, LessonPage, SelfCheckAnswer


@dataclass(frozen=True)
class Question:
    key: str  # the block's id
    text: str
    choices: list[Choice]

    def choice(self, key: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.key == key), None)


def questions_of(lesson: LessonPage) -> list[Question]:
    """The lesson's self-checks, in page order."""
    return [
        Question(
            key=block.id,
            text=question_text(block.value),
            choices=block.value.choices(),
        )
        for block in lesson.question_blocks()
    ]


def question_keys(lesson: LessonPage) -> list[str]:
    """The keys of ``questions_of(lesson)``, read from the stored block data: turning the body into
    blocks would load each video's document, a query per lesson where a course's lessons are counted."""
    return [key for key, _value in stored_blocks(lesson.body, QUESTION_BLOCK_TYPES)]


def find_question(lesson: LessonPage, question_key: str) -> Question | None:
    return next((question for question in questions_of(lesson) if question.key == question_key), None)


def record_answer(learner: Learner, lesson: LessonPage, question_key: str, choice: Choice, now: datetime) -> None:
    """Store the learner's answer. The first attempt decides ``first_attempt_correct`` for good; a
    later one replaces the answer and counts as one more attempt."""
    fields = {"lesson_key": lesson.translation_key, "choice_key": choice.key, "correct": choice.correct}
    rows = SelfCheckAnswer.objects.filter(learner=learner, question_key=question_key)
    if rows.update(attempts=F("attempts") + 1, answered_at=now, **fields):
        return
    try:
        with transaction.atomic():
            SelfCheckAnswer.objects.create(
                learner=learner,
                question_key=question_key,
                first_attempt_correct=choice.correct,
                answered_at=now,
                **fields,
            )
    except IntegrityError:  # the same question answered twice at once: the other one was first
        rows.update(attempts=F("attempts") + 1, answered_at=now, **fields)


def answers_for(learner: Learner | None, lesson: LessonPage) -> dict[str, SelfCheckAnswer]:
    """The learner's answers in this lesson, by question key (one query; none without a learner)."""
    if learner is None:
        return {}
    rows = SelfCheckAnswer.objects.filter(learner=learner, lesson_key=lesson.translation_key)
    return {row.question_key: row for row in rows}


def unanswered(questions: list[Question], answers: dict[str, SelfCheckAnswer]) -> list[Question]:
    return [question for question in questions if question.key not in answers]
