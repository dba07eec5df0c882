"""The one video address that Django's CSRF check must let through: the play counter's beacon.

Wagtail serves the page's routes through its own view, which the CSRF middleware checks before the
page sees the request; the counter is posted from cached pages without a cookie or token (see
``responders.video_event``). This pattern sits before Wagtail's and hands the same path to the same
view. The pattern alone cannot tell the counter from a page whose slugs happen to read
``video/<x>/teller/`` (a form there would lose its protection), so the check is skipped only when
Wagtail routes the path to a video page's counter; Django's docs call this ``csrf_exempt`` with
``csrf_protect`` inside. The route is kept on the request, so Wagtail does not route it twice.
"""

from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from wagtail import views as wagtail_views
from wagtail.models import Page

from elearning_pages.models import VideoRoutes

serve_protected = csrf_protect(wagtail_views.serve)


def routes_to_counter(request, path: str) -> bool:
    route = Page.route_for_request(request, path)
    match = getattr(request, "routable_resolver_match", None)
    return route is not None and isinstance(route[0], VideoRoutes) and match and match.url_name == "video_event"


@csrf_exempt
def serve_counter(request, path: str):
    if routes_to_counter(request, path):
        return wagtail_views.serve(request, path)
    return serve_protected(request, path)


urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*video/[\w\-]+/teller/)$", serve_counter, name="video_event_beacon"),
]
