"""Who is learning: an anonymous learner named by a random key in a signed, first-party cookie.

The cookie holds only the key, signed with the site's secret (``set_signed_cookie``), HttpOnly so no
script can read it, and lives for the retention period so progress survives closing the browser.
A cookie that is tampered with, signed for another site, or names a learner that no longer exists
counts as no cookie at all: the visitor simply starts as a new learner, never sees an error.

Nothing here runs on a plain page view: a learner is created on the first thing they do (an answer,
a finished lesson), so a visitor who only reads gets no cookie and the page cache can serve them.
"""

import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from elearning_pages.models import RETENTION, Learner

COOKIE = "leerling"
SALT = "elearning_pages.learner"


def learner_key(request: HttpRequest) -> uuid.UUID | None:
    """The key in the learner cookie, or None when there is none or it does not check out."""
    value = request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=RETENTION)
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def current_learner(request: HttpRequest) -> Learner | None:
    """The learner this browser belongs to, or None for a visitor who has done nothing yet."""
    if not hasattr(request, "_learner"):
        key = learner_key(request)
        request._learner = Learner.objects.filter(key=key).first() if key else None
    return request._learner


def learner_for_update(request: HttpRequest) -> Learner:
    """The current learner, marked as active now, or a new one when the browser has none."""
    learner = current_learner(request)
    now = timezone.now()
    if learner is None:
        learner = Learner.objects.create(created_at=now, last_seen_at=now)
    else:
        Learner.objects.filter(pk=learner.pk).update(last_seen_at=now)
        learner.last_seen_at = now
    request._learner = learner
    return learner


def remember(response: HttpResponse, learner: Learner) -> HttpResponse:
    """Give (or renew) the browser the learner cookie."""
    response.set_signed_cookie(
        COOKIE,
        str(learner.key),
        salt=SALT,
        max_age=int(RETENTION.total_seconds()),
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
    return response


def looked_up_learner(request: HttpRequest) -> Learner | None:
    """The learner this request was found to belong to, without a query: None when nobody asked."""
    return getattr(request, "_learner", None)
