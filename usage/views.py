"""The public side of the counts: the counted redirect, the view beacon and "Was dit nuttig?".

None of them reads or sets a cookie. The two POST endpoints are exempt from CSRF on purpose: a
CSRF token needs a cookie, which would make every page with the form uncacheable and leave a cookie
with each visitor; there is no account or session to protect, and a forged answer or view is what
the rate limits and the robot check are there for.
"""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Page

from kankernl_site.language import interface_url
from kankernl_site.rate_limits import RateLimit, client_ip
from usage import recording
from usage.bots import request_is_robot
from usage.forms import UsefulnessForm
from usage.links import read_click

# Generous: a visitor reading many pages in an hour is welcome; a script posting views is not.
VIEWS_PER_IP = RateLimit("usage-views", limit=settings.USAGE_VIEWS_PER_IP_PER_HOUR, seconds=3600)
ANSWERS_PER_IP = RateLimit("usage-answers", limit=20, seconds=3600)
CLICKS_PER_IP = RateLimit("usage-clicks", limit=200, seconds=3600)  # a signed link can be replayed
FEEDBACK_PARAMETER = "nuttig"  # ?nuttig=bedankt after an answer, ?nuttig=te-vaak when refused


@require_safe
@never_cache
def click(request):
    """Count a followed link and send the visitor on to the page, always one of ours."""
    read = read_click(request.GET.get("to", ""))
    if read is None:
        raise Http404
    page_id, term = read
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    url = page.get_url(request)
    if url is None:
        raise Http404
    if not request_is_robot(request) and CLICKS_PER_IP.hit(client_ip(request)):
        recording.record_click(term, page.pk, timezone.localdate())
    # Without ``lang`` the default language: /r/ itself has no prefix to tell it.
    return HttpResponseRedirect(interface_url(url, request.GET.get("lang") or settings.LANGUAGE_CODE))


@csrf_exempt
@require_POST
def view_beacon(request):
    """Count one view of a page, sent by ``usage/count.js`` once the page has loaded."""
    try:
        page_id = int(request.POST.get("page", ""))
    except ValueError:
        return HttpResponseBadRequest()
    # Any id can be posted here: only a live page's views are counted.
    if (
        not request_is_robot(request)
        and VIEWS_PER_IP.hit(client_ip(request))
        and Page.objects.live().filter(pk=page_id).exists()
    ):
        recording.record_view(page_id, timezone.localdate())
    return HttpResponse(status=204)


@csrf_exempt
@require_POST
def answer_usefulness(request, page_id: int):
    """Keep a yes or no (with an optional comment) and send the visitor back to the page's thanks."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    url = page.get_url(request)
    if url is None:  # a page outside every site: nowhere to return to
        raise Http404
    form = UsefulnessForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    answer = form.cleaned_data
    outcome = "bedankt"
    if request_is_robot(request) or answer["website"]:
        pass  # thanked like anyone, counted not at all
    elif ANSWERS_PER_IP.hit(client_ip(request)):
        recording.record_answer(page.pk, answer["useful"] == "yes", answer["comment"], timezone.now())
    else:
        outcome = "te-vaak"
    return HttpResponseRedirect(f"{url}?{urlencode({FEEDBACK_PARAMETER: outcome})}#nuttig")
