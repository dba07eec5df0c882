"""The 304 keeps the response's CORS headers (the agenda's JSON is read by scripts on other sites)."""

from django.http import HttpResponse
from django.test import RequestFactory

from kankernl_site.conditional_get import ConditionalGetMiddleware


def answer(response: HttpResponse, **headers) -> HttpResponse:
    request = RequestFactory().get("/agenda/json/", **headers)
    return ConditionalGetMiddleware(lambda request: response)(request)


def test_a_304_keeps_the_cors_headers():
    response = HttpResponse(b"{}", content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"
    etag = answer(response)["ETag"]

    again = answer(response, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert (again["Access-Control-Allow-Origin"], again["Access-Control-Expose-Headers"]) == ("*", "ETag")
    assert "Content-Type" not in again


def test_a_response_without_them_gets_none():
    response = HttpResponse(b"<p>hallo</p>")

    again = answer(response, HTTP_IF_NONE_MATCH=answer(response)["ETag"])

    assert again.status_code == 304
    assert not [name for name in again.headers if name.lower().startswith("access-control-")]
