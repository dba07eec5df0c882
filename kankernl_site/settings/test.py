"""Test settings: fast hashing, in-memory cache and mail, tasks run at once."""

from .base import *  # noqa: F403
from .env import env_bool

SECRET_KEY = "test-only-key-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments"},
}
PAGE_CACHE_SECONDS = 0  # tests of the page cache turn it on
# Off: tests write rows without the signals that make fragments stale; tests of the cache turn it on.
FRAGMENT_CACHE_SECONDS = 0
ROUTE_CACHE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Local feeds (the demo centres, the tests' HTTP server); FEEDS_ALLOW_PRIVATE_HOSTS=0 turns it off.
AGENDA_FEEDS_ALLOW_PRIVATE_HOSTS = env_bool("FEEDS_ALLOW_PRIVATE_HOSTS", True)
