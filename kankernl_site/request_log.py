"""A request id for every request and task, and one access log line per request.

The id comes from the proxy's ``X-Request-ID`` header (nginx: ``proxy_set_header X-Request-ID
$request_id``) when it is a short token, or is made here (a uuid4 in hex); it is kept in a context
variable so that every log line written while the request runs carries it (``log_format.py``), and
it is sent back in the response's ``X-Request-ID`` so a visitor's report can be matched to the logs.

The access line has the method, the path, the status and the duration. Never the query string (an
agenda search holds a postcode, a link from an alert mail a token) nor the secret part of a path:
the alerts' confirm, manage and unsubscribe links and the e-learning's sign-in link carry a token
in the path, which the line replaces by ``<token>``. So gunicorn's own access log can stay off.
"""

import functools
import logging
import re
import time
import uuid

from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse
from django_tasks.signals import task_finished as finished_signal
from django_tasks.signals import task_started as started_signal

from .log_format import current_request_id, current_task_id

access_logger = logging.getLogger("kankernl_site.access")

REQUEST_ID_HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; anything longer or with other characters is not from it.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
# Names of URL parameters whose values are secrets (alerts/urls.py, elearning's sign_in route).
SECRET_URL_PARAMETERS = frozenset({"token"})
# Load balancers probe every few seconds; their successful probes would drown the access log.
QUIET_PATHS = frozenset({"/healthz"})


def clean_request_id(value: str | None) -> str:
    """The incoming id when it is short and made of letters, digits and dashes, else a new one."""
    if value and VALID_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def loggable_path(request: HttpRequest) -> str:
    """The path without the query string, with secret URL parameters replaced by their name."""
    path = request.path
    for match in (getattr(request, "resolver_match", None), getattr(request, "routable_resolver_match", None)):
        for name, value in match.kwargs.items() if match is not None else ():
            if name in SECRET_URL_PARAMETERS and value:
                path = path.replace(f"/{value}/", f"/<{name}>/")
    return path


class RequestLogMiddleware:
    """First in ``MIDDLEWARE``: sets the request id before anything can log, and times the whole
    answer, page cache and static files included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = clean_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        # For the lines Django itself writes about this request ("Not Found: <path>"): the path
        # as the access line has it (ContextFilter uses it).
        request.path_for_logs = functools.partial(loggable_path, request)
        # Kept until the response is closed (request_finished), not only until it leaves here:
        # Django logs a 404 or other error answer after the middleware has returned it.
        current_request_id.set(request_id)
        started = time.monotonic()
        # Django turns an exception in a view or middleware below into a 500 response (and logs
        # it, with this id), so a response always comes back here.
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        self.log(request, response, duration_ms=(time.monotonic() - started) * 1000)
        return response

    def log(self, request: HttpRequest, response: HttpResponse, *, duration_ms: float) -> None:
        path = loggable_path(request)
        status = response.status_code
        level = logging.DEBUG if path in QUIET_PATHS and status < 400 else logging.INFO
        access_logger.log(
            level,
            "%s %s %s",
            request.method,
            path,
            status,
            extra={"method": request.method, "path": path, "status": status, "duration_ms": round(duration_ms, 1)},
        )


# The worker (manage.py db_worker) runs one task after another; while one runs, its log lines carry
# its id. A task run at once inside a request (the immediate backend of the tests) keeps the
# request's id too. What the id was before each task, to put back when it ends.
_previous_task_ids: dict[str, str | None] = {}


def task_started(sender, task_result, **kwargs) -> None:
    _previous_task_ids[str(task_result.id)] = current_task_id.get()
    current_task_id.set(str(task_result.id))


def task_finished(sender, task_result, **kwargs) -> None:
    current_task_id.set(_previous_task_ids.pop(str(task_result.id), None))


def request_ended(sender, **kwargs) -> None:
    current_request_id.set(None)


def connect_signals() -> None:
    """Called once from ``KankernlSiteConfig.ready``."""
    request_finished.connect(request_ended, dispatch_uid="kankernl_site.request_log.request_ended")
    started_signal.connect(task_started, dispatch_uid="kankernl_site.request_log.task_started")
    finished_signal.connect(task_finished, dispatch_uid="kankernl_site.request_log.task_finished")
