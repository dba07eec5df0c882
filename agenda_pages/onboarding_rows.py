"""One onboarding CSV row read and checked, before anything is written: pure validation on a
dataclass, so every problem in a row is reported at once and a bad row costs nothing. The writing
is ``onboarding.py``'s.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from agenda_pages.models import CentreKind, CentrePage, FeedSource
from agenda_pages.models.feeds import FeedFormatChoice
from agenda_pages.phone import validate_dutch_phone

REQUIRED_COLUMNS = ("name", "kind", "postcode", "city", "website", "feed_url", "feed_format")
PROFILE_COLUMNS = ("street", "phone", "opening_hours", "description")
CSV_COLUMNS = (*REQUIRED_COLUMNS, *PROFILE_COLUMNS)
# The centre page's field for each profile column.
PROFILE_FIELDS = {
    "street": "street_address",
    "phone": "phone",
    "opening_hours": "opening_hours",
    "description": "short_description",
}

KINDS = {
    "centre": CentreKind.CENTRE,
    "centrum": CentreKind.CENTRE,
    "partner": CentreKind.PARTNER,
    "partner organisatie": CentreKind.PARTNER,
    "partnerorganisatie": CentreKind.PARTNER,
}

# Dutch postcodes: four digits, the first never 0, then (optionally here) two letters.
POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})\s*([A-Za-z]{2})?$")

_url_validator = URLValidator(schemes=["http", "https"])


class OnboardingError(Exception):
    """A row that cannot be onboarded; ``problems`` are (field, message) pairs, field None for the row."""

    def __init__(self, problems: list[tuple[str | None, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{field}: {message}" if field else message for field, message in problems))


@dataclass(frozen=True)
class CentreRow:
    """A validated, normalised row; blank optional values are ""."""

    name: str
    kind: str
    postcode: str
    city: str
    website: str
    feed_url: str
    feed_format: str
    street: str = ""
    phone: str = ""
    opening_hours: str = ""
    description: str = ""


def normalise_postcode(value: str) -> str:
    """``1234ab`` -> ``1234 AB``; raises ValueError for anything that is not a Dutch postcode."""
    match = POSTCODE_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}" if letters else digits


def _check_url(field: str, value: str, max_length: int, problems: list[tuple[str | None, str]]) -> None:
    if len(value) > max_length:
        problems.append((field, f"longer than {max_length} characters"))
        return
    try:
        _url_validator(value)
    except ValidationError:
        problems.append((field, f"{value!r} is not a valid http or https address"))


def _check_length(column: str, value: str, problems: list[tuple[str | None, str]]) -> None:
    limit = CentrePage._meta.get_field(PROFILE_FIELDS.get(column, column)).max_length
    if len(value) > limit:
        problems.append((column, f"longer than {limit} characters"))


def _opening_hours(value: str) -> str:
    """One line per day or group of days. In a spreadsheet cell a line break is awkward to type, so
    "di 10-16; wo 10-12" is read as two lines too."""
    lines = (" ".join(line.split()) for line in (value or "").replace(";", "\n").splitlines())
    return "\n".join(line for line in lines if line)


def _clean_profile(
    street: str, phone: str, opening_hours: str, description: str, problems: list[tuple[str | None, str]]
) -> dict[str, str]:
    profile = {
        "street": " ".join((street or "").split()),
        "phone": " ".join((phone or "").split()),
        "opening_hours": _opening_hours(opening_hours),
        "description": " ".join((description or "").split()),
    }
    for column, value in profile.items():  # in column order, so the problems read as the row does
        _check_length(column, value, problems)
        if column == "phone" and value:
            try:
                validate_dutch_phone(value)
            except ValidationError:
                problems.append(
                    ("phone", f"{value!r} is not a Dutch phone number (like 030 123 45 67 or +31 30 123 45 67)")
                )
    return profile


def clean_row(
    *,
    name: str,
    kind: str,
    postcode: str,
    city: str,
    website: str,
    feed_url: str,
    feed_format: str,
    street: str = "",
    phone: str = "",
    opening_hours: str = "",
    description: str = "",
) -> CentreRow:
    """Validate and normalise one row, reporting every problem in it at once."""
    problems: list[tuple[str | None, str]] = []
    name, city = (" ".join((value or "").split()) for value in (name, city))
    website, feed_url = ((value or "").strip() for value in (website, feed_url))

    if not name:
        problems.append(("name", "is required"))
    elif len(name) > (limit := CentrePage._meta.get_field("title").max_length):
        problems.append(("name", f"longer than {limit} characters"))

    kind_key = " ".join((kind or "").lower().split())
    if kind_key not in KINDS:
        problems.append(("kind", f"{kind!r} is not one of {', '.join(repr(k) for k in KINDS)}"))

    try:
        postcode = normalise_postcode(postcode) if (postcode or "").strip() else ""
    except ValueError:
        problems.append(("postcode", f"{postcode!r} is not a Dutch postcode (4 digits and 2 letters, like 1234 AB)"))

    _check_length("city", city, problems)
    if website:
        _check_url("website", website, CentrePage._meta.get_field("website").max_length, problems)
    if feed_url:
        _check_url("feed_url", feed_url, FeedSource._meta.get_field("url").max_length, problems)

    feed_format = (feed_format or "").strip().lower()
    if feed_format and feed_format not in FeedFormatChoice.values:
        problems.append(
            ("feed_format", f"{feed_format!r} is not one of {', '.join(FeedFormatChoice.values)} (or blank for auto)")
        )
    elif feed_format and not feed_url:
        problems.append(("feed_format", "given without a feed_url"))

    profile = _clean_profile(street, phone, opening_hours, description, problems)

    if problems:
        raise OnboardingError(problems)
    return CentreRow(name, KINDS[kind_key], postcode, city, website, feed_url, feed_format, **profile)


def check_header(fieldnames: Iterable[str] | None) -> str | None:
    expected = f"{','.join(REQUIRED_COLUMNS)} (and optionally {','.join(PROFILE_COLUMNS)})"
    if not fieldnames:
        return f"The file is empty; the first line must be the header {expected}."
    found = [(name or "").strip().lower() for name in fieldnames]
    missing = [column for column in REQUIRED_COLUMNS if column not in found]
    unexpected = [column for column in found if column not in CSV_COLUMNS]
    duplicated = sorted({column for column in found if found.count(column) > 1})
    if not (missing or unexpected or duplicated):
        return None
    details = []
    if missing:
        details.append(f"missing {', '.join(missing)}")
    if unexpected:
        details.append(f"unexpected {', '.join(repr(column) for column in unexpected)}")
    if duplicated:
        details.append(f"repeated {', '.join(duplicated)}")
    return f"Bad header ({'; '.join(details)}); the columns must be {expected}."
