"""The pages a report names, found by the keys the progress rows hold.

Progress rows refer to pages by ``translation_key`` (shared by the Dutch and English versions), so a
report looks the keys up in the default language, all at once: one query per page type, however many
rows the report has. A page taken offline is still found and named as such; a deleted one is not.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant

from elearning_pages.models import CoursePage, LessonPage


def _in_default_language(model, keys):
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return model.objects.filter(translation_key__in=set(keys), locale__language_code=language)


def pages_by_key(model, keys) -> dict:
    """``{translation_key: page}`` for the Dutch pages of ``model`` with these keys (one query)."""
    return {page.translation_key: page for page in _in_default_language(model, keys)}


def courses_of(lessons) -> dict:
    """``{lesson path: course}`` for these lessons (one query): a course is its lessons' parent."""
    parent_paths = {lesson.path[: -CoursePage.steplen] for lesson in lessons}
    courses = {course.path: course for course in CoursePage.objects.filter(path__in=parent_paths)}
    return {lesson.path: courses.get(lesson.path[: -CoursePage.steplen]) for lesson in lessons}


@dataclass(frozen=True)
class PageName:
    """How a report names a page: its title, marked when the page is not online."""

    title: str
    edit_url: str = ""

    def __str__(self):
        return self.title


def name_of(page) -> PageName:
    if page is None:
        return PageName(_("(deleted)"))
    title = page.title if page.live else _("%(title)s (offline)") % {"title": page.title}
    return PageName(title, reverse("wagtailadmin_pages:edit", args=(page.pk,)))


def live_courses_with_lessons() -> list[tuple[CoursePage, list[LessonPage]]]:
    """Every live Dutch course with its live lessons in course order (two queries)."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    courses = CoursePage.objects.live().filter(locale__language_code=language).order_by("path")
    lessons_of = {course.path: (course, []) for course in courses}
    for lesson in LessonPage.objects.live().filter(locale__language_code=language).order_by("path"):
        if parent := lessons_of.get(lesson.path[: -CoursePage.steplen]):
            parent[1].append(lesson)
    return list(lessons_of.values())
