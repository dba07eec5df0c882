"""What the course overview, a course and a lesson show, for everyone and for the learner at hand.

What belongs to one learner (their answers, which lessons are done, where to go on) is only shown
when the browser has a valid learner cookie; ``serving.private_for_learners`` then marks the
response private. A visitor without one gets the same page as everyone, which the page cache serves.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from elearning_pages.models import CourseIndexPage, CoursePage, LessonPage, SelfCheckAnswer, VideoIndexPage
from kankernl_site.registries import register_presenter

from . import answers, progress
from .identity import current_learner

# Query flags the lesson's forms redirect back with (the page works without sessions or JavaScript).
UNANSWERED_FLAG = "nog-open"  # "Ik heb deze les afgerond" with questions still open
CHOOSE_FLAG = "kies"  # "Controleer mijn antwoord" without a choice: the question's block id
WELCOME_FLAG = "welkom"  # signed in with a link from the mail


@dataclass(frozen=True)
class SelfCheckState:
    """What a self-check shows: the learner's answer and its feedback, or a request to choose first."""

    chosen: str = ""  # the key of the chosen choice, "" when not answered
    correct: bool = False
    chosen_text: str = ""
    feedback: str = ""
    attempts: int = 0
    choose_first: bool = False

    @property
    def answered(self) -> bool:
        return bool(self.chosen)


def self_check_states(
    questions: list[answers.Question], stored: dict[str, SelfCheckAnswer], choose_first: str = ""
) -> dict[str, SelfCheckState]:
    """By block id. Right or wrong is read from the choices as published now, so a corrected question
    shows the corrected feedback; an answer whose choice an editor removed counts as not given."""
    states = {}
    for question in questions:
        row = stored.get(question.key)
        choice = question.choice(row.choice_key) if row else None
        if choice is not None:
            states[question.key] = SelfCheckState(
                chosen=choice.key,
                correct=choice.correct,
                chosen_text=choice.text,
                feedback=choice.feedback,
                attempts=row.attempts,
            )
        elif question.key == choose_first:
            states[question.key] = SelfCheckState(choose_first=True)
    return states


def course_index_context(page: CourseIndexPage, request: HttpRequest, context: dict) -> dict:
    learner = current_learner(request)
    context.update(
        learner=learner,
        courses=progress.courses_of(page, learner),
        welcome=learner is not None and WELCOME_FLAG in request.GET,
        video_library=VideoIndexPage.objects.live().public().filter(locale_id=page.locale_id).first(),
    )
    return context


def course_context(page: CoursePage, request: HttpRequest, context: dict) -> dict:
    """The same number of queries however many lessons: the learner, their rows and answers, the
    lessons, the overview."""
    learner = current_learner(request)
    state = progress.course_state_of(learner, page)
    context.update(
        learner=learner,
        state=state,
        index=CourseIndexPage.objects.parent_of(page).first(),
        certificate_url=page.get_url(request) + page.reverse_subpage("certificate") if state.complete else "",
    )
    return context


def lesson_context(page: LessonPage, request: HttpRequest, context: dict) -> dict:
    learner = current_learner(request)
    course = page.course()
    learned = progress.progress_of(learner)
    lessons = progress.lessons_for_state(course.lessons(), learned)
    state = progress.course_state(course, lessons, learned)
    position = next(
        (index for index, lesson in enumerate(lessons) if lesson.pk == page.pk), None
    )  # None for a preview of a draft lesson
    stored = learned.answers_in(page)
    questions = answers.questions_of(page)
    context.update(
        learner=learner,
        course=course,
        course_state=state,
        lesson_state=state.lessons[position] if position is not None else None,
        previous_lesson=lessons[position - 1] if position else None,
        next_lesson=lessons[position + 1] if position is not None and position + 1 < len(lessons) else None,
        self_checks=self_check_states(questions, stored, request.GET.get(CHOOSE_FLAG, "")),
        questions=questions,
        unanswered=answers.unanswered(questions, stored) if UNANSWERED_FLAG in request.GET else [],
    )
    return context


def register() -> None:
    register_presenter(CourseIndexPage, course_index_context)
    register_presenter(CoursePage, course_context)
    register_presenter(LessonPage, lesson_context)
