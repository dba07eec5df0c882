from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from agenda_pages.moderation.reports import page_types_usage_urlpatterns
from kankernl_site import views
from kankernl_site.sitemaps import TranslatedPagesSitemap

urlpatterns = [
    *page_types_usage_urlpatterns,  # before Wagtail's admin, which has the same addresses
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's view, not Django's: it hands the request to the sitemap, which then lists the
    # request's site at the request's host and port.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedPagesSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon),
    # Probed by load balancers over plain HTTP: outside the language prefixes, never redirected
    # to HTTPS (SECURE_REDIRECT_EXEMPT in production settings), never cached.
    path("healthz", views.healthz, name="healthz"),
    path("", include("usage.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static as media_static

    urlpatterns += media_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch is served without a prefix, English under /en/; "search/" is translated to "zoeken/".
urlpatterns += i18n_patterns(
    path(_("search/"), views.search, name="search"),
    path(_("alerts/"), include("alerts.urls")),
    path("", include("elearning_pages.videos.urls")),  # the video counter, before Wagtail's pages
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
