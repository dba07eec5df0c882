"""The moderators' usage reports: what was searched (and not found), which results were followed,
which pages were viewed, which documents downloaded, and what readers thought of a page.

For the moderators only (``kankernl_site.reports.moderators``). Each takes a period (the last 30
days unless chosen) and exports as CSV or XLSX through Wagtail's report export.
"""

from django.db.models import Case, Value, When
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from kankernl_site.reports.charts import bar_chart
from kankernl_site.reports.exports import HeadingsInUserLanguage
from kankernl_site.reports.moderators import ModeratorsOnly
from usage.admin import figures
from usage.models import PageViewDay


class PeriodFilterSet(WagtailFilterSet):
    day = DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget)

    class Meta:
        model = PageViewDay  # the form only: each report reads its own figures for the period
        fields = []


def _page_edit_url(row) -> str:
    return reverse("wagtailadmin_pages:edit", args=(row["page_id"],))


class UsageReportView(HeadingsInUserLanguage, ModeratorsOnly, ReportView):
    """A report over a period; subclasses name their address, figures, columns and export.

    The address (``url_path``) also names the report's two URLs, its page and its results."""

    header_icon = "table"
    template_name = "reports/report.html"
    results_template_name = "usage/admin/report_results.html"
    filterset_class = PeriodFilterSet
    paginate_by = 50
    url_path = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.index_url_name = f"usage_{cls.url_path.replace('-', '_')}"
        cls.index_results_url_name = f"{cls.index_url_name}_results"

    @cached_property
    def period(self) -> figures.Period:
        default = figures.Period.ending(timezone.localdate())
        chosen = self.filters.form.cleaned_data.get("day") if self.filters.is_valid() else None
        if not chosen:
            return default
        first, last = chosen.start or default.first, chosen.stop or default.last
        return figures.Period(min(first, last), max(first, last))

    def get_queryset(self):
        return self.figures(self.period)

    def get_filtered_queryset(self):
        return self.get_queryset()  # the period is the only filter, and the figures apply it

    def figures(self, period):
        raise NotImplementedError

    def get_filename(self):
        period = self.period
        return f"{self.export_filename}-{period.first:%Y%m%d}-{period.last:%Y%m%d}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["period"] = self.period
        return context


class TopSearchesView(UsageReportView):
    page_title = _("Top searches")
    url_path = "searches"
    export_filename = "zoektermen"
    list_export = ["query__query_string", "searches", "zero_result_searches", "followed"]
    export_headings = {
        "query__query_string": _("Search term"),
        "searches": _("Searches"),
        "zero_result_searches": _("Found nothing"),
        "followed": _("Results followed"),
    }
    figures = staticmethod(figures.top_searches)
    columns = [
        Column("query__query_string", label=_("Search term")),
        NumberColumn("searches", label=_("Searches")),
        NumberColumn("zero_result_searches", label=_("Found nothing")),
        NumberColumn("followed", label=_("Results followed")),
    ]


class ZeroResultSearchesView(UsageReportView):
    page_title = _("Searches without results")
    url_path = "zero-results"
    export_filename = "zoektermen-zonder-resultaat"
    list_export = ["query__query_string", "zero_result_searches"]
    export_headings = {"query__query_string": _("Search term"), "zero_result_searches": _("Found nothing")}
    figures = staticmethod(figures.zero_result_searches)
    columns = [
        Column("query__query_string", label=_("Search term")),
        NumberColumn("zero_result_searches", label=_("Found nothing")),
    ]


class ResultClicksView(UsageReportView):
    page_title = _("Followed search results")
    url_path = "clicks"
    export_filename = "gevolgde-zoekresultaten"
    list_export = ["term", "page__title", "clicks", "searches"]
    export_headings = {
        "term": _("Search term"),
        "page__title": _("Page"),
        "clicks": _("Followed"),
        "searches": _("Searches"),
    }
    figures = staticmethod(figures.result_clicks)
    columns = [
        Column("term", label=_("Search term"), accessor=lambda row: row["term"] or _("(not from a search)")),
        TitleColumn("page__title", label=_("Page"), get_url=_page_edit_url),
        NumberColumn("clicks", label=_("Followed")),
        NumberColumn("searches", label=_("Searches")),
    ]


class MostViewedPagesView(UsageReportView):
    page_title = _("Most viewed pages")
    results_template_name = "usage/admin/views_results.html"
    url_path = "views"
    export_filename = "paginaweergaven"
    list_export = ["page__title", "views"]
    export_headings = {"page__title": _("Page"), "views": _("Views")}
    figures = staticmethod(figures.most_viewed_pages)
    columns = [
        TitleColumn("page__title", label=_("Page"), get_url=_page_edit_url),
        NumberColumn("views", label=_("Views")),
    ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["chart"] = views_chart(figures.views_per_day(self.period))
        return context


def views_chart(days):
    """One bar per day; the axis names the first and last day, each bar its own (its tooltip)."""
    highest = max((views for _day, views in days), default=0)
    return bar_chart(
        "usage-chart",
        _("Views per day; the highest bar is %(highest)s views") % {"highest": highest},
        _("Views of all counted pages per day in the chosen period."),
        [_("Views")],
        [(date_format(day, "j M Y"), [views]) for day, views in days],
        label_ends_only=True,
    )


class MostDownloadedDocumentsView(UsageReportView):
    page_title = _("Most downloaded documents")
    url_path = "downloads"
    export_filename = "downloads"
    list_export = ["document__title", "downloads"]
    export_headings = {"document__title": _("Document"), "downloads": _("Downloads")}
    figures = staticmethod(figures.most_downloaded_documents)
    columns = [
        TitleColumn(
            "document__title",
            label=_("Document"),
            get_url=lambda row: reverse("wagtaildocs:edit", args=(row["document_id"],)),
        ),
        NumberColumn("downloads", label=_("Downloads")),
    ]


class UsefulnessView(UsageReportView):
    page_title = _("Usefulness per page")
    url_path = "usefulness"
    export_filename = "nuttig"
    list_export = ["page__title", "useful", "not_useful"]
    export_headings = {"page__title": _("Page"), "useful": _("Useful"), "not_useful": _("Not useful")}
    figures = staticmethod(figures.usefulness_per_page)
    columns = [
        TitleColumn("page__title", label=_("Page"), get_url=_page_edit_url),
        NumberColumn("useful", label=_("Useful")),
        NumberColumn("not_useful", label=_("Not useful")),
    ]


class CommentsView(UsageReportView):
    page_title = _("Comments on pages")
    url_path = "comments"
    export_filename = "opmerkingen"
    list_export = ["answered_at", "page.title", "answer", "comment"]
    export_headings = {
        "answered_at": _("Date"),
        "page.title": _("Page"),
        "answer": _("Useful"),
        "comment": _("Comment"),
    }
    figures = staticmethod(figures.comments)
    columns = [
        DateColumn("answered_at", label=_("Date")),
        TitleColumn(
            "page",
            label=_("Page"),
            accessor="page.title",
            get_url=lambda row: _page_edit_url({"page_id": row.page_id}),
        ),
        Column("answer", label=_("Useful")),
        Column("comment", label=_("Comment")),
    ]

    def get_queryset(self):
        # Worded by the database, so the table and the export still page through a queryset.
        answer = Case(When(useful=True, then=Value(str(_("yes")))), default=Value(str(_("no"))))
        return super().get_queryset().annotate(answer=answer)


REPORTS = (
    TopSearchesView,
    ZeroResultSearchesView,
    ResultClicksView,
    MostViewedPagesView,
    MostDownloadedDocumentsView,
    UsefulnessView,
    CommentsView,
)


urlpatterns = [
    pattern
    for report in REPORTS
    for pattern in (
        path(f"reports/usage/{report.url_path}/", report.as_view(), name=report.index_url_name),
        path(
            f"reports/usage/{report.url_path}/results/",
            report.as_view(results_only=True),
            name=report.index_results_url_name,
        ),
    )
]
