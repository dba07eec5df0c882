"""Counting document downloads from Wagtail's ``document_served`` signal."""

from django.utils import timezone
from wagtail.documents.models import document_served

from kankernl_site.rate_limits import RateLimit, client_ip
from usage.bots import request_is_robot
from usage.recording import record_download

# Like views and answers: a script fetching one file over and over is not that many readers.
DOWNLOADS_PER_IP = RateLimit("usage-downloads", limit=100, seconds=3600)


def count_download(sender, instance, request, **kwargs) -> None:
    # A PDF reader fetching the rest of a file in ranges is one download, counted at its first part.
    ranged = request.META.get("HTTP_RANGE", "")
    if request_is_robot(request) or (ranged and not ranged.replace(" ", "").startswith("bytes=0-")):
        return
    if DOWNLOADS_PER_IP.hit(client_ip(request)):
        record_download(instance.pk, timezone.localdate())


def connect() -> None:
    document_served.connect(count_download, dispatch_uid="usage_count_download")
