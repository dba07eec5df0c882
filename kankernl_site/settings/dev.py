"""Local development: debug on, mail to the console, a demo administrator."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

DEBUG = True
# Pages change under the developer's hands: no page cache unless PAGE_CACHE_SECONDS asks for one.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-key-never-used-in-production-3f9a1c0b7e")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEMO_ADMIN_PASSWORD = env_str("DEMO_ADMIN_PASSWORD", "demo-beheer-2026")
# Local feeds (the demo centres, the tests' HTTP server); FEEDS_ALLOW_PRIVATE_HOSTS=0 turns it off.
AGENDA_FEEDS_ALLOW_PRIVATE_HOSTS = env_bool("FEEDS_ALLOW_PRIVATE_HOSTS", True)
# The demo centres' feeds are files in agenda_pages/demo_feeds/ (see load_demo).
AGENDA_FEEDS_ALLOW_FILE_URLS = True
