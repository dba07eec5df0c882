"""Dutch phone numbers in the forms people write them."""

import pytest
from django.core.exceptions import ValidationError

from agenda_pages.phone import international, national_digits, validate_dutch_phone


@pytest.mark.parametrize(
    ("written", "digits"),
    [
        ("030 - 123 45 67", "0301234567"),
        ("030-1234567", "0301234567"),
        ("(030) 123 45 67", "0301234567"),
        ("+31 (0)30 123 45 67", "0301234567"),
        ("+31 30 123 4567", "0301234567"),
        ("0031 30 1234567", "0301234567"),
        ("06-12345678", "0612345678"),
        ("088 123 4567", "0881234567"),
        ("0800 1234", "08001234"),
        ("0900-123 45 67", "09001234567"),
    ],
)
def test_common_forms_are_accepted(written, digits):
    assert national_digits(written) == digits
    validate_dutch_phone(written)
    assert international(written) == "+31" + digits[1:]


@pytest.mark.parametrize("written", ["030 123", "bel ons", "+32 2 123 45 67", "0800 12345", "003 0301234567", ""])
def test_other_values_are_refused(written):
    with pytest.raises(ValidationError) as refused:
        validate_dutch_phone(written)
    assert refused.value.code == "invalid_phone"
    assert international(written) == ""
