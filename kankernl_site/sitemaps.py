from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from kankernl_site.absolute_urls import on_request_origin


class TranslatedPagesSitemap(Sitemap):
    """Wagtail's sitemap, extended to the page trees of every language.

    Wagtail lists the descendants of the site's root page only; our English pages live under the
    English translation of that root, a sibling in the page tree, so they would be left out.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_tree = Q()
        for translated_root in root.get_translations(inclusive=True):
            in_any_tree |= Q(path__startswith=translated_root.path)
        return Page.objects.filter(in_any_tree).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        # Wagtail writes each location with the host and port stored on the Site, whatever the
        # request came to (see kankernl_site.absolute_urls).
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = on_request_origin(url["location"], self.request)
        return urls
