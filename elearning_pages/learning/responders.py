"""The lesson's forms: "Controleer mijn antwoord" and "Ik heb deze les afgerond".

Both are plain form posts answered with a redirect (303 See Other), so a lesson works without
JavaScript and a reload never posts twice. A learner is created here, on the first thing they do,
and the cookie that names them is set on that redirect.
"""

from itertools import pairwise

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from elearning_pages.models import LessonPage
from kankernl_site.registries import register_responder

from . import answers, progress
from .identity import current_learner, learner_for_update, remember
from .presenters import CHOOSE_FLAG, UNANSWERED_FLAG


class SeeOther(HttpResponseRedirect):
    status_code = 303


def question_anchor(question_key: str) -> str:
    return f"vraag-{question_key}"


def answer(lesson: LessonPage, request: HttpRequest) -> HttpResponse:
    """Check a self-check answer on the server, store it and go back to the question."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    lesson_url = lesson.get_url(request)
    question = answers.find_question(lesson, request.POST.get("question", ""))
    if question is None:
        return _refused(lesson, request)
    anchor = question_anchor(question.key)
    choice_key = request.POST.get("choice", "")
    if not choice_key:  # the button without a choice: ask for one at the question itself
        return SeeOther(f"{lesson_url}?{CHOOSE_FLAG}={question.key}#{anchor}")
    choice = question.choice(choice_key)
    if choice is None:
        return _refused(lesson, request)
    now = timezone.now()
    course = lesson.course()
    with transaction.atomic():
        learner = learner_for_update(request)
        answers.record_answer(learner, lesson, question.key, choice, now)
        progress.note_activity(learner, course, lesson, now)
        progress.note_course_completion(learner, course, now)
    return remember(SeeOther(f"{lesson_url}#{anchor}"), learner)


def complete(lesson: LessonPage, request: HttpRequest) -> HttpResponse:
    """Mark the lesson done when every self-check is answered, then on to the next lesson."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    lesson_url = lesson.get_url(request)
    if answers.unanswered(answers.questions_of(lesson), answers.answers_for(current_learner(request), lesson)):
        return SeeOther(f"{lesson_url}?{UNANSWERED_FLAG}=1#afronden")
    now = timezone.now()
    course = lesson.course()
    with transaction.atomic():
        learner = learner_for_update(request)
        state = progress.complete_lesson(learner, course, lesson, now)
    following = [later.lesson for earlier, later in pairwise(state.lessons) if earlier.lesson.pk == lesson.pk]
    target = following[0].get_url(request) if following else course.get_url(request)
    return remember(SeeOther(target), learner)


def _refused(lesson: LessonPage, request: HttpRequest) -> HttpResponse:
    # An old form (the question was removed or changed since the page was loaded) or a forged one.
    response = TemplateResponse(
        request,
        "elearning_pages/learning/answer_refused.html",
        {"lesson": lesson, "lesson_url": lesson.get_url(request)},
        status=400,
    )
    add_never_cache_headers(response)
    return response


def register() -> None:
    register_responder(LessonPage, "answer", answer)
    register_responder(LessonPage, "complete", complete)
