"""Counting requests per visitor and per address, shared by every worker through the default cache.

A limit is a number of hits per fixed window (an hour, a day). Counts live in Django's default cache
(Redis in production), so they hold across the web workers and processes; with the local-memory
cache each process counts for itself. Keys are hashed, so the cache holds no e-mail or IP address.

    SUBSCRIBE_PER_IP = RateLimit("alerts-ip", limit=20, seconds=3600)
    if not SUBSCRIBE_PER_IP.hit(client_ip(request)):
        ...  # too many: answer 429

``hit`` counts and says whether this hit is still within the limit; ``exceeded`` only looks.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    name: str
    limit: int
    seconds: int

    def key_for(self, subject: str, now: float) -> str:
        window = int(now // self.seconds)
        digest = hashlib.sha256(f"{self.name}:{subject}".encode()).hexdigest()[:32]
        return f"rate:{self.name}:{window}:{digest}"

    def hit(self, subject: str) -> bool:
        """Count one hit for ``subject``; True while the count is within the limit."""
        key = self.key_for(subject, time.time())
        # add() is atomic: only the first hit of a window creates the counter; incr() is atomic in
        # Redis and in the local-memory cache (under its lock), so two workers never lose a hit.
        cache.add(key, 0, timeout=self.seconds + 60)
        try:
            count = cache.incr(key)
        except ValueError:  # the counter expired between add() and incr()
            cache.add(key, 1, timeout=self.seconds + 60)
            count = 1
        return count <= self.limit

    def exceeded(self, subject: str) -> bool:
        return (cache.get(self.key_for(subject, time.time())) or 0) >= self.limit


def client_ip(request) -> str:
    """The visitor's address. Behind a proxy, REMOTE_ADDR is the proxy's: set ``RATE_LIMIT_IP_HEADER``
    to the header that proxy always overwrites with the visitor's address (``HTTP_X_REAL_IP``). A
    header the visitor could write themselves must not be named here."""
    header = getattr(settings, "RATE_LIMIT_IP_HEADER", "")
    address = request.META.get(header, "") if header else ""
    return address.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "") or "unknown"
