"""Rate limits counted in the shared cache, per window, with hashed keys."""

from datetime import UTC, datetime, timedelta

import time_machine
from django.core.cache import cache
from django.test import RequestFactory

from kankernl_site.rate_limits import RateLimit, client_ip

START = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def test_hits_within_the_limit_pass_then_the_window_resets():
    limit = RateLimit("test", limit=2, seconds=3600)
    with time_machine.travel(START, tick=False) as clock:
        assert [limit.hit("gast@voorbeeld.nl") for _ in range(3)] == [True, True, False]
        assert limit.exceeded("gast@voorbeeld.nl") and not limit.exceeded("ander@voorbeeld.nl")
        assert limit.hit("ander@voorbeeld.nl")
        clock.shift(timedelta(hours=1))
        assert limit.hit("gast@voorbeeld.nl")


def test_the_cache_holds_no_address():
    limit = RateLimit("test", limit=5, seconds=60)
    limit.hit("gast@voorbeeld.nl")
    key = limit.key_for("gast@voorbeeld.nl", START.timestamp())
    assert "gast" not in key and "voorbeeld" not in key
    with time_machine.travel(START, tick=False):
        limit.hit("gast@voorbeeld.nl")
        assert cache.get(key) == 1


def test_the_client_address_comes_from_the_named_header_only(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.4")
    assert client_ip(request) == "10.0.0.1"
    settings.RATE_LIMIT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_ip(request) == "198.51.100.4"
