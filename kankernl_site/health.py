"""``/healthz``: whether this node can serve visitors, and how the background work is doing.

A load balancer takes a node out of rotation on a 503, so only what this node needs to answer a
request decides it: the database and the shared cache. A stopped worker or an import that has not
succeeded for hours is the same on every node; taking all of them out would turn a late agenda
into no site at all. Those two are reported in the body ("degraded") for monitoring, which can ask
``/healthz?strict=1`` to get a 503 for them too.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import uuid4

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Max, Min
from django_tasks_db.models import DBTaskResult

from agenda_pages.models import FeedSource
from kankernl_site.task_recovery import stale_tasks

# A task enqueued this long ago and still waiting: no worker is taking work from the queue.
WORKER_WAIT_LIMIT = timedelta(minutes=15)
# The hourly import round leaves a successful import at most an hour or two old.
IMPORT_AGE_LIMIT = timedelta(hours=6)


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"ok": self.ok, **self.detail}


def _failure(exc: Exception) -> Check:
    # The class name only: a message may hold a host name or a password from a URL.
    return Check(False, {"error": type(exc).__name__})


def check_database(connection=None) -> Check:
    connection = connection or connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver's error means the same: this node cannot read pages
        return _failure(exc)
    return Check(True)


def check_cache(cache=None) -> Check:
    """A write and a read of a key of its own: the cache holds the content version and the rate
    limits that every node must share."""
    cache = cache or caches["default"]
    key, token = f"healthz:{uuid4().hex}", uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        readable = cache.get(key) == token
        cache.delete(key)
    except Exception as exc:
        return _failure(exc)
    return Check(True) if readable else Check(False, {"error": "value not read back"})


def _age(now: datetime, moment: datetime | None) -> int | None:
    return None if moment is None else max(0, int((now - moment).total_seconds()))


def check_worker(now: datetime) -> Check:
    """From the database queue (django-tasks-db): the oldest task waiting to run, the last one that
    finished, and the running tasks whose worker stopped (killed, out of memory) before the
    scheduler queues them again (``task_recovery``). The scheduler enqueues the import every hour,
    so a running worker always has a recent finished task and no long-waiting one."""
    waiting = DBTaskResult.objects.ready().aggregate(oldest=Min("enqueued_at"))["oldest"]
    finished = DBTaskResult.objects.finished().aggregate(last=Max("finished_at"))["last"]
    orphaned = stale_tasks(now).count()
    waited = _age(now, waiting)
    ok = (waited is None or waited <= WORKER_WAIT_LIMIT.total_seconds()) and not orphaned
    detail = {
        "oldest_waiting_seconds": waited,
        "last_finished_seconds_ago": _age(now, finished),
        "tasks_of_stopped_workers": orphaned,
    }
    return Check(ok, detail)


def check_import(now: datetime) -> Check:
    """How long ago any active feed last imported successfully; fine while no feed is set up."""
    active = FeedSource.objects.filter(is_active=True)
    last = active.aggregate(last=Max("last_success_at"))["last"]
    if last is None:
        return Check(not active.exists(), {"last_success_seconds_ago": None})
    age = _age(now, last)
    return Check(age <= IMPORT_AGE_LIMIT.total_seconds(), {"last_success_seconds_ago": age})


def report(now: datetime, *, strict: bool = False, database: Check | None = None, cache: Check | None = None):
    """The status code and JSON body of ``/healthz``."""
    database = database or check_database()
    cache = cache or check_cache()
    checks = {"database": database, "cache": cache}
    if database.ok:  # the other two read the database
        checks["worker"] = check_worker(now)
        checks["import"] = check_import(now)
    serving = database.ok and cache.ok
    background = all(check.ok for name, check in checks.items() if name in ("worker", "import"))
    status = "ok" if serving and background else ("degraded" if serving else "failing")
    code = 200 if serving and (background or not strict) else 503
    return code, {
        "status": status,
        "time": now.isoformat(),
        "checks": {name: check.as_json() for name, check in checks.items()},
    }
