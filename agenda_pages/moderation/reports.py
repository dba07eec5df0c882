"""The moderators' report "Agenda moderation": how many events wait for review at each centre and
for how long, and which centres' feeds are failing. Also Wagtail's "Page types usage" report,
narrowed so that it names only pages the user may explore.

Only moderators see it: it is guarded by the feed sources' "change" permission, which moderators
(and superusers) hold and centre staff and editors do not. It costs the same few queries however
many centres and events there are: the waiting events are counted per centre by the database.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn, Table, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowView

from agenda_pages.models import CentrePage, FeedSource
from agenda_pages.models.moderation import pending_event_reviews
from agenda_pages.moderation.access import explorable_pages
from agenda_pages.moderation.notifications import waiting_days
from kankernl_site.admin_dates import admin_date, admin_datetime
from kankernl_site.reports.moderators import ModeratorMenuItem, ModeratorsOnly

URL_NAME = "agenda_moderation_report"


@dataclass(frozen=True)
class CentreBacklog:
    centre: CentrePage
    pending: int
    oldest: datetime
    days: int


def centre_backlogs(now: datetime) -> list[CentreBacklog]:
    """Centres with events waiting for review, the longest waiting first (two queries)."""
    rows = list(pending_event_reviews().per_centre())
    centres = CentrePage.objects.in_bulk([row["centre_path"] for row in rows], field_name="path")
    return [
        CentreBacklog(centres[row["centre_path"]], row["pending"], row["oldest"], waiting_days(row["oldest"], now))
        for row in rows
        if row["centre_path"] in centres
    ]


def failing_sources():
    """Active feeds whose last imports failed or that wait for a moderator's look (one query)."""
    return FeedSource.objects.needing_attention().select_related("centre")


class AgendaModerationReportView(ModeratorsOnly, ReportView):
    page_title = _("Agenda moderation")
    header_icon = "calendar-check"
    index_url_name = URL_NAME
    results_template_name = "agenda_pages/admin/reports/agenda_moderation_results.html"
    paginate_by = None  # one row per centre: at most a few dozen

    def get_queryset(self):
        return centre_backlogs(timezone.now())

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "centre",
                label=_("Centre"),
                accessor=lambda row: row.centre.title,
                get_url=lambda row: reverse("wagtailadmin_explore", args=(row.centre.pk,)),
            ),
            NumberColumn("pending", label=_("Events waiting for review")),
            Column("oldest", label=_("Oldest waiting since"), accessor=lambda row: admin_date(row.oldest)),
            NumberColumn("days", label=_("Days waiting")),
        ]

    def failing_columns(self):
        return [
            TitleColumn(
                "centre",
                label=_("Centre"),
                accessor=lambda source: source.centre.title,
                get_url=lambda source: reverse("agenda_feeds:edit", args=(quote(source.pk),)),
            ),
            Column("url", label=_("Feed")),
            NumberColumn("consecutive_failures", label=_("Failures in a row")),
            Column(
                "problem",
                label=_("Problem"),
                accessor=lambda source: source.last_error or source.review_reason,
            ),
            Column(
                "last_success_at",
                label=_("Last success"),
                accessor=lambda source: admin_datetime(source.last_success_at),
            ),
        ]

    def get_table_kwargs(self):
        # The page has two tables; each is named by the heading above it.
        return {**super().get_table_kwargs(), "attrs": {"aria-labelledby": "agenda-pending-heading"}}

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["failing_table"] = Table(
            self.failing_columns(),
            list(failing_sources()),
            attrs={"aria-labelledby": "agenda-failing-heading"},
        )
        return context


def menu_item() -> MenuItem:
    return ModeratorMenuItem(
        _("Agenda moderation"), reverse(URL_NAME), name="agenda-moderation", icon_name="calendar-check", order=1300
    )


urlpatterns = [path("reports/agenda-moderation/", AgendaModerationReportView.as_view(), name=URL_NAME)]


class OwnPagesTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's "Page types usage" report names the most recently edited page of each type, whoever's
    it is. Centre staff may open the report (they hold page rights), so a type's last edited page is
    named only when the user may explore it: another centre's draft event stays unnamed."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        named = [item.last_edited_page.pk for item in page_types if item.last_edited_page]
        visible = set(explorable_pages(self.request.user).filter(pk__in=named).values_list("pk", flat=True))
        for item in page_types:
            if item.last_edited_page and item.last_edited_page.pk not in visible:
                item.last_edited_page = None
        return page_types


class InChunks:
    """A queryset read ``size`` rows at a time, each chunk with its own prefetches; as Wagtail's
    report, without the states whose object is gone."""

    def __init__(self, queryset, size: int):
        self.queryset, self.model, self.size = queryset, queryset.model, size

    def __iter__(self):
        return (row for row in self.queryset.iterator(chunk_size=self.size) if row.content_object)


class ChunkedWorkflowReportView(WorkflowView):
    """Wagtail's "Workflows" report, whose spreadsheet export reads every workflow state with its
    object prefetched at once: with 2,000 events waiting, SQLite refused that query ("Expression
    tree is too large"). Exported here 200 states at a time; the screen is paginated by Wagtail."""

    export_chunk_size = 200
    export_prefetch = ("content_object", "content_object__latest_revision")

    def get_queryset(self):
        # Exporting, Wagtail counts the rows with len(): without the prefetch, that reads the states only.
        queryset = super().get_queryset()
        return queryset.prefetch_related(None) if self.is_export else queryset

    def decorate_paginated_queryset(self, object_list):
        if self.is_export:  # the whole queryset, not a page
            return InChunks(object_list.prefetch_related(*self.export_prefetch), self.export_chunk_size)
        return super().decorate_paginated_queryset(object_list)


# Mounted in the project's URLs ahead of Wagtail's admin, at the addresses of Wagtail's own reports.
page_types_usage_urlpatterns = [
    path("admin/reports/page-types-usage/", OwnPagesTypesUsageReportView.as_view()),
    path("admin/reports/page-types-usage/results/", OwnPagesTypesUsageReportView.as_view(results_only=True)),
    path("admin/reports/workflow/", ChunkedWorkflowReportView.as_view()),
    path("admin/reports/workflow/results/", ChunkedWorkflowReportView.as_view(results_only=True)),
]
