"""Settings shared by every environment; values come from the environment (see README)."""

from pathlib import Path

from csp.constants import NONE, SELF

from .env import SettingsError, database_from_env, env_bool, env_int, env_list, env_str
from .logs import logging_settings
from .services import default_cache, frontend_cache, media_storage, uses_remote_media

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("DJANGO_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
# The site's own page, in its layout and under its CSP, instead of Django's inline-styled one.
CSRF_FAILURE_VIEW = "kankernl_site.views.csrf_failure"

INSTALLED_APPS = [
    "home",
    "agenda_pages",
    "toolbox",
    "elearning_pages",
    "alerts",
    "usage",
    "kankernl_site",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: the request id is set before anything can log, and the access line times everything.
    "kankernl_site.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page and route caches, so stored pages get the current policy too; after
    # whitenoise, so static files (no documents) go without.
    "csp.middleware.CSPMiddleware",
    "kankernl_site.security_headers.PermissionsPolicyMiddleware",
    # ETag (a hash of the body) and 304 answers to If-None-Match / If-Modified-Since; outside the page
    # cache so stored pages get them too: a calendar app or feed reader polling an unchanged
    # selection downloads nothing. Django's, keeping CORS headers on its 304 (conditional_get.py).
    "kankernl_site.conditional_get.ConditionalGetMiddleware",
    # Anonymous visitors get stored copies of pages; outside the session and auth middleware on purpose.
    "kankernl_site.page_cache.PageCacheMiddleware",
    "kankernl_site.route_cache.RouteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kankernl_site.urls"
WSGI_APPLICATION = "kankernl_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kankernl_site.context_processors.fragment_cache",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {"default": database_from_env(f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and DATABASES["default"]["NAME"] != ":memory:":
    # SQLite cannot create the folder its file lives in; a fresh checkout has no var/ yet.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# Cache: Redis when REDIS_URL is set, otherwise per-process memory (production requires Redis).
REDIS_URL = env_str("REDIS_URL")
CACHES = {"default": default_cache(REDIS_URL, require_shared=False)}
# Rendered fragments stay in each process's memory (Django's {% cache %} tag uses this alias): a
# page asks for several, and a network round trip each would cost more than it saves. They are keyed
# on the content version, which the workers share through the default cache.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# Anonymous full-page cache (kankernl_site/page_cache.py): seconds a stored page lives; 0 turns it off.
# With more than one worker process, set REDIS_URL: the local-memory cache cannot tell other
# workers that a page was published.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Rendered parts of pages (header, footer, the agenda's list and filter form), keyed on the same
# version, for visitors the page cache does not serve (logged in, with cookies) and for every
# query-string variation of the agenda. Short, because "upcoming" moves with the clock; 0 turns it off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 60)
# Remember which page an address leads to until the content version changes (route_cache.py).
ROUTE_CACHE = env_bool("ROUTE_CACHE", True)
# Cache-Control for anonymous visitors of the agenda (agenda_pages/public/lifetimes.py): how long a
# CDN or proxy may keep the agenda, its embed and print pages (s-maxage; purged on publish, but a
# filtered address only expires), how long a browser may (max-age), and both for the feeds.
AGENDA_CACHE_SECONDS = env_int("AGENDA_CACHE_SECONDS", 300)
AGENDA_BROWSER_CACHE_SECONDS = env_int("AGENDA_BROWSER_CACHE_SECONDS", 60)
AGENDA_FEED_CACHE_SECONDS = env_int("AGENDA_FEED_CACHE_SECONDS", 900)
# A CDN or caching proxy in front of the site, purged when pages publish (services.frontend_cache).
WAGTAILFRONTENDCACHE = frontend_cache()
if WAGTAILFRONTENDCACHE:
    # Only then: its handlers queue a purge task on every publish, which without a backend does nothing.
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.sitemaps") + 1, "wagtail.contrib.frontend_cache")
# Wagtail would rewrite each purged address into every language's prefix (/nl/..., /en/...); Dutch
# has no prefix here and each translation is a page of its own, purged with its own address.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch first and unprefixed, English under /en/.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static and media files. whitenoise serves static files in every environment.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    # MEDIA_ROOT on this disk, or an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set.
    "default": media_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if uses_remote_media(STORAGES["default"]):
    # Documents are still asked for at /documents/<id>/<name>: Wagtail checks a collection's privacy
    # and sends document_served (the download count, usage/) there, then redirects to the bucket.
    # Never "direct", which links the bucket and skips both.
    WAGTAILDOCS_SERVE_METHOD = "redirect"
elif env_str("DJANGO_SENDFILE_URL"):
    # Behind nginx (deploy/): Wagtail's document view checks and counts, then nginx sends the file
    # from MEDIA_ROOT, answering range requests (seeking a video; Safari plays none without them).
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT)
    SENDFILE_URL = env_str("DJANGO_SENDFILE_URL")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: SMTP settings from the environment; dev overrides the backend to the console.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Centra voor leven met en na kanker <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Wagtail e-mails every superuser each time a page enters a workflow, and an import starts one per
# new event: hundreds of mails for one feed. The centre's staff get one digest per import instead
# (agenda_pages/notifications.py); moderators still get Wagtail's mail for the editorial workflow.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Background tasks: the database-backed queue, worked off by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A running task whose worker has sent no heartbeat for this long is queued again (the worker died;
# kankernl_site/task_recovery.py). Ten heartbeats: a busy database delays one, not ten.
TASK_STALE_AFTER_SECONDS = env_int("TASK_STALE_AFTER_SECONDS", 600)
if TASK_STALE_AFTER_SECONDS < 10:
    raise SettingsError(
        f"the environment variable TASK_STALE_AFTER_SECONDS must be at least 10, not {TASK_STALE_AFTER_SECONDS}."
    )

# Wagtail
WAGTAIL_SITE_NAME = "Centra voor leven met en na kanker"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Stemming for Dutch, the language of most content; SQLite has no such configuration.
        **({"SEARCH_CONFIG": "dutch"} if IS_POSTGRES else {}),
    }
}
# mp4 and webm: the e-learning's videos are documents, played by the browser's own player.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "mp4", "odt", "pdf", "pptx", "rtf", "txt", "webm", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar requests to gravatar.com: they tell a third party who uses the admin, and where the
# admin cannot reach it the image shows broken. Wagtail then shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

SEARCH_RESULTS_PER_PAGE = 10
# Page views one address may count per hour through the usage beacon (usage/views.py).
USAGE_VIEWS_PER_IP_PER_HOUR = env_int("USAGE_VIEWS_PER_IP_PER_HOUR", 600)
# Subscription requests one address may make per hour (alerts/conf.py).
ALERTS_REQUESTS_PER_IP_PER_HOUR = env_int("ALERTS_REQUESTS_PER_IP_PER_HOUR", 20)
# Behind a proxy, the header that proxy always overwrites with the visitor's address
# (HTTP_X_REAL_IP with deploy/nginx); empty: REMOTE_ADDR (kankernl_site/rate_limits.py).
RATE_LIMIT_IP_HEADER = env_str("RATE_LIMIT_IP_HEADER", "")
# The searches per term and day (search_promotions' QueryDailyHits) are the usage counts' search
# totals, kept like the other daily totals: Wagtail's searchpromotions_garbage_collect would
# otherwise delete them after 7 days.
WAGTAILSEARCH_HITS_MAX_AGE = 100 * 365

# Agenda feed import (see agenda_pages/conf.py for the rest and their defaults).
# Private and loopback hosts are refused unless this is on (development and tests only).
AGENDA_FEEDS_ALLOW_PRIVATE_HOSTS = env_bool("FEEDS_ALLOW_PRIVATE_HOSTS", False)
AGENDA_IMPORT_HORIZON_DAYS = env_int("AGENDA_IMPORT_HORIZON_DAYS", 365)

# Security headers, in every environment so that development and the browser tests see what
# production serves (README, "Security headers"). HSTS and the HTTPS redirect are production's.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Where images, videos and captions may come from besides this site: the S3 bucket or CDN that
# serves MEDIA_URL, if any (e.g. https://media.example.nl).
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS", [])
# No 'unsafe-inline' anywhere: no page has an inline script, style element or style attribute
# (the agenda's embed allows its one <style> by hash, in its own policy). No nonces either: the
# page cache serves one stored copy to many visitors, so a nonce would not be used once.
CONTENT_SECURITY_POLICY = {
    # Wagtail's admin cannot run without inline scripts and styles; it is for logged-in editors only.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_MEDIA_ORIGINS],
        "media-src": [SELF, *CSP_MEDIA_ORIGINS],
        # The embed generator previews the embed; a video page loads the privacy-enhanced player
        # of YouTube or Vimeo after a click (elearning_pages/static/elearning_pages/js/video.js).
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        # Only the two embeds may be framed, each with a policy of its own (frame-ancestors *).
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}
# Nothing on the site asks for these; the nearby search takes a postcode, not the browser's location.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "hid",
        "magnetometer", "microphone", "midi", "payment", "serial", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip

# Only development settings create a demo administrator (see load_demo).
DEMO_ADMIN_PASSWORD = None

# Text on stderr here; production writes JSON lines to stdout (DJANGO_LOG_FORMAT, settings/logs.py).
LOGGING = logging_settings(default_format="text")
