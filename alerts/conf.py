"""The alerts' settings, each read with its default in this one place."""

from datetime import timedelta

from django.conf import settings


def setting(name: str, default):
    return getattr(settings, name, default)


def confirmation_days() -> int:
    """How long a confirmation link works; an unconfirmed subscription is deleted after as long."""
    return setting("ALERTS_CONFIRMATION_DAYS", 7)


def confirmation_age() -> timedelta:
    return timedelta(days=confirmation_days())


def unsubscribe_mailto() -> str:
    """An address for the ``mailto:`` form of List-Unsubscribe; empty: only the web address."""
    return setting("ALERTS_UNSUBSCRIBE_MAILTO", "")


def digest_max_activities() -> int:
    """At most this many activities in one digest; the rest behind a link to the agenda."""
    return setting("ALERTS_DIGEST_MAX_ACTIVITIES", 30)


def requests_per_ip_per_hour() -> int:
    return setting("ALERTS_REQUESTS_PER_IP_PER_HOUR", 20)


def mails_per_address_per_day() -> int:
    return setting("ALERTS_MAILS_PER_ADDRESS_PER_DAY", 3)
