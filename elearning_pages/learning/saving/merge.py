"""Bringing two learners together when one person signs in on a device that already had progress.

Of each course, lesson and question both learners have, the most advanced row is kept: a finished
lesson over a started one, a right answer over a wrong one (otherwise the later answer), with the
earliest start and the attempts of both. The merged learner's certificates move along; then it goes.
"""

from elearning_pages.models import Certificate, CourseProgress, Learner, LessonProgress, SelfCheckAnswer


def merge_learner(target: Learner, source: Learner) -> None:
    _merge_rows(CourseProgress, "course_key", target, source, _merge_course)
    _merge_rows(LessonProgress, "lesson_key", target, source, _merge_lesson)
    _merge_rows(SelfCheckAnswer, "question_key", target, source, _merge_answer)
    Certificate.objects.filter(learner=source).update(learner=target)
    source.delete()


def _merge_rows(model, key: str, target: Learner, source: Learner, merge) -> None:
    kept = {getattr(row, key): row for row in model.objects.filter(learner=target)}
    moved, changed = [], []
    for row in model.objects.filter(learner=source):
        mine = kept.get(getattr(row, key))
        if mine is None:
            moved.append(row.pk)
        else:
            changed.append(merge(mine, row))
    model.objects.filter(pk__in=moved).update(learner=target)
    fields = [field.name for field in model._meta.concrete_fields if field.name not in ("id", "learner", key)]
    model.objects.bulk_update(changed, fields)


def _earliest(*moments):
    present = [moment for moment in moments if moment is not None]
    return min(present) if present else None


def _merge_course(mine: CourseProgress, other: CourseProgress) -> CourseProgress:
    mine.started_at = min(mine.started_at, other.started_at)
    mine.completed_at = _earliest(mine.completed_at, other.completed_at)
    return mine


def _merge_lesson(mine: LessonProgress, other: LessonProgress) -> LessonProgress:
    mine.visited_at = min(mine.visited_at, other.visited_at)
    mine.updated_at = max(mine.updated_at, other.updated_at)
    mine.completed_at = _earliest(mine.completed_at, other.completed_at)
    return mine


def _merge_answer(mine: SelfCheckAnswer, other: SelfCheckAnswer) -> SelfCheckAnswer:
    attempts = mine.attempts + other.attempts
    if (other.correct, other.answered_at) > (mine.correct, mine.answered_at):
        mine.choice_key, mine.correct, mine.answered_at = other.choice_key, other.correct, other.answered_at
        mine.first_attempt_correct = other.first_attempt_correct
    mine.attempts = attempts
    return mine
