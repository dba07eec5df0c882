"""Rendered parts of pages, kept per process until the content version changes.

A part is keyed on its name, what it depends on, the language, the scheme and host (absolute links
are written for the address the visitor used: ``absolute_urls``), the day (what is
"upcoming" changes with it) and the content version that every publish and import bumps (see
``page_cache``). Kept in the ``template_fragments`` cache (each process's memory) for
``FRAGMENT_CACHE_SECONDS``; 0 turns it off. Previews are never cached: they show a draft.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone, translation

from . import page_cache

T = TypeVar("T")


def cached_fragment(request, name: str, depends_on: tuple, build: Callable[[], T]) -> T:
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0 or getattr(request, "is_preview", False):
        return build()
    parts = (
        name,
        depends_on,
        translation.get_language(),
        request.scheme,
        request.get_host(),
        timezone.localdate(),
        page_cache.current_version(),
    )
    key = "fragment:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    fragments = caches["template_fragments"]
    value = fragments.get(key)
    if value is None:
        value = build()
        fragments.set(key, value, seconds)
    return value
