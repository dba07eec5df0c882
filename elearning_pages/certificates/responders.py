"""The certificate pages: ``<course>/certificaat/`` for the learner, ``<e-learning>/certificaat/`` and
``<e-learning>/certificaat/<code>/`` for anyone checking one.

The learner's page depends on their cookie, so every answer to a learner is ``private`` and the page
cache passes it by; a visitor without a cookie sees which lessons there are, the same for everyone.
The check of a code confirms name, course and date and nothing else, is never stored by a cache (a
renamed certificate must not show its old name) and is rate-limited per address, so codes cannot be
found by trying.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.formats import date_format

from elearning_pages.learning.identity import current_learner, learner_for_update
from elearning_pages.learning.progress import CourseState, course_state_of
from elearning_pages.models import Certificate, CourseIndexPage, CoursePage
from kankernl_site.qr import qr_svg, short_address
from kankernl_site.rate_limits import RateLimit, client_ip
from kankernl_site.registries import register_responder

from . import codes
from .forms import CertificateNameForm, VerifyForm
from .service import certificate_of, course_title, find_certificate, issue_certificate

TEMPLATES = "elearning_pages/certificates/"


def lookups_per_ip() -> RateLimit:
    # 30 an hour is plenty for someone checking the certificates of a group of volunteers, and
    # makes finding one of 850 billion codes by trying take longer than anyone lives.
    limit = getattr(settings, "ELEARNING_CERTIFICATE_LOOKUPS_PER_HOUR", 30)
    return RateLimit("certificate-lookup-ip", limit=limit, seconds=3600)


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True)
    return response


def _not_for_robots(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex"
    return response


def _sub_url(page, request, name: str, **kwargs) -> str:
    return page.get_url(request) + page.reverse_subpage(name, kwargs=kwargs or None)


def _verify_url(course: CoursePage, request, certificate: Certificate) -> str:
    """The absolute address of the public check of ``certificate``, in the course's language."""
    index = CourseIndexPage.objects.ancestor_of(course).first()
    path = _sub_url(index, request, "verify_certificate", code=codes.display(certificate.code))
    return request.build_absolute_uri(path)


def _still_open(course: CoursePage, request, state: CourseState, *, started: bool, http_status=200) -> HttpResponse:
    """What is left to do; for a visitor who has not started, simply the lessons (the same for all)."""
    lessons = [
        {
            "title": item.lesson.title,
            "url": item.lesson.get_url(request),
            "completed": item.marked_done,
            "unanswered": item.unanswered,
        }
        for item in state.open_lessons
    ]
    context = {"page": course, "lessons": lessons, "started": started}
    return TemplateResponse(request, f"{TEMPLATES}still_open.html", context, status=http_status)


def _name_form(course: CoursePage, request, form: CertificateNameForm) -> HttpResponse:
    return TemplateResponse(request, f"{TEMPLATES}name_form.html", {"page": course, "form": form})


def _certificate_page(
    course: CoursePage, request, certificate: Certificate, form: CertificateNameForm | None = None
) -> HttpResponse:
    verify_url = _verify_url(course, request, certificate)
    context = {
        "page": course,
        "certificate": certificate,
        "course_title": course.title,
        "issued_on": date_format(certificate.issued_on, "j F Y"),
        "code": codes.display(certificate.code),
        "verify_url": verify_url,
        "verify_short_url": short_address(verify_url),
        "qr": qr_svg(verify_url, css_class="qr certificate__qr"),
        "form": form or CertificateNameForm(initial={"name": certificate.name}),
    }
    return TemplateResponse(request, f"{TEMPLATES}certificate.html", context)


def certificate(page: CoursePage, request) -> HttpResponse:
    """``<course>/certificaat/``: the certificate, the form for the name on it, or what is still to do."""
    learner = current_learner(request)
    if request.method == "POST":
        response = _issue(page, request)
    elif (existing := certificate_of(learner, page)) is not None:
        response = _certificate_page(page, request, existing)
    elif (state := course_state_of(learner, page)).complete:
        response = _name_form(page, request, CertificateNameForm())
    else:
        response = _still_open(page, request, state, started=learner is not None)
    return _private(response) if learner is not None else response


def _issue(page: CoursePage, request) -> HttpResponse:
    # Checked again here, whatever the form said: a certificate only for a course really finished.
    learner = current_learner(request)
    state = course_state_of(learner, page)
    if not state.complete:
        return _still_open(page, request, state, started=learner is not None, http_status=403)
    form = CertificateNameForm(request.POST)
    if not form.is_valid():
        existing = certificate_of(learner, page)
        return _certificate_page(page, request, existing, form) if existing else _name_form(page, request, form)
    learner = learner_for_update(request)
    issue_certificate(learner, page, form.cleaned_data["name"], today=timezone.localdate())
    return HttpResponseRedirect(_sub_url(page, request, "certificate"), status=303)


def verify_form(page: CourseIndexPage, request) -> HttpResponse:
    """``<e-learning>/certificaat/``: type a code; ``?code=`` leads on to that code's page."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        return HttpResponseRedirect(
            _sub_url(page, request, "verify_certificate", code=codes.display(form.cleaned_data["code"]))
        )
    return _not_for_robots(TemplateResponse(request, f"{TEMPLATES}verify_form.html", {"page": page, "form": form}))


def verify_certificate(page: CourseIndexPage, request, code: str) -> HttpResponse:
    """``<e-learning>/certificaat/<code>/``: whether a certificate with this code exists, and whose."""
    if not lookups_per_ip().hit(client_ip(request)):
        response = TemplateResponse(request, f"{TEMPLATES}too_many.html", {"page": page}, status=429)
    elif (found := find_certificate(code)) is None:
        typed = codes.normalise(code)[: codes.LENGTH * 2]
        typed = codes.display(typed) if len(typed) == codes.LENGTH else typed
        context = {"page": page, "typed": typed, "form": VerifyForm(initial={"code": typed})}
        response = TemplateResponse(request, f"{TEMPLATES}verify_unknown.html", context, status=404)
    else:
        context = {
            "page": page,
            "name": found.name,
            "course_title": course_title(found),
            "issued_on": date_format(found.issued_on, "j F Y"),
            "code": codes.display(found.code),
        }
        response = TemplateResponse(request, f"{TEMPLATES}verify.html", context)
    add_never_cache_headers(response)
    return _not_for_robots(response)


def register() -> None:
    """Called once from ``ElearningPagesConfig.ready``."""
    register_responder(CoursePage, "certificate", certificate)
    register_responder(CourseIndexPage, "verify_form", verify_form)
    register_responder(CourseIndexPage, "verify_certificate", verify_certificate)
