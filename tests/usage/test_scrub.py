"""Personal data out of search terms and comments, before anything is stored."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from usage.scrub import ADDRESS, EMAIL, MAX_TERM_LENGTH, NUMBER, PHONE, YEARS, remove_personal_data, scrub

DIGIT_RUN = re.compile(r"\d(?:[\s.\-/()]*\d)*")


def longest_number(text: str) -> int:
    """The most digits in one run of digits and separators; years ("2024-2025", "nen 7510 2017") aside."""
    runs = (run for run in DIGIT_RUN.findall(text) if not YEARS.fullmatch(run))
    return max((sum(char.isdigit() for char in run) for run in runs), default=0)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Jan.Jansen@example.nl", EMAIL),
        ("mail jan@example zoeken", f"mail {EMAIL} zoeken"),  # half-typed
        ("bel 06-12345678", f"bel {PHONE}"),
        ("06 1234 5678", PHONE),
        ("+31 6 1234 5678", PHONE),
        ("0031 (0)20 123 4567", NUMBER),  # the "(0)" makes 12 digits: still gone
        ("020 - 123 45 67", PHONE),
        ("+44 20 7946 0958", PHONE),
        ("bsn 123456782", f"bsn {NUMBER}"),
        ("123.456.782", NUMBER),
        ("123 45 6782", NUMBER),
        ("NL91ABNA0417164300", NUMBER),
        ("nl91 abna 0417 1643 00", NUMBER),
        ("geboren 12-03-1965", f"geboren {NUMBER}"),
        ("geboren 12 03 1965", f"geboren {NUMBER}"),
        ("06 1234 2019", PHONE),  # ends like a year, but "1234" is none
        ("1234 AB 12", ADDRESS),
        ("1234ab12-3", ADDRESS),
        ("1234 AB, 12a", ADDRESS),
        ("Kerkstraat 12, 1234 AB Amsterdam", f"kerkstraat {ADDRESS} amsterdam"),
    ],
)
def test_personal_data_becomes_a_marker(term, expected):
    assert scrub(term) == expected


@pytest.mark.parametrize(
    "term",
    [
        "inloop centrum",
        "stadium 4",
        "agenda 2025",
        "2025 en 2026",  # two years, not a postcode with a house number
        "1234 ab",  # a postcode alone is an area, not an address
        "3512",
        "mdo financiering 2024-2025",
        "begroting 2025 2026",
        "nen 7510 2017",
        "iso 9001 2015",
        "mdo 2025",
        "2026",
        "bel 112",
        "10 tips bij vermoeidheid",
    ],
)
def test_ordinary_terms_keep_their_words(term):
    assert scrub(term) == term


def test_a_term_is_lower_case_with_single_spaces_as_wagtail_stores_it():
    assert scrub("  Inloop   CENTRUM\tUtrecht ") == "inloop centrum utrecht"


@pytest.mark.parametrize("term", ["", "   ", "\t\n"])
def test_an_empty_term_is_not_stored(term):
    assert scrub(term) is None


def test_a_comment_keeps_its_case_and_lines():
    comment = "Heel nuttig!\nBel mij: 06-12345678 of mail piet@example.nl"
    assert remove_personal_data(comment) == f"Heel nuttig!\nBel mij: {PHONE} of mail {EMAIL}"


# Generated personal data, written the ways people type it.
SEPARATOR = st.sampled_from(["", " ", "-", ".", "  ", " - ", "/"])
emails = st.builds(
    "{}@{}.{}".format,
    st.from_regex(r"[a-zA-Z0-9._%+-]{1,20}", fullmatch=True),
    st.from_regex(r"[a-z0-9-]{1,15}", fullmatch=True),
    st.sampled_from(["nl", "com", "org", "be"]),
)
mobile_numbers = st.builds(
    lambda prefix, sep, digits, sep2: f"{prefix}{sep}{digits[:4]}{sep2}{digits[4:]}",
    st.sampled_from(["06", "+31 6", "+316", "0031 6", "(06)"]),
    SEPARATOR,
    st.from_regex(r"\d{8}", fullmatch=True),
    SEPARATOR,
)
bsn_numbers = st.builds(
    lambda digits, sep: f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}",
    st.from_regex(r"\d{9}", fullmatch=True),
    st.sampled_from(["", ".", " ", "-"]),
)
long_numbers = st.from_regex(r"\d{7,20}", fullmatch=True)
addresses = st.builds(
    "{}{}{}{}{}".format,
    st.from_regex(r"[1-9]\d{3}", fullmatch=True),
    st.sampled_from(["", " "]),
    st.from_regex(r"[A-Za-z]{2}", fullmatch=True),
    st.sampled_from([" ", "", ", "]),
    st.from_regex(r"[1-9]\d{0,2}[a-c]?", fullmatch=True),
)
personal_data = st.one_of(emails, mobile_numbers, bsn_numbers, long_numbers, addresses)
words = st.lists(st.from_regex(r"[a-zà-ü]{1,12}", fullmatch=True), max_size=4).map(" ".join)


@given(before=words, secret=personal_data, after=words)
def test_generated_personal_data_never_reaches_storage(before, secret, after):
    stored = scrub(f"{before} {secret} {after}")
    assert stored is not None
    assert "@" not in stored
    assert longest_number(stored) < 7
    assert secret.lower() not in stored
    assert not re.search(r"[1-9]\d{3}\s*[a-z]{2}[\s,]*\d", stored)


@given(st.text(max_size=400))
def test_no_long_number_or_at_sign_survives_any_text(text):
    stored = scrub(text)
    if stored is not None:
        assert "@" not in stored
        assert longest_number(stored) < 7
        assert len(stored) <= MAX_TERM_LENGTH
        assert stored == stored.strip()


@given(st.text(max_size=400))
def test_scrubbing_twice_changes_nothing_more(text):
    once = scrub(text)
    assert once is None or scrub(once) == once


@given(st.text(alphabet=st.characters(categories=["L", "Zs"], exclude_characters="@"), max_size=300))
def test_text_without_digits_or_at_signs_is_only_normalised(text):
    expected = " ".join(text.lower().split())[:MAX_TERM_LENGTH].strip() or None
    assert scrub(text) == expected
