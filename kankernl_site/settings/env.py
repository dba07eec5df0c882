"""Reading settings from the environment, with errors a person can act on.

A missing or malformed variable raises :class:`SettingsError`; ``manage.py``, ``wsgi.py`` and
``asgi.py`` turn it into one sentence on stderr and a non-zero exit instead of a traceback.
"""

import contextlib
import os
import sys

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


class SettingsError(ImproperlyConfigured):
    """A setting taken from the environment is missing or malformed."""


@contextlib.contextmanager
def exit_on_settings_error():
    try:
        yield
    except SettingsError as exc:
        sys.stderr.write(f"Configuration error: {exc}\n")
        raise SystemExit(2) from None


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise SettingsError(f"the environment variable {name} is required but not set.")
    return default


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"the environment variable {name} must be 1 or 0 (true/false), not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SettingsError(f"the environment variable {name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


SUPPORTED_DATABASE_ENGINES = {"django.db.backends.sqlite3", "django.db.backends.postgresql"}
DATABASE_URL_HELP = "use postgres://user@host:5432/name or sqlite:///path/to/db.sqlite3"


def database_from_env(
    default_url: str | None, *, required: bool = False, conn_max_age: int = 0, health_checks: bool = False
) -> dict:
    """Parse ``DATABASE_URL`` with dj-database-url; fall back to ``default_url`` unless required.

    ``conn_max_age`` and ``health_checks`` are the defaults of ``DATABASE_CONN_MAX_AGE`` and
    ``DATABASE_CONN_HEALTH_CHECKS``. The URL is never echoed back: it may hold a password.
    """
    url = env_str("DATABASE_URL", default_url, required=required)
    max_age = env_int("DATABASE_CONN_MAX_AGE", conn_max_age)
    checks = env_bool("DATABASE_CONN_HEALTH_CHECKS", health_checks)
    try:
        config = dj_database_url.parse(url, conn_max_age=max_age, conn_health_checks=checks)
    except Exception:  # dj-database-url raises several unrelated types for a bad URL
        config = {}
    if config.get("ENGINE") not in SUPPORTED_DATABASE_ENGINES or not config.get("NAME"):
        raise SettingsError(
            f"the environment variable DATABASE_URL is not a valid database URL ({DATABASE_URL_HELP})."
        )
    return config
