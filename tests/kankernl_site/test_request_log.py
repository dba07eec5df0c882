"""Request ids and the JSON log lines: every line of a request carries the id sent back in
``X-Request-ID``; a malformed incoming id is replaced; an exception is one line; paths are logged
without query string or tokens; a task's lines carry the task's id."""

import io
import json
import logging
import re

import pytest
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory
from django.urls import ResolverMatch, path

from kankernl_site.log_format import REQUEST_FIELDS, ContextFilter, JsonFormatter, TextFormatter, current_task_id
from kankernl_site.request_log import (
    RequestLogMiddleware,
    clean_request_id,
    loggable_path,
    task_finished,
    task_started,
)

view_logger = logging.getLogger("tests.request_log.view")


def logging_view(request):
    view_logger.warning("de view zegt iets")
    return HttpResponse("ok")


def failing_view(request):
    raise RuntimeError("kapot\nover twee regels")


def token_view(request, token):
    return HttpResponse("ok")


def unknown_token_view(request, token):
    return HttpResponseNotFound("onbekend")


urlpatterns = [
    path("logt/", logging_view),
    path("faalt/", failing_view),
    path("meldingen/bevestigen/<str:token>/", token_view),
    path("meldingen/afmelden/<str:token>/", unknown_token_view),
]


@pytest.fixture
def json_lines():
    """Everything logged while the test runs, as the production handler writes it: parsed lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    previous_level, access_level = root.level, logging.getLogger("kankernl_site.access").level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("kankernl_site.access").setLevel(logging.INFO)

    def lines() -> list[dict]:
        text = stream.getvalue()
        return [json.loads(line) for line in text.splitlines()]

    yield lines
    root.removeHandler(handler)
    root.setLevel(previous_level)
    logging.getLogger("kankernl_site.access").setLevel(access_level)


@pytest.fixture
def test_urls(settings):
    settings.ROOT_URLCONF = __name__


def test_every_line_of_a_request_carries_the_id_sent_back(client, json_lines, test_urls):
    response = client.get("/logt/?postcode=3511AB")

    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    view_line, access_line = json_lines()
    assert view_line["message"] == "de view zegt iets" and view_line["level"] == "WARNING"
    assert view_line["request_id"] == access_line["request_id"] == request_id
    assert access_line["logger"] == "kankernl_site.access"
    assert access_line["message"] == "GET /logt/ 200"
    assert (access_line["method"], access_line["path"], access_line["status"]) == ("GET", "/logt/", 200)
    assert isinstance(access_line["duration_ms"], float) and access_line["duration_ms"] >= 0
    assert set(access_line) == {"time", "level", "logger", "message", "request_id", *REQUEST_FIELDS}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", access_line["time"])


def test_the_proxys_id_is_kept(client, json_lines, test_urls):
    response = client.get("/logt/", headers={"X-Request-ID": "3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b"})

    assert response["X-Request-ID"] == "3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b"
    assert {line["request_id"] for line in json_lines()} == {"3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b"}


@pytest.mark.parametrize(
    "incoming", ["", "a" * 65, "id met spaties", 'abc\n{"level": "ERROR"}', "<script>", "ïd", "../etc"]
)
def test_a_malformed_incoming_id_is_replaced(incoming):
    replaced = clean_request_id(incoming)

    assert replaced != incoming
    assert re.fullmatch(r"[0-9a-f]{32}", replaced)


def test_a_malformed_id_never_reaches_the_log_or_the_response(client, json_lines, test_urls):
    response = client.get("/logt/", headers={"X-Request-ID": "x" * 200})

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert {line["request_id"] for line in json_lines()} == {response["X-Request-ID"]}


def test_an_exception_is_one_line_with_the_traceback_in_exc(client, json_lines, test_urls):
    client.raise_request_exception = False

    response = client.get("/faalt/")

    assert response.status_code == 500
    error_line, access_line = json_lines()
    assert error_line["logger"] == "django.request" and error_line["level"] == "ERROR"
    assert error_line["request_id"] == access_line["request_id"] == response["X-Request-ID"]
    assert "Traceback (most recent call last)" in error_line["exc"]
    assert "RuntimeError: kapot\nover twee regels" in error_line["exc"]
    assert access_line["status"] == 500


def test_paths_are_logged_without_query_string_or_token(client, json_lines, test_urls):
    client.get("/meldingen/bevestigen/geheim-token-123/?email=iemand@example.nl")

    (access_line,) = json_lines()
    assert access_line["path"] == "/meldingen/bevestigen/<token>/"
    assert "geheim" not in json.dumps(access_line) and "example.nl" not in json.dumps(access_line)


def test_djangos_own_line_about_an_error_answer_has_the_id_and_no_token(client, db, json_lines, test_urls):
    response = client.get("/meldingen/afmelden/geheim-token-456/")

    access_line, not_found_line = json_lines()
    assert response.status_code == 404
    assert not_found_line["logger"] == "django.request"
    assert not_found_line["message"] == "Not Found: /meldingen/afmelden/<token>/"
    assert not_found_line["request_id"] == access_line["request_id"] == response["X-Request-ID"]
    assert "geheim" not in json.dumps(json_lines())


def test_the_id_is_gone_after_the_request(client, json_lines, test_urls):
    client.get("/logt/")
    logging.getLogger("tests.request_log.after").warning("na het verzoek")

    assert "request_id" not in json_lines()[-1]


def test_a_tasks_lines_carry_its_id_and_only_while_it_runs():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    logger = logging.getLogger("tests.request_log.task")
    logger.addHandler(handler)
    task_result = type("TaskResult", (), {"id": "taak-1"})()

    task_started(sender=None, task_result=task_result)
    logger.warning("tijdens de taak")
    task_finished(sender=None, task_result=task_result)
    logger.warning("erna")
    logger.removeHandler(handler)

    during, after = (json.loads(line) for line in stream.getvalue().splitlines())
    assert during["task_id"] == "taak-1" and "request_id" not in during
    assert "task_id" not in after
    assert current_task_id.get() is None


def test_text_lines_name_the_request_for_a_person_reading_a_terminal():
    record = logging.LogRecord("kankernl_site.access", logging.INFO, __file__, 1, "GET %s %s", ("/", 200), None)
    record.request_id = "abc123"

    line = TextFormatter().format(record)

    assert line.endswith("INFO kankernl_site.access [abc123] GET / 200")


def test_the_middleware_sets_the_id_on_the_request():
    seen = {}

    def view(request):
        seen["id"] = request.request_id
        return HttpResponse()

    response = RequestLogMiddleware(view)(RequestFactory().get("/"))

    assert response["X-Request-ID"] == seen["id"]


def test_a_token_in_a_wagtail_sub_route_is_left_out_too():
    # The e-learning's sign-in link: a RoutablePage route, matched by Wagtail rather than the URLconf.
    request = RequestFactory().get("/e-learning/voortgang/link/geheim123/")
    request.routable_resolver_match = ResolverMatch(token_view, (), {"token": "geheim123"})

    assert loggable_path(request) == "/e-learning/voortgang/link/<token>/"
