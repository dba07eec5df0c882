"""Dutch phone numbers as people write them: "030 - 123 45 67", "+31 (0)30 123 45 67", "06-12345678",
"0800 1234". Checked when a centre is saved (admin and onboarding) so the page's "call" link works."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Spaces, dashes, dots, slashes and brackets are how people group digits, not part of the number.
_SEPARATORS = re.compile(r"[\s\-./()]")
# +31 or 0031, and the "(0)" some write after it (its brackets are gone by then).
_INTERNATIONAL = re.compile(r"^(?:\+|00)310?")
# Ten digits starting with 0 (area codes, mobiles, 085/088/097), or the 0800/090x service numbers,
# which have four or seven digits after the prefix.
_NATIONAL = re.compile(r"^(?:0[1-9][0-9]{8}|0(?:800|90[0-9])(?:[0-9]{4}|[0-9]{7}))$")


def national_digits(value: str) -> str:
    """``+31 (0)30 123 45 67`` -> ``0301234567``; raises ValueError for anything that is not a Dutch number."""
    compact = _INTERNATIONAL.sub("0", _SEPARATORS.sub("", value or ""))
    if not _NATIONAL.match(compact):
        raise ValueError(value)
    return compact


def international(value: str) -> str:
    """``030 - 123 45 67`` -> ``+31301234567`` (for structured data), or "" for a number we cannot read."""
    try:
        return "+31" + national_digits(value)[1:]
    except ValueError:
        return ""


def validate_dutch_phone(value: str) -> None:
    try:
        national_digits(value)
    except ValueError:
        raise ValidationError(
            _("%(value)s is not a Dutch phone number. Write it like 030 123 45 67 or +31 30 123 45 67."),
            code="invalid_phone",
            params={"value": value},
        ) from None
