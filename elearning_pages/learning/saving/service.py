"""Saving progress and signing in elsewhere, without an account.

"Bewaar mijn voortgang" mails a link naming the learner and the address; only opening that link and
pressing its button stores the address, so nobody can tie someone else's address to their progress
unseen. "Ga verder op een ander apparaat" mails the same kind of link when a learner has that
address, and shows the same answer when none has: the page never tells whether an address is known.
That mail goes out from the worker (``elearning_pages.tasks.send_continue_mail``): sent in the
request, it would make the answer slower for a known address, and an error page only for a known
address while the mail server is down.
One address belongs to one learner: confirming it on a second learner brings the first one's
progress along, as does signing in on a device that already had a learner of its own.
"""

import logging
from datetime import datetime

from django.db import transaction
from django.utils import translation

from elearning_pages.models import CourseIndexPage, Learner
from kankernl_site.rate_limits import RateLimit

from ..conf import mails_per_address_per_day, requests_per_ip_per_hour
from . import mails, tokens
from .merge import merge_learner

logger = logging.getLogger(__name__)


def requests_per_ip() -> RateLimit:
    return RateLimit("elearning-save-ip", limit=requests_per_ip_per_hour(), seconds=3600)


def mails_per_address() -> RateLimit:
    return RateLimit("elearning-save-address", limit=mails_per_address_per_day(), seconds=24 * 3600)


class MailNotSent(Exception):
    """The mail server refused the mail or could not be reached."""


def ask_to_save(index: CourseIndexPage, learner: Learner, email: str) -> None:
    # Past the limit the visitor sees the same page, and the address gets no more mail today.
    if not mails_per_address().hit(email):
        return
    try:
        _mail_sign_in_link(index, learner, email, mails.SAVE)
    except Exception as error:  # any address fails alike, so saying so tells nothing about it
        logger.exception("The sign-in mail for learner %s could not be sent.", learner.pk)
        raise MailNotSent() from error


def continue_mail_due(email: str) -> Learner | None:
    """The learner to send "continue elsewhere" to, if one has ``email`` and it is within the limit."""
    learner = Learner.objects.filter(email=email).order_by("-last_seen_at").first()
    if learner is None or not mails_per_address().hit(email):
        return None
    return learner


def send_continue_mail(index_id: int, learner_id: int) -> bool:
    """Mail the learner a sign-in link to the course overview, in the overview's language. False when
    either is gone by now (deleted, or merged into another learner) or the address was taken off."""
    index = CourseIndexPage.objects.filter(pk=index_id).select_related("locale").first()
    learner = Learner.objects.filter(pk=learner_id).exclude(email="").first()
    if index is None or learner is None:
        return False
    with translation.override(index.locale.language_code):
        _mail_sign_in_link(index, learner, learner.email, mails.CONTINUE)
    return True


def _mail_sign_in_link(index: CourseIndexPage, learner: Learner, email: str, purpose: str) -> None:
    link = mails.sign_in_url(index, tokens.make_token(learner.key, email))
    mails.sign_in_mail(email, link, purpose=purpose).send()


def sign_in(learner_key, email: str, device_learner: Learner | None, now: datetime) -> Learner | None:
    """Make the link's learner this device's learner and keep ``email`` as theirs; None when the
    learner is gone (deleted after a year, or merged into another since the link was sent)."""
    with transaction.atomic():
        target = Learner.objects.select_for_update().filter(key=learner_key).first()
        if target is None:
            return None
        others = list(Learner.objects.filter(email=email).exclude(pk=target.pk))
        if device_learner is not None and device_learner.pk != target.pk:
            others.append(device_learner)
        for other in {learner.pk: learner for learner in others}.values():
            merge_learner(target, other)
        target.email, target.last_seen_at = email, now
        target.save(update_fields=["email", "last_seen_at"])
    return target
