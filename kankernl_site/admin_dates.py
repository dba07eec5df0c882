"""How our admin screens (every app's) write a date: in words, in the site's time zone, in the user's language.

"wo 16 dec. 2026, 14:30" in Dutch and "Wed 16 Dec 2026, 14:30" in English, always in Europe/Amsterdam
(``TIME_ZONE``): the admin activates each user's own time zone, and one screen showed the run's start
in UTC above a table in local time. Every admin view and template writes dates through these two.
"""

from datetime import date, datetime

from django.utils.formats import date_format
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext_lazy

# Our own abbreviations rather than Django's: its Dutch ones have no full stop ("dec").
MONTHS = (
    gettext_lazy("Jan"),
    gettext_lazy("Feb"),
    gettext_lazy("Mar"),
    gettext_lazy("Apr"),
    gettext_lazy("May"),
    gettext_lazy("Jun"),
    gettext_lazy("Jul"),
    gettext_lazy("Aug"),
    gettext_lazy("Sep"),
    gettext_lazy("Oct"),
    gettext_lazy("Nov"),
    gettext_lazy("Dec"),
)


def admin_date(value: date | datetime | None) -> str:
    """ "wo 16 dec. 2026"; a datetime as it falls in the site's time zone; "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(get_default_timezone())
    # Django's weekday names ("wo", "Wed"), our month abbreviations.
    return f"{date_format(value, 'D j')} {MONTHS[value.month - 1]} {value.year}"


def admin_datetime(value: datetime | None) -> str:
    """ "wo 16 dec. 2026, 14:30" in the site's time zone; "" for None."""
    if value is None:
        return ""
    local = value.astimezone(get_default_timezone())
    return f"{admin_date(local)}, {local:%H:%M}"
