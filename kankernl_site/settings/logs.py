"""The ``LOGGING`` setting, from the environment: JSON lines on stdout in production, text elsewhere.

The formatters and the filter live in ``kankernl_site/log_format.py``; the access line per request
comes from ``kankernl_site/request_log.py``.
"""

from .env import SettingsError, env_bool, env_str

LOG_FORMATS = ("json", "text")


def log_format(default: str) -> str:
    value = env_str("DJANGO_LOG_FORMAT", default).lower()
    if value not in LOG_FORMATS:
        raise SettingsError(f"the environment variable DJANGO_LOG_FORMAT must be json or text, not {value!r}.")
    return value


def logging_settings(*, default_format: str) -> dict:
    fmt = log_format(default_format)
    # With text (development) the development server already prints a line per request.
    access_log = env_bool("DJANGO_ACCESS_LOG", fmt == "json")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "kankernl_site.log_format.ContextFilter"}},
        "formatters": {
            "json": {"()": "kankernl_site.log_format.JsonFormatter"},
            "text": {"()": "kankernl_site.log_format.TextFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                # JSON to stdout, where a container runtime or systemd's journal collects it.
                "stream": "ext://sys.stdout" if fmt == "json" else "ext://sys.stderr",
                "formatter": fmt,
                "filters": ["context"],
            }
        },
        "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
        "loggers": {
            # Wagtail logs every page action at INFO; the admin's own log keeps those.
            "wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")},
            "kankernl_site.access": {"level": "INFO" if access_log else "WARNING"},
        },
    }
