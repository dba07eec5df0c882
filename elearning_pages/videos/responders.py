"""The video routes of a lesson or video page (``VideoRoutes``): caption and chapter files, and the
play counter. The embed is in ``embed``.

The caption files are the WebVTT texts stored in the block, served as files at the page's own
address so the ``<track>`` elements need nothing from another origin. They are the same for every
visitor of a public page, so the page cache and browsers may keep them; those of a page behind a
view restriction are kept by the browser only.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.cache import patch_cache_control

from elearning_pages.models import VideoStat, first_of_month
from kankernl_site.rate_limits import RateLimit, client_ip

VTT_CONTENT_TYPE = "text/vtt; charset=utf-8"
VTT_MAX_AGE = 600  # a corrected caption reaches a visitor within ten minutes
# A training room of a centre shares one address, and a lesson has a few videos: generous.
EVENTS_PER_IP = RateLimit("video-events", limit=600, seconds=3600)
EVENT_FIELDS = {"play": "plays", "ended": "completions"}


def video_or_404(page, block_id: str):
    block = page.find_video(block_id)
    if block is None:
        raise Http404("No such video on this page.")
    return block


def _vtt_response(page, text: str) -> HttpResponse:
    response = HttpResponse(text, content_type=VTT_CONTENT_TYPE)
    if page.get_view_restrictions().exists():
        patch_cache_control(response, private=True, max_age=VTT_MAX_AGE)
    else:
        patch_cache_control(response, public=True, max_age=VTT_MAX_AGE)
    return response


def captions(page, request, *, block_id: str, language: str) -> HttpResponse:
    """``video/<id>/ondertiteling/<language>/``: the block's caption track in that language."""
    block = video_or_404(page, block_id)
    if block.value.provider():
        raise Http404("YouTube and Vimeo show their own captions.")
    track = next((track for track in block.value.get("captions") or [] if track["language"] == language), None)
    if track is None:
        raise Http404("No captions in this language.")
    return _vtt_response(page, track["captions"])


def chapters(page, request, *, block_id: str) -> HttpResponse:
    """``video/<id>/hoofdstukken/``: the chapters, where the block has them."""
    text = video_or_404(page, block_id).value.get("chapters") or ""
    if not text.strip():
        raise Http404("This video has no chapters.")
    return _vtt_response(page, text)


def video_key(page, block_id: str) -> str:
    """Shared by the Dutch and English page: both have the same translation key and block ids."""
    return f"{page.translation_key}:{block_id}"


def count_event(key: str, field: str) -> None:
    """Add one to this month's count (Amsterdam time). The increment happens in the database (F()),
    so two visitors at the same moment both count; the month's row is made by whoever comes first."""
    month = first_of_month(timezone.localdate())
    rows = VideoStat.objects.filter(video_key=key, month=month)
    if rows.update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            VideoStat.objects.create(video_key=key, month=month, **{field: 1})
    except IntegrityError:  # another request made the row in between
        rows.update(**{field: F(field) + 1})


def video_event(page, request, *, block_id: str) -> HttpResponse:
    """``video/<id>/teller/``: a player's beacon (``event=play`` or ``event=ended``).

    Sent by js/video.js with navigator.sendBeacon from pages the page cache serves without cookies,
    so there is no CSRF token to send: the route is exempt (``videos.urls``), which is harmless
    because all it does is count. It sets no cookie and answers 204 No Content.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    field = EVENT_FIELDS.get(request.POST.get("event", ""))
    if field is None:
        return HttpResponseBadRequest("event must be play or ended", content_type="text/plain")
    video_or_404(page, block_id)
    if not EVENTS_PER_IP.hit(client_ip(request)):
        return HttpResponse("Too many requests", status=429, content_type="text/plain")
    count_event(video_key(page, block_id), field)
    return HttpResponse(status=204)
