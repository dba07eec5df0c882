from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from .centres import CentrePage
from .events import Audience, EventThemeTag


class AgendaIndexPage(RoutablePageMixin, Page):
    """ "Agenda": the upcoming dates of all live events, filterable, 20 to a page.

    Lists occurrences rather than pages, so a weekly group shows on each day it meets. Serves the
    re-distribution feeds from the same selector, so every filter works there too.
    """

    PAGE_SIZE = 20

    intro = models.TextField(gettext_lazy("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = gettext_lazy("agenda")
        verbose_name_plural = gettext_lazy("agendas")

    def get_context(self, request, *args, **kwargs):
        # Deferred: the selectors read these models.
        from agenda_pages import geo, selectors
        from agenda_pages.filters import RADIUS_CHOICES_KM, parse_filters

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        today = timezone.localdate(now)
        choices = filter_choices()
        parsed = parse_filters(
            request.GET,
            today=today,
            themes=choices.themes,
            centres=choices.centres,
            audiences=choices.audiences,
        )
        paginator = Paginator(selectors.agenda_occurrences(parsed.filters, now), self.PAGE_SIZE)
        messages = parsed.messages
        number = parsed.page_number
        if number > paginator.num_pages:
            messages.append(_("There is no page %(page)s; this is the last page.") % {"page": number})
            number = paginator.num_pages
        page_obj = paginator.page(number)
        context.update(
            filters=parsed.filters,
            today=today,
            provinces=geo.PROVINCES,
            radius_choices=sorted({*RADIUS_CHOICES_KM, parsed.filters.radius}),
            chosen_centres=[(slug, choices.centres[slug]) for slug in parsed.filters.centres],
            filter_messages=messages,
            choices=choices,
            page_obj=page_obj,
            items=selectors.with_details(page_obj.object_list),
            result_count=paginator.count,
            pagination_query=parsed.filters.querystring(),
        )
        return context


class FilterChoices:
    """What the filter form offers: themes in use, live centres, audiences (slug to name)."""

    def __init__(self):
        used = EventThemeTag.objects.filter(content_object__live=True).values("tag_id")
        self.themes = dict(Tag.objects.filter(id__in=used).order_by("name").values_list("slug", "name"))
        self.centres = dict(CentrePage.objects.live().order_by("title").values_list("slug", "title"))
        self.audiences = {code: str(label) for code, label in Audience.Code.choices}


def filter_choices() -> FilterChoices:
    return FilterChoices()
