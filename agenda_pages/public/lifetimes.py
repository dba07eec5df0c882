"""How long browsers and shared caches (a CDN, a caching proxy) may keep the agenda's addresses.

The agenda, its embed and print pages and its feeds are the same for every anonymous visitor, and
they are what a CDN in front of the site should answer: ``Cache-Control: public`` with ``s-maxage``
for the shared cache and a shorter ``max-age`` for browsers, which no purge reaches. A publish purges
the unfiltered addresses (``purging``); a filtered one (``?theme=...``) is kept until it expires,
which is why the lifetimes are minutes. Feeds are polled by calendar apps and feed readers, which
keep their own pace, and get one longer lifetime for both.

Logged-in visitors (their pages may show the admin's user bar and drafts' state), responses that set
a cookie and anything but GET or HEAD are ``private`` and never stored.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from agenda_pages import conf
from agenda_pages.models import AgendaIndexPage

PAGE_ROUTES = frozenset({"index_route", "embed", "print"})
FEED_ROUTES = frozenset({"ical", "rss", "json"})


def _route_name(request: HttpRequest) -> str | None:
    match = getattr(request, "routable_resolver_match", None)
    return match.url_name if match is not None else None


def _is_shared(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method in ("GET", "HEAD")
        and not (user is not None and user.is_authenticated)
        and not response.cookies
        # A page that read the CSRF token is tied to this visitor's cookie.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def set_lifetime(request: HttpRequest, response: HttpResponse, route: str | None) -> None:
    if route not in PAGE_ROUTES | FEED_ROUTES or "Cache-Control" in response:
        return
    if not _is_shared(request, response):
        patch_cache_control(response, private=True)
        add_never_cache_headers(response)
        return
    if response.status_code != 200:
        return
    if route in FEED_ROUTES:
        browser = shared = conf.feed_cache_seconds()
    else:
        browser, shared = conf.browser_cache_seconds(), conf.page_cache_seconds()
    patch_cache_control(response, public=True, max_age=browser, s_maxage=shared)


def with_cache_lifetimes(serve):
    """``on_serve_page`` hook: the agenda's routes get their ``Cache-Control``."""

    def serve_page(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        if not isinstance(page, AgendaIndexPage):
            return response
        route = _route_name(request)
        if getattr(response, "is_rendered", True):
            set_lifetime(request, response, route)
        else:  # a template response: whether it read the CSRF token is known once it is rendered
            response.add_post_render_callback(lambda rendered: set_lifetime(request, rendered, route))
        return response

    return serve_page
