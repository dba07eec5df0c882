"""The security headers on every public page: a Content-Security-Policy without 'unsafe-inline' (and
pages that need none: no inline script, style element, style attribute or event handler), the
embeds' own framing policy, the admin left out, Permissions-Policy, Referrer-Policy and nosniff.
The browser sees the same policy in tests/browser/test_csp.py."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from agenda_pages.models import AgendaIndexPage, CentreIndexPage, CentrePage, EventOccurrence, EventPage
from elearning_pages.demo.loader import load_elearning_demo
from elearning_pages.models import CourseIndexPage, CoursePage, LessonPage, VideoIndexPage, VideoPage
from home.models import HomePage
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory, themes
from toolbox.demo.loader import load_toolbox_demo
from toolbox.models import ToolboxIndexPage, ToolboxItemPage, ToolboxTopicPage

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*application/ld\+json)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def add_public_content() -> None:
    """To the demo site: the toolbox and e-learning demos, and a centre with an upcoming event."""
    load_toolbox_demo()
    load_elearning_demo()
    home = HomePage.objects.get(locale__language_code="nl")
    index = CentreIndexPage.objects.child_of(home).first() or CentreIndexPageFactory(parent=home)
    centre = CentrePageFactory(parent=index, title="Inloophuis De Boei", slug="de-boei-csp", city="Utrecht")
    event = EventPageFactory(parent=centre, title="Wandelen in het park", description="<p>Samen wandelen.</p>")
    event.themes.add(*themes("Bewegen"))
    event.save_revision().publish()
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=2)
    EventOccurrence.objects.create(page=event, start=start, end=start + dt.timedelta(hours=2), status="scheduled")


@pytest.fixture
def public_site(demo_site):
    add_public_content()
    return demo_site


def first_url(model) -> str:
    return model.objects.live().filter(locale__language_code="nl").first().url


def public_paths() -> dict[str, str]:
    agenda, centre = first_url(AgendaIndexPage), first_url(CentrePage)
    toolbox, courses = first_url(ToolboxIndexPage), first_url(CourseIndexPage)
    return {
        "home": "/",
        "home-en": "/en/",
        "agenda": agenda,
        "agenda-filtered": f"{agenda}?theme=bewegen",
        "agenda-print": f"{agenda}print/",
        "event": first_url(EventPage),
        "centre": centre,
        "centre-programme": f"{centre}programma/",
        "centres": first_url(CentreIndexPage),
        "search": "/zoeken/?q=wandelen",
        "toolbox": toolbox,
        "toolbox-topic": first_url(ToolboxTopicPage),
        "toolbox-item": first_url(ToolboxItemPage),
        "toolbox-search": f"{toolbox}zoeken/?q=geld",
        "e-learning": courses,
        "course": first_url(CoursePage),
        "lesson": first_url(LessonPage),
        "videos": first_url(VideoIndexPage),
        "video": first_url(VideoPage),
        "certificate-check": f"{courses}certificaat/",
        "embed-generator": f"{agenda}embed/?generator=1",
        "alerts": "/meldingen/",
        "not-found": "/bestaat-niet/",
    }


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_every_public_page_has_a_strict_policy_and_nothing_inline_it_would_block(client, public_site):
    for name, path in public_paths().items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), name
        policy = directives(response["Content-Security-Policy"])
        html = response.content.decode()

        assert "'unsafe-inline'" not in response["Content-Security-Policy"], name
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], name
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], name
        assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'none'"], name
        assert policy["form-action"] == ["'self'"], name
        assert INLINE_SCRIPT.findall(html) == [], name
        assert STYLE_ATTRIBUTE.findall(html) == [] and "<style" not in html, name
        assert EVENT_HANDLER.findall(html) == [], name


def test_the_embeds_keep_their_own_framing_policy(client, public_site):
    agenda = first_url(AgendaIndexPage)
    video = VideoPage.objects.live().filter(locale__language_code="nl").first()
    embeds = [f"{agenda}embed/", f"{video.url}video/{video.video_blocks()[0].id}/embed/"]

    for path in embeds:
        response = client.get(path)
        assert response.status_code == 200
        # One policy, the embed's own: django-csp leaves a response that has one alone.
        assert len(response.headers.get("Content-Security-Policy").split("frame-ancestors")) == 2
        assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["*"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "X-Frame-Options" not in response
    # The video page loads the players only after a click, and only from their privacy hosts.
    policy = directives(client.get(video.url)["Content-Security-Policy"])
    assert policy["frame-src"] == ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["media-src"] == ["'self'"]


def test_the_admin_runs_without_the_policy_but_keeps_the_other_headers(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_permissions_referrer_and_nosniff_on_every_response(client, db):
    for path in ("/robots.txt", "/healthz", "/admin/login/"):
        response = client.get(path)
        permissions = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))

        assert permissions["geolocation"] == "()"  # the nearby search asks for a postcode
        assert {permissions[name] for name in ("camera", "microphone", "payment", "usb", "browsing-topics")} == {"()"}
        assert "fullscreen" not in permissions  # the video players may go full screen
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" not in response  # production's alone
