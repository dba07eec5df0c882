"""Absolute addresses of our pages as the visitor reached the site: scheme, host and port of the request.

Wagtail's ``page.get_full_url(request)`` writes the host and port stored on the page's ``Site``; the
demo's says port 8000, so a site served on any other port (or behind a proxy under another name)
handed out share links, calendar entries and a sitemap that led nowhere. Where there is a request,
a page of the request's own site gets the request's origin; a page of another site keeps that
site's address. Without a request (mail, commands) the Site's address is all there is.
"""

from urllib.parse import urlsplit

from django.http import HttpRequest
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Page, Site


def page_full_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's absolute URL; "" for a page that has none (not routable, or outside every site)."""
    if request is None:
        return page.get_full_url() or ""
    url = page.get_url(request)  # relative for the request's site, absolute for another site
    return request.build_absolute_uri(url) if url else ""


def on_request_origin(url: str, request: HttpRequest) -> str:
    """``url`` as Wagtail wrote it from the request's Site record, moved to the request's origin.

    For code that only has Wagtail's full URLs (the sitemap's ``get_sitemap_urls``)."""
    site = Site.find_for_request(request)
    if site is None:
        return url
    root = site.root_url
    if url == root or url.startswith(root + "/"):
        return request.build_absolute_uri(urlsplit(url)._replace(scheme="", netloc="").geturl() or "/")
    return url


def mail_url(path: str) -> str:
    """An address for a mail, which is written without a request: a path of ours on
    ``WAGTAILADMIN_BASE_URL``; an address that is already absolute stays as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return (get_admin_base_url() or "").rstrip("/") + path
