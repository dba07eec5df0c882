"""The learning part's settings, each read with its default in this one place."""

from datetime import timedelta

from django.conf import settings


def sign_in_link_age() -> timedelta:
    """How long a sign-in link in a mail works."""
    return timedelta(hours=getattr(settings, "ELEARNING_SIGN_IN_LINK_HOURS", 48))


def requests_per_ip_per_hour() -> int:
    return getattr(settings, "ELEARNING_SAVE_REQUESTS_PER_IP_PER_HOUR", 20)


def mails_per_address_per_day() -> int:
    return getattr(settings, "ELEARNING_MAILS_PER_ADDRESS_PER_DAY", 3)
