"""The agenda's settings, each read with its default in this one place."""

from django.conf import settings


def setting(name: str, default):
    return getattr(settings, name, default)


def import_horizon_days() -> int:
    return setting("AGENDA_IMPORT_HORIZON_DAYS", 365)


def allow_private_hosts() -> bool:
    return setting("AGENDA_FEEDS_ALLOW_PRIVATE_HOSTS", False)


def allow_file_urls() -> bool:
    """file:// feed addresses, for the demo centres' feeds in the repository; development only."""
    return setting("AGENDA_FEEDS_ALLOW_FILE_URLS", False)


def max_occurrences_per_series() -> int:
    return setting("AGENDA_IMPORT_MAX_OCCURRENCES_PER_SERIES", 400)


def max_occurrences_per_feed() -> int:
    return setting("AGENDA_IMPORT_MAX_OCCURRENCES_PER_FEED", 10_000)


def max_tec_pages() -> int:
    return setting("AGENDA_IMPORT_MAX_TEC_PAGES", 20)


def fetch_seconds() -> float:
    """The most one fetch may take, connecting to the last byte (each page of a paged feed is one)."""
    return setting("AGENDA_IMPORT_FETCH_SECONDS", 30)


def feed_seconds() -> float:
    """The most reading one feed may take: every page of a paged feed fetched and parsed."""
    return setting("AGENDA_IMPORT_FEED_SECONDS", 120)


def import_now_wait_seconds() -> float:
    """How long "Import now" waits for the task worker to finish before it says the import goes on in
    the background: a normal feed takes a few seconds, and then the editor is shown the run itself."""
    return setting("AGENDA_IMPORT_NOW_WAIT_SECONDS", 15)


def user_agent() -> str:
    return setting(
        "AGENDA_IMPORT_USER_AGENT",
        "kankernl-agenda/1.0 (+agenda importer of the centres for living with and after cancer)",
    )


def parse_cpu_seconds() -> int:
    return setting("AGENDA_IMPORT_PARSE_CPU_SECONDS", 20)


def parse_memory_bytes() -> int:
    return setting("AGENDA_IMPORT_PARSE_MEMORY_MB", 512) * 1024 * 1024


def import_run_retention_days() -> int:
    return setting("AGENDA_IMPORT_RUN_RETENTION_DAYS", 90)


def page_cache_seconds() -> int:
    """How long a CDN or proxy may keep the agenda, its embed and print pages (``s-maxage``)."""
    return setting("AGENDA_CACHE_SECONDS", 300)


def browser_cache_seconds() -> int:
    """How long a browser may keep them (``max-age``); never longer than a shared cache may."""
    return min(setting("AGENDA_BROWSER_CACHE_SECONDS", 60), page_cache_seconds())


def feed_cache_seconds() -> int:
    """How long anyone may keep the agenda's feeds (iCal, RSS, JSON)."""
    return setting("AGENDA_FEED_CACHE_SECONDS", 900)


def purges_frontend_cache() -> bool:
    """Whether a CDN or caching proxy in front of the site is to be purged (``WAGTAILFRONTENDCACHE``)."""
    return bool(setting("WAGTAILFRONTENDCACHE", None))
