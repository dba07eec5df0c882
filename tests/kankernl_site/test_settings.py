"""Start-up behaviour of the real settings modules, run as a newcomer or operator would."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = "kankernl_site.settings.production"
# The variables the settings read, left out of the tests' environment unless a test sets them.
SETTINGS_PREFIXES = (
    "DJANGO_",
    "DATABASE_",
    "REDIS_",
    "WAGTAILADMIN_",
    "EMAIL_",
    "AWS_",
    "FRONTEND_CACHE_",
    "CLOUDFLARE_",
    "CLOUDFRONT_",
)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {key: value for key, value in os.environ.items() if not key.startswith(SETTINGS_PREFIXES)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_environment(tmp_path: Path) -> dict[str, str]:
    """The least an operator sets to start the production settings."""
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "agenda.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        # Nothing connects to it at start-up or in the deploy check.
        "REDIS_URL": "redis://127.0.0.1:6379/1",
    }


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    return production_environment(tmp_path)


def assert_one_sentence_error(result: subprocess.CompletedProcess, variable: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Configuration error:")
    assert variable in lines[0]


def test_production_refuses_to_start_without_secret_key(production_env):
    del production_env["DJANGO_SECRET_KEY"]
    result = run_manage("check", f"--settings={PRODUCTION}", **production_env)
    assert_one_sentence_error(result, "DJANGO_SECRET_KEY")


def test_production_refuses_to_start_without_database_url(production_env):
    del production_env["DATABASE_URL"]
    result = run_manage("check", f"--settings={PRODUCTION}", **production_env)
    assert_one_sentence_error(result, "DATABASE_URL")


def test_production_refuses_to_start_without_allowed_hosts(production_env):
    del production_env["DJANGO_ALLOWED_HOSTS"]
    result = run_manage("check", f"--settings={PRODUCTION}", **production_env)
    assert_one_sentence_error(result, "DJANGO_ALLOWED_HOSTS")


@pytest.mark.parametrize(
    "url", ["not a url", "mysql://geheim@db/agenda", "postgres://gebruiker:geheim@db:poort/agenda", "postgres://"]
)
def test_malformed_database_url_stops_start_up_without_leaking_it(url):
    result = run_manage("check", DATABASE_URL=url)
    assert_one_sentence_error(result, "DATABASE_URL")
    assert "geheim" not in result.stderr


def test_wsgi_application_refuses_to_load_without_secret_key(production_env):
    del production_env["DJANGO_SECRET_KEY"]
    clean_env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "-c", "import kankernl_site.wsgi"],
        cwd=PROJECT_ROOT,
        env={**clean_env, **production_env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert_one_sentence_error(result, "DJANGO_SECRET_KEY")


def test_production_passes_the_deploy_check(production_env):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", f"--settings={PRODUCTION}", **production_env)
    assert result.returncode == 0, result.stdout + result.stderr


def read_settings(*names: str, settings_module: str, **env: str) -> dict:
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: str(getattr(settings, name)) for name in {list(names)!r}}}))"
    )
    result = run_manage("shell", f"--settings={settings_module}", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_serves_hashed_compressed_static_files_and_has_no_demo_admin(production_env):
    values = read_settings("STORAGES", "DEMO_ADMIN_PASSWORD", "DEBUG", settings_module=PRODUCTION, **production_env)
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in values["STORAGES"]
    assert values["DEMO_ADMIN_PASSWORD"] == "None"
    assert values["DEBUG"] == "False"


def test_search_uses_dutch_configuration_on_postgresql(production_env):
    production_env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/kankernl"
    values = read_settings("WAGTAILSEARCH_BACKENDS", settings_module=PRODUCTION, **production_env)
    assert "'SEARCH_CONFIG': 'dutch'" in values["WAGTAILSEARCH_BACKENDS"]


def test_redis_cache_when_redis_url_is_set(production_env):
    values = read_settings("CACHES", settings_module=PRODUCTION, **production_env)
    assert "django.core.cache.backends.redis.RedisCache" in values["CACHES"]
    assert "redis://127.0.0.1:6379/1" in values["CACHES"]


def test_development_defaults_to_sqlite_under_var():
    values = read_settings("DATABASES", "TASKS", settings_module="kankernl_site.settings.dev")
    assert "django.db.backends.sqlite3" in values["DATABASES"]
    assert "'CONN_MAX_AGE': 0" in values["DATABASES"]
    assert "'CONN_HEALTH_CHECKS': False" in values["DATABASES"]
    assert str(PROJECT_ROOT / "var" / "db.sqlite3") in values["DATABASES"]
    assert "django_tasks_db.DatabaseBackend" in values["TASKS"]


@pytest.mark.parametrize("value", ["5", "tien"])
def test_task_stale_after_seconds_must_be_a_number_of_at_least_ten(value):
    # Below ten seconds a heartbeat (every tenth of it) would be written more than once a second.
    result = run_manage("check", TASK_STALE_AFTER_SECONDS=value)
    assert_one_sentence_error(result, "TASK_STALE_AFTER_SECONDS")


LOG_LINE = "import logging; logging.getLogger('kankernl_site.probe').warning('hallo %s', 'wereld')"


def test_production_logs_one_json_object_per_line_on_stdout(production_env):
    result = run_manage("shell", f"--settings={PRODUCTION}", "-c", LOG_LINE, **production_env)

    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "kankernl_site.probe", "hallo wereld")
    assert "hallo" not in result.stderr


def test_production_logs_text_when_asked(production_env):
    result = run_manage(
        "shell", f"--settings={PRODUCTION}", "-c", LOG_LINE, DJANGO_LOG_FORMAT="text", **production_env
    )

    assert result.returncode == 0, result.stderr
    assert "WARNING kankernl_site.probe hallo wereld" in result.stderr


def test_an_unknown_log_format_stops_start_up(production_env):
    result = run_manage("check", f"--settings={PRODUCTION}", DJANGO_LOG_FORMAT="xml", **production_env)
    assert_one_sentence_error(result, "DJANGO_LOG_FORMAT")
