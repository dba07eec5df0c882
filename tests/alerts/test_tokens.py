"""Signed links: bound to one alert and purpose, confirmation links expire, deleted alerts' links die."""

from datetime import timedelta

import pytest
import time_machine

from alerts import tokens
from alerts.models import Subscription
from tests.alerts.conftest import NOW

pytestmark = pytest.mark.django_db


def test_a_token_names_its_alert_for_its_purpose_only(clock):
    alert = Subscription.objects.create(email="a@voorbeeld.nl", selection="", created_at=NOW)
    token = tokens.make_token(alert, tokens.MANAGE)
    assert tokens.read_token(token, tokens.MANAGE) == alert
    assert tokens.read_token(token, tokens.UNSUBSCRIBE) is None
    assert tokens.read_token(token + "x", tokens.MANAGE) is None
    assert tokens.read_token("not-a-token", tokens.MANAGE) is None
    assert "a@voorbeeld.nl" not in token


def test_confirmation_expires_after_seven_days_the_other_links_do_not(clock):
    alert = Subscription.objects.create(email="a@voorbeeld.nl", selection="", created_at=NOW)
    confirm, manage = tokens.make_token(alert, tokens.CONFIRM), tokens.make_token(alert, tokens.MANAGE)
    with time_machine.travel(NOW + timedelta(days=7) - timedelta(seconds=1), tick=False):
        assert tokens.read_token(confirm, tokens.CONFIRM) == alert
    with time_machine.travel(NOW + timedelta(days=7, seconds=1), tick=False), pytest.raises(tokens.Expired):
        tokens.read_token(confirm, tokens.CONFIRM)
    with time_machine.travel(NOW + timedelta(days=400), tick=False):
        assert tokens.read_token(manage, tokens.MANAGE) == alert


def test_a_new_alert_with_the_same_id_does_not_answer_an_old_link(clock):
    old = Subscription.objects.create(email="a@voorbeeld.nl", selection="", created_at=NOW)
    token, pk = tokens.make_token(old, tokens.UNSUBSCRIBE), old.pk
    old.delete()
    Subscription.objects.create(pk=pk, email="b@voorbeeld.nl", selection="", created_at=NOW + timedelta(hours=1))
    assert tokens.read_token(token, tokens.UNSUBSCRIBE) is None
