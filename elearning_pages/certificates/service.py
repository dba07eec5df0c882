"""Issuing certificates and finding them again by code."""

from datetime import date

from django.db import IntegrityError, transaction
from wagtail.models import Locale

from elearning_pages.models import Certificate, CoursePage, Learner

from . import codes

# Two equal codes out of 850 billion are unlikely; a few tries make a clash of two at once impossible.
CODE_ATTEMPTS = 5


def certificate_of(learner: Learner | None, course: CoursePage) -> Certificate | None:
    if learner is None:
        return None
    return Certificate.objects.filter(learner=learner, course_key=course.translation_key).first()


def issue_certificate(learner: Learner, course: CoursePage, name: str, *, today: date) -> Certificate:
    """The learner's certificate for ``course`` with ``name`` on it: made on the first call, renamed
    on later ones. The code and the date stay, so a printed copy keeps checking out.

    Eligibility is the caller's to check (``learning.progress.course_state_of``). One certificate per
    learner per course: the learner's row is locked while we look, so two posts at once cannot make two.
    """
    with transaction.atomic():
        Learner.objects.select_for_update().filter(pk=learner.pk).first()
        certificate = certificate_of(learner, course)
        if certificate is not None:
            certificate.name = name
            certificate.course_title = course.title
            certificate.save(update_fields=["name", "course_title"])
            return certificate
        for _attempt in range(CODE_ATTEMPTS - 1):
            try:
                with transaction.atomic():
                    return _new_certificate(learner, course, name, today)
            except IntegrityError:
                continue  # the code was taken: draw another
        return _new_certificate(learner, course, name, today)  # a clash this often is an error to see


def _new_certificate(learner: Learner, course: CoursePage, name: str, today: date) -> Certificate:
    return Certificate.objects.create(
        code=codes.new_code(),
        name=name,
        course_key=course.translation_key,
        course_title=course.title,
        issued_on=today,
        learner=learner,
    )


def find_certificate(typed_code: str) -> Certificate | None:
    code = codes.normalise(typed_code)
    if not codes.is_well_formed(code):
        return None  # not worth a query
    return Certificate.objects.filter(code=code).first()


def course_title(certificate: Certificate) -> str:
    """The course's title in the current language; the title it had when issued if that page is gone."""
    title = (
        CoursePage.objects.live()
        .filter(translation_key=certificate.course_key, locale=Locale.get_active())
        .values_list("title", flat=True)
        .first()
    )
    return title or certificate.course_title
