"""The one video address that Django's CSRF check must let through: the play counter's beacon.

Wagtail serves the page's routes through its own view, which the CSRF middleware checks before the
page sees the request; the counter is posted from cached pages without a cookie or token (see
``responders.video_event``). This pattern sits before Wagtail's and hands the same path to the same
view, exempt: the page still routes it, and only ``video/<id>/teller/`` is matched.
"""

from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail import views as wagtail_views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*video/[\w\-]+/teller/)$", csrf_exempt(wagtail_views.serve), name="video_event_beacon"),
]
