"""gunicorn settings for one web node: ``gunicorn -c deploy/gunicorn.conf.py kankernl_site.wsgi``.

Every value can be changed from the environment, so the same file serves a small and a large
machine; the command line (``--bind``, ``--workers``) wins over both.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# One address per node; nginx (deploy/nginx/kankernl.conf) balances over the nodes.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers: the pages are rendered from the database and cached, nothing streams for long, and
# nginx buffers slow clients, so a worker is never held by a slow phone. gunicorn's rule of thumb,
# two per core plus one, capped so a large machine does not open more database connections than
# PostgreSQL's max_connections allows across all nodes (see docs/scaling.md).
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9))
worker_class = "sync"

# A worker is replaced after this many requests (plus a random part, so they do not all restart at
# once): whatever a long-running process slowly accumulates is given back.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# A request that takes longer than this is killed; nginx waits a little longer (proxy_read_timeout)
# so the visitor gets nginx's error page rather than a reset connection.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 20)
# nginx keeps connections to the nodes open (upstream keepalive); a little longer than nginx's idle.
keepalive = _int("GUNICORN_KEEPALIVE", 75)

# Load the application once in the master and fork the workers: less memory per worker, and a
# broken configuration fails at start instead of in every worker. Database and cache connections
# are opened lazily, after the fork.
preload_app = True

# X-Forwarded-Proto is trusted only from the proxy on this machine (nginx).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# The application logs one structured line per request itself (with the request id), so gunicorn's
# access log stays off; its own messages go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
