from django.conf import settings

from . import page_cache


def fragment_cache(request):
    """What cached template fragments are keyed on: the content version (bumped by every publish,
    see page_cache) and how long a fragment lives (0 turns fragment caching off)."""
    return {
        "content_version": page_cache.current_version(),
        "fragment_cache_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
