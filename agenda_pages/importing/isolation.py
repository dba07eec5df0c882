"""Run a parser in a fresh worker process with CPU, memory and wall-clock limits.

A hostile or broken feed (a rule that expands for minutes, a body that balloons in memory) must not
take the web or task worker down with it. Each call runs in a new process forked from a small
"forkserver" process that has the parsing modules (which do not import Django) loaded once: no Django
database connection, thread or icalendar time-zone cache is shared with the caller or between
feeds, and a parse does not pay for starting Python and importing icalendar each time (it did with
the "spawn" start method: about a tenth of a second per feed).

Fetching runs here too (:mod:`.fetch`), for the wall-clock limit alone: killing the child is the
one way to stop a server that trickles its headers or a name lookup that hangs.
"""

import multiprocessing
import resource
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .types import FeedFormat, FeedParseError, ParseLimits, ParseResult

STREAM_BATCH = 250  # parsed events per message from the worker
PARSE_WALL_SECONDS = 60

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(
    [
        "agenda_pages.importing.parse_ics",
        "agenda_pages.importing.parse_tec",
        "agenda_pages.importing.parse_jsonld",
        "agenda_pages.importing.fetch",
    ]
)


class IsolatedTimeout(FeedParseError):
    """The child was stopped because it ran past its wall-clock limit."""


def run_isolated(
    func: Callable[..., Any],
    *args: Any,
    cpu_seconds: int = 20,
    memory_bytes: int = 512 * 1024 * 1024,
    wall_seconds: float = PARSE_WALL_SECONDS,
    **kwargs: Any,
) -> Any:
    """Return ``func(*args, **kwargs)`` computed in a child process; ``func`` must be a top-level function.

    A FeedParseError raised in the child is raised again here; running out of CPU time, memory or
    wall-clock time becomes a FeedParseError too (for wall-clock time, :class:`IsolatedTimeout`).
    Other exceptions from ``func`` are raised again as they are when they pickle.
    """
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(
        target=_child, args=(sender, func, args, kwargs, cpu_seconds, memory_bytes), daemon=True
    )
    deadline = time.monotonic() + wall_seconds  # starting the child counts too
    process.start()
    sender.close()
    events = []
    try:
        while True:
            if not receiver.poll(max(0.0, deadline - time.monotonic())):
                raise IsolatedTimeout(
                    f"Reading the feed took too long (more than {wall_seconds:g} seconds) and was stopped."
                )
            try:
                outcome, value = receiver.recv()
            except EOFError:
                raise FeedParseError(_death_message(process, cpu_seconds)) from None
            if outcome != "events":
                break
            events.extend(value)
    finally:
        receiver.close()
        _stop(process)
    if outcome == "error":
        raise value
    return replace(value, events=tuple(events)) if events else value


def _child(sender, func, args, kwargs, cpu_seconds: int, memory_bytes: int) -> None:
    # The soft limit sends SIGXCPU (which kills the child); the hard limit one second later is a backstop.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        result = ("ok", func(*args, **kwargs))
    except MemoryError:
        result = ("error", FeedParseError("Reading the feed used too much memory and was stopped."))
    except Exception as error:  # handed to the parent, which raises it there
        if not isinstance(error, FeedParseError):
            # A traceback does not pickle; as a note it travels with the error into the parent's log.
            error.add_note("In the parsing process:\n" + traceback.format_exc())
        result = ("error", error)
    try:
        if result[0] == "ok" and isinstance(result[1], ParseResult) and result[1].events:
            # In batches: one message with every event would be held whole, as bytes, next to the
            # events unpickled from it, and make the importer's peak memory several times the feed.
            events = result[1].events
            for start in range(0, len(events), STREAM_BATCH):
                sender.send(("events", events[start : start + STREAM_BATCH]))
            result = ("ok", replace(result[1], events=()))
        sender.send(result)
    except Exception as error:  # the result or the exception does not pickle
        sender.send(("error", FeedParseError(f"The feed's parse result could not be returned: {error}")))
    finally:
        sender.close()


def _death_message(process, cpu_seconds: int) -> str:
    process.join(5)
    if process.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):  # SIGKILL: the hard CPU limit, or out of memory
        return f"Reading the feed took too long (more than {cpu_seconds} seconds of processing) and was stopped."
    return f"Reading the feed stopped unexpectedly (exit code {process.exitcode}); it may have used too much memory."


def _stop(process) -> None:
    if process.is_alive():
        process.kill()
    process.join()
    process.close()


def parse_feed_isolated(
    data: bytes,
    fmt: FeedFormat,
    *,
    limits: ParseLimits,
    cpu_seconds: int = 20,
    memory_bytes: int = 512 * 1024 * 1024,
    wall_seconds: float = PARSE_WALL_SECONDS,
    **options: Any,
) -> ParseResult:
    """Parse one feed of a known format in a limited child process (see :func:`run_isolated`).

    ``options`` go to the TEC and JSON-LD parsers (the iCalendar parser takes none).
    """
    return run_isolated(
        _parse_feed,
        data,
        fmt,
        limits,
        options,
        cpu_seconds=cpu_seconds,
        memory_bytes=memory_bytes,
        wall_seconds=wall_seconds,
    )


def _parse_feed(data: bytes, fmt: FeedFormat, limits: ParseLimits, options: dict) -> ParseResult:
    if fmt == FeedFormat.ICS:
        from .parse_ics import parse_ics  # imported lazily: only the child needs it

        return parse_ics(data, limits=limits)
    if fmt == FeedFormat.TEC_JSON:
        from .parse_tec import parse_tec

        return parse_tec(data, limits=limits, **options)
    if fmt == FeedFormat.JSONLD:
        from .parse_jsonld import parse_jsonld

        return parse_jsonld(data, limits=limits, **options)
    raise FeedParseError(f"Unsupported feed format {fmt!r}; detect the format before parsing.")
