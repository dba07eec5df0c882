"""The overview's routes for saving progress: ask for a link, ask again elsewhere, sign in.

Thin: each reads its input and calls one service. None of these answers may be stored by a cache
(a sign-in page is one person's), so all carry ``never_cache`` headers.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from elearning_pages import tasks
from elearning_pages.models import CourseIndexPage
from kankernl_site.rate_limits import client_ip
from kankernl_site.registries import register_responder

from ..conf import sign_in_link_age
from ..identity import current_learner, remember
from ..presenters import WELCOME_FLAG
from ..responders import SeeOther
from . import service, tokens
from .forms import EmailForm

TEMPLATES = "elearning_pages/learning/saving/"
SENT_FLAG = "verstuurd"


def _render(request, index: CourseIndexPage, template: str, context: dict, status: int = 200) -> HttpResponse:
    hours = int(sign_in_link_age().total_seconds() // 3600)
    context = {"index": index, "index_url": index.get_url(request), "hours": hours, **context}
    response = TemplateResponse(request, f"{TEMPLATES}{template}", context, status=status)
    add_never_cache_headers(response)
    return response


def _notice(request, index, heading, text, status: int) -> HttpResponse:
    return _render(request, index, "notice.html", {"heading": heading, "text": text}, status=status)


def _too_many(request, index) -> HttpResponse:
    text = _("We received many requests from your connection. Please try again in an hour.")
    return _notice(request, index, _("Please wait a moment"), text, 429)


def _mail_failed(request, index) -> HttpResponse:
    text = _("We could not send the e-mail just now. Please try again later.")
    return _notice(request, index, _("Something went wrong"), text, 503)


def save_progress(index: CourseIndexPage, request: HttpRequest) -> HttpResponse:
    """ "Bewaar mijn voortgang": the address to send a sign-in link to."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method != "POST" and SENT_FLAG in request.GET:
        return _render(request, index, "sent.html", {"is_save": True})
    learner = current_learner(request)
    form = EmailForm(request.POST or None)
    if request.method == "POST" and learner is not None:
        if not service.requests_per_ip().hit(client_ip(request)):
            return _too_many(request, index)
        if form.is_valid():
            if not form.is_robot:
                try:
                    service.ask_to_save(index, learner, form.cleaned_data["email"])
                except service.MailNotSent:
                    return _mail_failed(request, index)
            return SeeOther(f"{request.path}?{SENT_FLAG}=1")
    context = {"form": form, "learner": learner, "saved_email": learner.email if learner else ""}
    return _render(request, index, "save_progress.html", context)


def continue_elsewhere(index: CourseIndexPage, request: HttpRequest) -> HttpResponse:
    """ "Ga verder op een ander apparaat": the same answer whether the address is known or not."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method != "POST" and SENT_FLAG in request.GET:
        return _render(request, index, "sent.html", {"is_save": False})
    form = EmailForm(request.POST or None)
    if request.method == "POST":
        if not service.requests_per_ip().hit(client_ip(request)):
            return _too_many(request, index)
        if form.is_valid():
            if not form.is_robot:
                learner = service.continue_mail_due(form.cleaned_data["email"])
                if learner is not None:
                    tasks.send_continue_mail.enqueue(index.pk, learner.pk)
            return SeeOther(f"{request.path}?{SENT_FLAG}=1")
    return _render(request, index, "continue_elsewhere.html", {"form": form})


def sign_in(index: CourseIndexPage, request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST signs in: a mail scanner that opens the link changes nothing."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    try:
        found = tokens.read_token(token)
    except tokens.Expired:
        text = _("This link is too old. Ask for a new link; it comes by e-mail right away.")
        return _render(
            request, index, "link_problem.html", {"heading": _("This link no longer works"), "text": text}, 410
        )
    unknown = {"heading": _("This link does not work"), "text": _("Check that you copied the whole link.")}
    if found is None:
        return _render(request, index, "link_problem.html", unknown, 404)
    learner_key, email = found
    device_learner = current_learner(request)
    if request.method == "POST":
        learner = service.sign_in(learner_key, email, device_learner, timezone.now())
        if learner is None:
            return _render(request, index, "link_problem.html", unknown, 404)
        return remember(SeeOther(f"{index.get_url(request)}?{WELCOME_FLAG}=1"), learner)
    context = {"email": email, "merges": device_learner is not None and device_learner.key != learner_key}
    return _render(request, index, "sign_in.html", context)


def register() -> None:
    register_responder(CourseIndexPage, "save_progress", save_progress)
    register_responder(CourseIndexPage, "continue_elsewhere", continue_elsewhere)
    register_responder(CourseIndexPage, "sign_in", sign_in)
