"""The alerts' pages: ask, confirm, change, leave. Thin: each reads its input and calls one service.

None of these pages is stored by the page cache (they are not Wagtail pages) and all are marked
``never_cache``. The agenda and event pages that link here carry no form, so they stay cacheable.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from agenda_pages.models import AgendaIndexPage, EventPage
from alerts import tokens
from alerts.models import SELECTION_MAX_LENGTH, Follow
from alerts.selection import SelectionChoices, describe_selection, read_selection, selection_string
from alerts.sending.service import confirm, describe, is_public
from alerts.subscribing import requests
from alerts.subscribing.forms import FollowForm, ManageFollowForm, ManageSubscriptionForm, SubscribeForm
from kankernl_site.language import interface_url
from kankernl_site.rate_limits import client_ip

TEMPLATES = "alerts/"


def _agenda_url(query: str = "") -> str:
    agenda = AgendaIndexPage.for_active_language()
    url = agenda.url if agenda else "/"
    return f"{url}?{query}" if query else url


def _too_many(request) -> HttpResponse:
    return render(request, f"{TEMPLATES}too_many.html", status=429)


def _mail_failed(request) -> HttpResponse:
    return render(request, f"{TEMPLATES}mail_failed.html", {"agenda_url": _agenda_url()}, status=503)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """ "Houd mij op de hoogte" for the agenda selection in the query string."""
    now = timezone.now()
    choices = SelectionChoices.load()
    filters = read_selection(request.GET, today=timezone.localdate(now), choices=choices)
    selection = selection_string(filters)
    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        if not requests.requests_per_ip().hit(client_ip(request)):
            return _too_many(request)
        if len(selection) > SELECTION_MAX_LENGTH:
            form.add_error(
                None, _("Your choice is too long for an e-mail. Choose fewer centres or themes in the agenda.")
            )
        if form.is_valid():
            if not form.is_robot:
                data = form.cleaned_data
                try:
                    requests.ask_for_subscription(
                        data["email"], selection, frequency=data["frequency"], language=data["language"], now=now
                    )
                except requests.MailNotSent:
                    return _mail_failed(request)
            return redirect("alerts:sent")
    context = {
        "form": form,
        "description": describe_selection(filters, choices),
        "is_filtered": filters.is_filtered,
        "selection": selection,
        "agenda_url": _agenda_url(selection),
    }
    return render(request, f"{TEMPLATES}subscribe.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request, page_id: int):
    """ "Mail mij als deze activiteit verandert of vervalt" for one public event page."""
    page = get_object_or_404(EventPage.objects.live(), pk=page_id)
    if not is_public(page):
        raise Http404
    form = FollowForm(request.POST or None)
    if request.method == "POST":
        if not requests.requests_per_ip().hit(client_ip(request)):
            return _too_many(request)
        if form.is_valid():
            if not form.is_robot:
                data = form.cleaned_data
                try:
                    requests.ask_to_follow(data["email"], page, language=data["language"], now=timezone.now())
                except requests.MailNotSent:
                    return _mail_failed(request)
            return redirect("alerts:sent")
    context = {"form": form, "event": page, "event_url": interface_url(page.url)}
    return render(request, f"{TEMPLATES}follow.html", context)


@never_cache
def sent(request):
    return render(request, f"{TEMPLATES}sent.html", {"agenda_url": _agenda_url()})


def _alert_or_answer(request, token: str, purpose: str):
    """The alert a link names, or the page that says why the link does not work."""
    try:
        alert = tokens.read_token(token, purpose)
    except tokens.Expired:
        return None, render(request, f"{TEMPLATES}link_expired.html", {"agenda_url": _agenda_url()}, status=410)
    if alert is None:
        return None, render(request, f"{TEMPLATES}link_unknown.html", {"agenda_url": _agenda_url()}, status=404)
    return alert, None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_alert(request, token: str):
    """GET shows a button, POST confirms: a mail scanner that opens the link confirms nothing."""
    alert, answer = _alert_or_answer(request, token, tokens.CONFIRM)
    if answer:
        return answer
    now = timezone.now()
    context = {"alert": alert, "is_follow": isinstance(alert, Follow), "description": describe(alert, now)}
    if request.method == "POST":
        confirm(alert, now)
        context["manage_url"] = reverse("alerts:manage", kwargs={"token": tokens.make_token(alert, tokens.MANAGE)})
        return render(request, f"{TEMPLATES}confirmed.html", context)
    context["already"] = alert.confirmed_at is not None
    return render(request, f"{TEMPLATES}confirm.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token: str):
    """Change how often and in which language, or delete the alert."""
    alert, answer = _alert_or_answer(request, token, tokens.MANAGE)
    if answer:
        return answer
    form_class = ManageFollowForm if isinstance(alert, Follow) else ManageSubscriptionForm
    form = form_class(request.POST or None, instance=alert)
    saved = False
    if request.method == "POST":
        if "delete" in request.POST:
            alert.delete()
            return render(request, f"{TEMPLATES}unsubscribed.html", {"agenda_url": _agenda_url()})
        if form.is_valid():
            form.save()
            saved = True
    context = {
        "form": form,
        "alert": alert,
        "is_follow": isinstance(alert, Follow),
        "description": describe(alert, timezone.now()),
        "saved": saved,
        "agenda_url": _agenda_url(),
    }
    return render(request, f"{TEMPLATES}manage.html", context)


@csrf_exempt  # RFC 8058: a mail program POSTs "List-Unsubscribe=One-Click" with no token or cookie
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """GET asks (mail scanners open links); POST deletes, from the page's button or a mail program."""
    try:
        alert = tokens.read_token(token, tokens.UNSUBSCRIBE)
    except tokens.Expired:  # unsubscribe links do not expire; kept for a token of another kind
        alert = None
    if request.method == "POST":
        if alert is not None:
            alert.delete()
        # Also when the alert is already gone: unsubscribing twice is no error.
        return render(request, f"{TEMPLATES}unsubscribed.html", {"agenda_url": _agenda_url()})
    if alert is None:
        return render(request, f"{TEMPLATES}link_unknown.html", {"agenda_url": _agenda_url()}, status=404)
    context = {"alert": alert, "is_follow": isinstance(alert, Follow), "description": describe(alert, timezone.now())}
    return render(request, f"{TEMPLATES}unsubscribe.html", context)
