"""Taking what looks like personal data out of a search term or a comment before it is stored.

Visitors sometimes type an e-mail address, a phone number or their address into a search box or a
comment field. Such parts are replaced by a marker (``[email]``, ``[phone]``, ``[address]``,
``[number]``), so the report still shows that people search that way, and the rest of the words
stay. Names cannot be recognised; the comment field asks visitors not to write them.

Pure functions: no database, no settings.
"""

import re

MAX_TERM_LENGTH = 255  # wagtail.contrib.search_promotions' Query.query_string
MAX_INPUT_LENGTH = 2000  # bounds the work of the patterns below

EMAIL = "[email]"
PHONE = "[phone]"
ADDRESS = "[address]"
NUMBER = "[number]"

# Any word with an "@": also a half-typed address ("jan@example", "jan@") or a handle ("@jan").
_EMAIL = re.compile(r"\S*@\S*")
# A Dutch or other IBAN: two letters, two check digits, then letters and digits.
_IBAN = re.compile(r"\b[a-z]{2}\d{2}\s?[a-z]{4}(?:\s?\d){7,}", re.IGNORECASE)
# A postcode with a house number, in either order: "1234 AB 12", "1234ab12-3", "12a, 1234 AB". Not
# a year after the letters: "2025 en 2026" is two years.
_POSTCODE = r"[1-9]\d{3}\s*[a-z]{2}"
_HOUSE_NUMBER = r"(?!(?:19|20)\d\d(?!\d))\d{1,5}(?:\s*-?\s*[a-z0-9]{1,4})?"
_ADDRESS = re.compile(
    rf"(?<![\w])(?:{_POSTCODE}[\s,]*{_HOUSE_NUMBER}|\d{{1,5}}[a-z]?[\s,]+{_POSTCODE})(?![\w])", re.IGNORECASE
)
# Digits, possibly grouped by spaces, dots, dashes, slashes or brackets, with a "+" in front. Any
# number of separators: "06  1234 5678" must not escape because of a double space.
_DIGIT_RUN = re.compile(r"\+?\(?\d(?:[\s.\-/()]*\d)*")
# Seven digits and more: phone numbers, BSN (9), bank accounts, dates of birth, customer numbers.
MIN_PERSONAL_DIGITS = 7
_PHONE = re.compile(r"(?:\+|00)?31\d{9}|0\d{9}|\+\d{8,14}")
# Except years: a span ("2024-2025", "2024/2025"), or a short number followed by years ("2025 2026",
# "NEN 7510 2017", "ISO 9001 2015"). Common in the toolbox, and no one's data; a phone number or a
# date of birth has a group of other digits in it.
_YEAR = r"(?:19|20)\d\d"
YEARS = re.compile(rf"{_YEAR}\s*[-/]\s*{_YEAR}|\d{{1,4}}(?:\s+{_YEAR})+")


def _replace_digits(match: re.Match) -> str:
    run = match.group()
    digits = re.sub(r"[^\d+]", "", run)
    if sum(char.isdigit() for char in digits) < MIN_PERSONAL_DIGITS or YEARS.fullmatch(run):
        return run
    return PHONE if _PHONE.fullmatch(digits) else NUMBER


def remove_personal_data(text: str) -> str:
    """``text`` with e-mail addresses, bank accounts, postcodes with a house number, phone numbers
    and other long numbers replaced by markers; everything else as it was (case included)."""
    text = _EMAIL.sub(EMAIL, text[:MAX_INPUT_LENGTH])
    text = _IBAN.sub(NUMBER, text)
    text = _ADDRESS.sub(ADDRESS, text)
    return _DIGIT_RUN.sub(_replace_digits, text)


def scrub(term: str) -> str | None:
    """A search term as it may be stored: personal data replaced by markers, lower case, single
    spaces, at most 255 characters (Wagtail's own normalisation, so ``Query.get`` keeps it as is).
    None when nothing is left to store."""
    cleaned = " ".join(remove_personal_data(term).lower().split())
    cleaned = cleaned[:MAX_TERM_LENGTH].strip()
    return cleaned or None
