"""The production settings for the services around the site (kankernl_site/settings/services.py):
persistent database connections, the shared cache, media storage and CDN purging, read as an
operator starts the site. Nothing here reaches the network: boto3 signs URLs locally, and the purge
backends are only built."""

import json

import pytest

from tests.kankernl_site.test_settings import PRODUCTION, assert_one_sentence_error, production_environment, run_manage

# Run in `manage.py shell` with the production settings; prints one JSON object.
SHOW_DATABASE = (
    "import json; from django.conf import settings; db = settings.DATABASES['default']; "
    "print(json.dumps({'max_age': db['CONN_MAX_AGE'], 'checks': db['CONN_HEALTH_CHECKS']}))"
)
SHOW_MEDIA = (
    "import json; from django.conf import settings; from django.core.files.storage import storages; "
    "print(json.dumps({'storages': settings.STORAGES['default'], 'class': type(storages['default']).__name__, "
    "'url': storages['default'].url('documents/programma.pdf'), "
    "'serve': getattr(settings, 'WAGTAILDOCS_SERVE_METHOD', None)}))"
)
SHOW_SENDFILE = (
    "import json; from django.conf import settings; "
    "print(json.dumps({name: getattr(settings, name, None) "
    "for name in ('SENDFILE_BACKEND', 'SENDFILE_ROOT', 'SENDFILE_URL')}))"
)
SHOW_FRONTEND_CACHE = (
    "import json; from django.conf import settings; "
    "from wagtail.contrib.frontend_cache.utils import get_backends; "
    "print(json.dumps({'setting': settings.WAGTAILFRONTENDCACHE, "
    "'built': {name: type(backend).__name__ for name, backend in get_backends().items()}}))"
)


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    return production_environment(tmp_path)


def shell(code: str, env: dict[str, str]) -> dict:
    result = run_manage("shell", f"--settings={PRODUCTION}", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_keeps_database_connections_open_with_health_checks(production_env):
    assert shell(SHOW_DATABASE, production_env) == {"max_age": 600, "checks": True}


def test_the_environment_can_close_connections_after_each_request(production_env):
    env = {**production_env, "DATABASE_CONN_MAX_AGE": "0", "DATABASE_CONN_HEALTH_CHECKS": "0"}
    assert shell(SHOW_DATABASE, env) == {"max_age": 0, "checks": False}


def test_production_without_redis_refuses_to_start(production_env):
    del production_env["REDIS_URL"]
    result = run_manage("check", f"--settings={PRODUCTION}", **production_env)
    assert_one_sentence_error(result, "REDIS_URL")
    assert "DJANGO_ALLOW_LOCAL_CACHE=1" in result.stderr


def test_a_single_process_install_may_keep_the_cache_in_memory(production_env):
    del production_env["REDIS_URL"]
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    production_env["DJANGO_ALLOW_LOCAL_CACHE"] = "1"
    result = run_manage("shell", f"--settings={PRODUCTION}", "-c", code, **production_env)
    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.locmem.LocMemCache", result.stderr


def test_media_on_local_disk_without_a_bucket(production_env):
    media = shell(SHOW_MEDIA, production_env)
    assert media["class"] == "FileSystemStorage"
    assert media["url"] == "/media/documents/programma.pdf"
    assert media["serve"] is None  # Wagtail serves documents itself from the disk


def test_wagtail_streams_documents_itself_unless_nginx_is_named(production_env):
    assert shell(SHOW_SENDFILE, production_env) == {
        "SENDFILE_BACKEND": None,
        "SENDFILE_ROOT": None,
        "SENDFILE_URL": None,
    }


def test_nginx_sends_documents_from_media_root_when_its_location_is_named(production_env):
    env = {**production_env, "DJANGO_SENDFILE_URL": "/_documents/", "MEDIA_ROOT": "/srv/kankernl/var/media"}
    assert shell(SHOW_SENDFILE, env) == {
        "SENDFILE_BACKEND": "django_sendfile.backends.nginx",
        "SENDFILE_ROOT": "/srv/kankernl/var/media",
        "SENDFILE_URL": "/_documents/",
    }


def test_a_bucket_wins_over_nginx_which_cannot_reach_it(production_env):
    env = {
        **production_env,
        "DJANGO_SENDFILE_URL": "/_documents/",
        "AWS_STORAGE_BUCKET_NAME": "kankernl-media",
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
    }
    assert shell(SHOW_SENDFILE, env)["SENDFILE_BACKEND"] is None
    assert shell(SHOW_MEDIA, env)["serve"] == "redirect"


def test_media_in_an_s3_bucket_when_one_is_named(production_env):
    env = {
        **production_env,
        "AWS_STORAGE_BUCKET_NAME": "kankernl-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.nl",
        "AWS_S3_REGION_NAME": "nl-ams",
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
    }
    media = shell(SHOW_MEDIA, env)
    assert media["class"] == "S3Storage"
    options = media["storages"]["OPTIONS"]
    assert options["bucket_name"] == "kankernl-media"
    assert options["file_overwrite"] is False
    assert options["default_acl"] is None
    assert options["endpoint_url"] == "https://s3.example.nl"
    assert options["region_name"] == "nl-ams"
    # A private bucket by default: links are signed (by boto3, here, without a request).
    assert media["url"].startswith("https://s3.example.nl/kankernl-media/documents/programma.pdf?")
    assert "Signature=" in media["url"] or "X-Amz-Signature=" in media["url"]
    # Documents still pass through /documents/ (privacy, download count), then go to the bucket.
    assert media["serve"] == "redirect"


def test_media_behind_a_public_domain_are_linked_unsigned(production_env):
    env = {
        **production_env,
        "AWS_STORAGE_BUCKET_NAME": "kankernl-media",
        "AWS_S3_CUSTOM_DOMAIN": "media.example.nl",
        "AWS_QUERYSTRING_AUTH": "0",
    }
    media = shell(SHOW_MEDIA, env)
    assert media["url"] == "https://media.example.nl/documents/programma.pdf"
    assert media["storages"]["OPTIONS"]["querystring_auth"] is False


def test_no_cdn_purging_unless_configured(production_env):
    assert shell(SHOW_FRONTEND_CACHE, production_env) == {"setting": {}, "built": {}}


def test_cdn_purging_from_the_environment(production_env):
    env = {
        **production_env,
        "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081, http://10.0.0.2:6081",
        "CLOUDFLARE_ZONEID": "zone-1",
        "CLOUDFLARE_API_TOKEN": "token-1",
        "CLOUDFRONT_DISTRIBUTION_ID": "E123",
        "AWS_DEFAULT_REGION": "eu-west-1",
    }
    frontend = shell(SHOW_FRONTEND_CACHE, env)
    assert frontend["built"] == {
        "http1": "HTTPBackend",
        "http2": "HTTPBackend",
        "cloudflare": "CloudflareBackend",
        "cloudfront": "CloudfrontBackend",
    }
    assert frontend["setting"]["http2"]["LOCATION"] == "http://10.0.0.2:6081"
    assert frontend["setting"]["cloudflare"]["BEARER_TOKEN"] == "token-1"
    assert frontend["setting"]["cloudfront"]["DISTRIBUTION_ID"] == "E123"


def test_cloudflare_without_its_token_stops_start_up(production_env):
    result = run_manage("check", f"--settings={PRODUCTION}", CLOUDFLARE_ZONEID="zone-1", **production_env)
    assert_one_sentence_error(result, "CLOUDFLARE_API_TOKEN")
