"""What an anonymous learner has done: started courses, finished lessons, self-check answers.

A learner has no account. Their identity is a random key in a signed cookie
(``elearning_pages.learning.identity``); the e-mail address is stored only once they confirm it, to
send them a sign-in link for another device. Pages are referred to by ``translation_key`` and blocks
by their id, so the Dutch and English versions of a lesson share one progress. Rows a learner has
not touched for the retention period go (``Learner.objects.stale``); certificates stay, as someone
may still check one, but lose their link to the learner.
"""

import uuid
from datetime import date, datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RETENTION = timedelta(days=365)


class LearnerQuerySet(models.QuerySet):
    def stale(self, now: datetime):
        """Learners whose progress nobody has touched for the retention period."""
        return self.filter(last_seen_at__lt=now - RETENTION)


class Learner(models.Model):
    key = models.UUIDField(_("key"), unique=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last active"), default=timezone.now, db_index=True)
    email = models.EmailField(_("e-mail address"), blank=True, db_index=True)

    objects = LearnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("learner")
        verbose_name_plural = _("learners")

    def __str__(self):
        return f"Learner {self.pk}"


class CourseProgress(models.Model):
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="courses")
    course_key = models.UUIDField(_("course"), db_index=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("course progress")
        verbose_name_plural = _("course progress")
        constraints = [models.UniqueConstraint(fields=["learner", "course_key"], name="one_progress_per_course")]

    def __str__(self):
        return f"{self.learner_id}: course {self.course_key}"


class LessonProgressQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)


class LessonProgress(models.Model):
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="lessons")
    course_key = models.UUIDField(_("course"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"), db_index=True)
    visited_at = models.DateTimeField(_("first visited at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    objects = LessonProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["learner", "lesson_key"], name="one_progress_per_lesson")]

    def __str__(self):
        return f"{self.learner_id}: lesson {self.lesson_key}"


class SelfCheckAnswer(models.Model):
    """A learner's answer to one self-check question; the first attempt is kept for the report."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="answers")
    lesson_key = models.UUIDField(_("lesson"), db_index=True)
    question_key = models.CharField(_("question"), max_length=64, db_index=True)
    choice_key = models.CharField(_("answer"), max_length=64)
    correct = models.BooleanField(_("right"))
    first_attempt_correct = models.BooleanField(_("right the first time"))
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("self-check answer")
        verbose_name_plural = _("self-check answers")
        constraints = [models.UniqueConstraint(fields=["learner", "question_key"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.learner_id}: {self.question_key}"


class Certificate(models.Model):
    """Proof of a finished course, checkable by anyone with its code; holds nothing but what it shows."""

    code = models.CharField(_("verification code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=100)
    course_key = models.UUIDField(_("course"), db_index=True)
    course_title = models.CharField(_("course title"), max_length=255)
    issued_on = models.DateField(_("issued on"))
    learner = models.ForeignKey(Learner, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates")

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.code


class VideoStat(models.Model):
    """Plays and completions of one video in one month: counts only, nobody's viewing history."""

    video_key = models.CharField(_("video"), max_length=80)  # "<page translation_key>:<block id>"
    month = models.DateField(_("month"))
    plays = models.PositiveIntegerField(_("plays"), default=0)
    completions = models.PositiveIntegerField(_("completions"), default=0)

    class Meta:
        verbose_name = _("video statistic")
        verbose_name_plural = _("video statistics")
        constraints = [models.UniqueConstraint(fields=["video_key", "month"], name="one_stat_per_video_month")]

    def __str__(self):
        return f"{self.video_key} {self.month:%Y-%m}"


def first_of_month(day: date) -> date:
    return day.replace(day=1)
