"""Asking for an alert: the same answer for every address, and mail only within the limits.

Whether an address is new, already subscribed, unconfirmed or unsubscribed, the visitor sees the
same page ("check your mailbox") and the same response; only the owner of the address learns more,
from the mail. A confirmed alert is not changed by someone who merely knows the address: they get
the confirmation mail again, whose link says the alert is already on.
"""

import logging
from datetime import datetime

from django.db import IntegrityError, transaction

from agenda_pages.models import EventPage
from alerts import conf
from alerts.models import Follow, Subscription
from alerts.sending.service import send_confirmation
from kankernl_site.rate_limits import RateLimit

logger = logging.getLogger(__name__)


def mails_per_address() -> RateLimit:
    return RateLimit("alerts-address", limit=conf.mails_per_address_per_day(), seconds=24 * 3600)


def requests_per_ip() -> RateLimit:
    return RateLimit("alerts-ip", limit=conf.requests_per_ip_per_hour(), seconds=3600)


def ask_for_subscription(email: str, selection: str, *, frequency: str, language: str, now: datetime) -> None:
    alert = _get_or_create(
        Subscription, {"email": email, "selection": selection}, frequency=frequency, language=language, created_at=now
    )
    _send_within_limit(alert, now)


def ask_to_follow(email: str, page: EventPage, *, language: str, now: datetime) -> None:
    alert = _get_or_create(Follow, {"email": email, "page": page}, language=language, created_at=now)
    _send_within_limit(alert, now)


def _get_or_create(model, lookup: dict, **defaults):
    try:
        with transaction.atomic():
            return model.objects.get_or_create(**lookup, defaults=defaults)[0]
    except IntegrityError:  # the same request twice at once: the other one made it
        return model.objects.get(**lookup)


class MailNotSent(Exception):
    """The mail server refused the confirmation mail or could not be reached."""


def _send_within_limit(alert, now: datetime) -> None:
    # Past the limit the visitor sees the same page, and the address gets no more mail today.
    if mails_per_address().hit(alert.email):
        try:
            send_confirmation(alert, now)
        except Exception as error:  # any address fails alike, so saying so tells nothing about it
            logger.exception("The confirmation mail for %s %s could not be sent.", type(alert).__name__, alert.pk)
            raise MailNotSent() from error
