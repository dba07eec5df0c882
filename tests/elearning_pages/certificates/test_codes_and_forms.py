"""Codes people can read out and type, and the name as it will be printed."""

import pytest

from elearning_pages.certificates import codes
from elearning_pages.certificates.forms import CertificateNameForm, VerifyForm


def test_new_codes_use_only_characters_nobody_confuses():
    drawn = {codes.new_code() for _ in range(200)}

    assert len(drawn) == 200
    assert all(codes.is_well_formed(code) for code in drawn)
    assert not set("".join(drawn)) & set("0O1IL")


@pytest.mark.parametrize("typed", ["ABCD-2345", "abcd2345", " ab cd - 23 45 ", "ABCD\u20132345", "abcd.2345"])
def test_what_people_type_becomes_the_stored_code(typed):
    assert codes.normalise(typed) == "ABCD2345"


@pytest.mark.parametrize("code", ["ABCD234", "ABCD23456", "ABCD2340", "ABCDO345", "ABCD/345", ""])
def test_codes_of_the_wrong_length_or_with_other_characters_are_not_ours(code):
    assert not codes.is_well_formed(codes.normalise(code))


def test_a_code_is_shown_in_two_halves():
    assert codes.display("ABCD2345") == "ABCD-2345"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("  Anna de Vries  ", "Anna de Vries"),
        ("Anna\tde\nVries", "Anna de Vries"),
        ("Anna\x00 de\x07 Vries", "Anna de Vries"),
        ("Anna \u202eseirV ed", "Anna seirV ed"),
        ("Zoë Çelik-Ñúñez", "Zoë Çelik-Ñúñez"),
    ],
)
def test_the_name_is_stripped_of_control_characters_and_extra_spaces(typed, printed):
    form = CertificateNameForm({"name": typed})

    assert form.is_valid()
    assert form.cleaned_data["name"] == printed


@pytest.mark.parametrize("typed", ["", "   ", "\x00\x01"])
def test_a_name_is_required(typed):
    form = CertificateNameForm({"name": typed})

    assert [error.code for error in form.errors.as_data()["name"]] == ["required"]


def test_a_name_is_at_most_100_characters_as_printed():
    assert CertificateNameForm({"name": "a" * 100 + "\x00" * 5 + "   "}).is_valid()
    form = CertificateNameForm({"name": "a" * 101})
    assert [error.code for error in form.errors.as_data()["name"]] == ["max_length"]


def test_the_check_form_wants_a_code_of_ours():
    form = VerifyForm({"code": "abcd 2345"})
    assert form.is_valid()
    assert form.cleaned_data["code"] == "ABCD2345"
    assert not VerifyForm({"code": "hello"}).is_valid()
