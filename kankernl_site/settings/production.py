"""Production: every secret and host from the environment; start-up fails loudly without them."""

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, STORAGES
from .env import database_from_env, env_bool, env_int, env_list, env_str
from .logs import logging_settings
from .services import default_cache

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
# Persistent connections: opening one per request made every uncached page 2-3x slower on
# PostgreSQL than on SQLite (README, Benchmarks). Health checks drop a connection the server closed
# (a restart, an idle timeout) before a request uses it, instead of failing that request.
DATABASES = {"default": database_from_env(None, required=True, conn_max_age=600, health_checks=True)}
# Page cache, rate limits and the content version must be one for every process: Redis, unless
# DJANGO_ALLOW_LOCAL_CACHE=1 says the install runs a single process.
CACHES = {**CACHES, "default": default_cache(REDIS_URL, require_shared=True)}
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    env_str("DJANGO_ALLOWED_HOSTS", required=True)
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# HTTPS everywhere. Behind a TLS-terminating proxy set DJANGO_SECURE_PROXY_SSL_HEADER=1.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Load balancers probe /healthz over plain HTTP and do not follow redirects.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# One JSON object per line on stdout, with the request id (README, "Logs"); DJANGO_LOG_FORMAT=text
# for a person reading a terminal.
LOGGING = logging_settings(default_format="json")
