"""How log records look: one JSON object per line in production, plain text in development.

Every record carries the id of the request (or the task) it was written for, whichever code wrote
it: the request-log middleware (``request_log.py``) and the worker's task signals put the id in a
context variable, and :class:`ContextFilter` copies it onto each record. Standard library only, so
the logging configuration can load this module before Django's apps are ready.
"""

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

# Set for the duration of one request (request_log.RequestLogMiddleware) or one task in the worker.
current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)
current_task_id: ContextVar[str | None] = ContextVar("current_task_id", default=None)

# What the access log line adds to a record (``extra=``), in the order a person reads them.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")


class ContextFilter(logging.Filter):
    """Adds ``request_id`` and ``task_id`` (None outside one) to every record; filters nothing.

    A record about a request (Django's "Not Found: <path>", with the request in ``extra``) gets
    the path as the access line logs it, without tokens (``request_log.loggable_path``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = current_request_id.get()
        if getattr(record, "task_id", None) is None:
            record.task_id = current_task_id.get()
        request = getattr(record, "request", None)
        path_for_logs = getattr(request, "path_for_logs", None)
        if path_for_logs is not None and isinstance(record.args, tuple):
            safe_path = path_for_logs()
            record.args = tuple(safe_path if arg == request.path else arg for arg in record.args)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line: ``time`` (UTC, milliseconds), ``level``, ``logger``,
    ``message``, then ``request_id``/``task_id`` and the request fields when present, and ``exc``
    with the whole traceback as one string (newlines escaped, so still one line)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in ("request_id", "task_id", *REQUEST_FIELDS):
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # default=str: a message argument of any type must never make logging itself fail.
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """For a person at a terminal: time, level, logger, the request or task id when there is one,
    the message (and a traceback on the lines below)."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s%(context)s %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        ids = [value for value in (getattr(record, "request_id", None), getattr(record, "task_id", None)) if value]
        record.context = f" [{' '.join(ids)}]" if ids else ""
        return super().formatMessage(record)
