"""The sign-in token: signed, time-limited, and usable as one path segment."""

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import override_settings

from elearning_pages.learning.saving import tokens

KEY = uuid.UUID("6f1c2b0e-2d6a-4a59-9d0e-9a7b1f3c5e21")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def test_a_token_names_the_learner_and_the_address_in_letters_digits_dashes_and_underscores():
    token = tokens.make_token(KEY, "a@example.org")
    assert re.fullmatch(r"[\w-]+", token)
    assert tokens.read_token(token) == (KEY, "a@example.org")


def test_a_token_works_for_48_hours():
    with time_machine.travel(NOW, tick=False):
        token = tokens.make_token(KEY, "a@example.org")
    with time_machine.travel(NOW + timedelta(hours=47), tick=False):
        assert tokens.read_token(token) == (KEY, "a@example.org")
    with time_machine.travel(NOW + timedelta(hours=49), tick=False), pytest.raises(tokens.Expired):
        tokens.read_token(token)


@pytest.mark.parametrize("token", ["", "abc", "WyJub3QiXQ", "%%%", "é"])
def test_rubbish_is_no_token(token):
    assert tokens.read_token(token) is None


def test_a_token_of_another_site_is_no_token():
    with override_settings(SECRET_KEY="another site's secret, long enough to be a secret key"):
        token = tokens.make_token(KEY, "a@example.org")
    assert tokens.read_token(token) is None
