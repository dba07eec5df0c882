"""Settings for the services outside Django that an install may use, each read from the environment:
the shared cache (Redis), media storage (S3-compatible) and the purging of a CDN or caching proxy.

Each function returns a settings value and does not touch the network: boto3 and the purge backends
only connect when a file is stored or a page purged.
"""

from .env import SettingsError, env_bool, env_list, env_str

LOCAL_CACHE_OPT_OUT = "DJANGO_ALLOW_LOCAL_CACHE"


def default_cache(redis_url: str | None, *, require_shared: bool) -> dict:
    """The ``default`` cache: Redis at ``redis_url``, else this process's memory.

    With ``require_shared`` (production) a missing ``REDIS_URL`` stops start-up unless the operator
    said that one process is all there is: the page cache's content version, the rate limits and the
    stored pages must be the same for every worker, and with per-process memory a publish reaches
    only the worker that handled it and each worker counts its own rate limits.
    """
    if redis_url:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "kankernl"),
        }
    if require_shared and not env_bool(LOCAL_CACHE_OPT_OUT, False):
        raise SettingsError(
            "the environment variable REDIS_URL is required in production, because the page cache, rate "
            "limits and content version must be shared by every process "
            f"(set {LOCAL_CACHE_OPT_OUT}=1 for an install that runs a single process)."
        )
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def media_storage() -> dict:
    """``STORAGES["default"]``: an S3-compatible bucket when ``AWS_STORAGE_BUCKET_NAME`` is set, else
    ``MEDIA_ROOT`` on local disk.

    The keys come from boto3's own variables (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``) or
    the machine's role, never from settings. Uploads never overwrite: two editors uploading
    "programma.pdf" get two files, as on local disk.
    """
    bucket = env_str("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "file_overwrite": False,
            # The bucket's own policy decides who may read; no per-object ACL (many providers refuse them).
            "default_acl": None,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN"),
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "location": env_str("AWS_LOCATION", ""),
        },
    }


def uses_remote_media(storage: dict) -> bool:
    return storage["BACKEND"] != "django.core.files.storage.FileSystemStorage"


def frontend_cache() -> dict:
    """``WAGTAILFRONTENDCACHE``: which caches in front of the site to purge when content changes.

    Any of: ``FRONTEND_CACHE_PURGE_URL`` (comma-separated; an HTTP ``PURGE`` to each, as Varnish or
    nginx with a purge module take it), Cloudflare (``CLOUDFLARE_ZONEID`` with ``CLOUDFLARE_API_TOKEN``)
    and CloudFront (``CLOUDFRONT_DISTRIBUTION_ID``; keys as for boto3). None set: nothing is purged.
    """
    backends = {}
    for number, location in enumerate(env_list("FRONTEND_CACHE_PURGE_URL", []), start=1):
        backends[f"http{number}"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    zone = env_str("CLOUDFLARE_ZONEID")
    if zone:
        token = env_str("CLOUDFLARE_API_TOKEN", required=True)
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": token,
            "ZONEID": zone,
        }
    distribution = env_str("CLOUDFRONT_DISTRIBUTION_ID")
    if distribution:
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends
