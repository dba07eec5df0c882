"""The review report: items overdue for a check and items due soon, for the moderators.

Overdue first (the longest overdue at the top), each with its owner, when it was last checked and
when it is due, a link to edit it and a "Still correct" button. The horizon (how far ahead "soon"
reaches) is chosen in the filter, 30 days unless chosen. Exports as CSV or XLSX.
"""

import django_filters
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from kankernl_site.reports.exports import HeadingsInUserLanguage
from kankernl_site.reports.moderators import ModeratorMenuItem, ModeratorsOnly
from toolbox.models import ToolboxItemPage
from toolbox.review.worklist import DEFAULT_HORIZON_DAYS, days_overdue, due_within, owner_name, topic_names

URL_NAME = "toolbox_review_report"
NOWRAP = "toolbox-review-nowrap"  # a date on one line (the results template's style)
HORIZONS = [
    (0, _("Overdue and due today")),
    (7, _("Due within a week")),
    (30, _("Due within 30 days")),
    (90, _("Due within 3 months")),
    (365, _("Due within a year")),
]


def _day(day) -> str:
    # A date, not Wagtail's "8 months ago": the check is planned by the calendar.
    return date_format(day, "j M Y") if day else ""


class HorizonFilterSet(WagtailFilterSet):
    horizon = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[(str(days), label) for days, label in HORIZONS],
        empty_label=None,
        method=lambda queryset, name, value: queryset,  # the view applies it, with today's date
    )

    class Meta:
        model = ToolboxItemPage
        fields = []


class StillCorrectColumn(Column):
    """A one-click form per row; it returns to this report as filtered."""

    cell_template_name = "toolbox/admin/still_correct_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["action_url"] = reverse("toolbox_still_correct", args=(instance.pk,))
        context["next_url"] = report_address(context["request"])
        # A cell is rendered from a plain dict, without the request's context processors.
        context["csrf_token"] = get_token(context["request"])
        return context


def report_address(request) -> str:
    """This report as filtered, also when the filter fetched the results alone (another address)."""
    query = request.GET.urlencode() if request else ""
    return reverse(URL_NAME) + (f"?{query}" if query else "")


class ReviewReportView(HeadingsInUserLanguage, ModeratorsOnly, ReportView):
    page_title = _("Toolbox: items to check")
    header_icon = "time"
    template_name = "reports/report.html"
    results_template_name = "toolbox/admin/review_report_results.html"
    index_url_name = URL_NAME
    index_results_url_name = f"{URL_NAME}_results"
    filterset_class = HorizonFilterSet
    paginate_by = 50
    export_filename = "toolbox-controle"
    list_export = ["title", "topics", "owner", "last_reviewed_at", "next_review_on", "days_overdue", "edit_url"]
    export_headings = {
        "title": _("Item"),
        "topics": _("Topic"),
        "owner": _("Owner"),
        "last_reviewed_at": _("Last checked"),
        "next_review_on": _("Next check"),
        "days_overdue": _("Days overdue"),
        "edit_url": _("Address in the admin"),
    }

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def horizon(self) -> int:
        chosen = self.filters.form.cleaned_data.get("horizon") if self.filters.is_valid() else None
        return int(chosen) if chosen else DEFAULT_HORIZON_DAYS

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if kwargs.get("data") is not None and "horizon" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["horizon"] = str(DEFAULT_HORIZON_DAYS)
        return kwargs

    def get_queryset(self):
        return due_within(self.today, self.horizon)

    def get_filtered_queryset(self):
        return self.get_queryset()  # the horizon is the only filter, and the selection applies it

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title", label=_("Item"), get_url=lambda item: reverse("wagtailadmin_pages:edit", args=(item.pk,))
            ),
            Column("topics", label=_("Topic"), accessor=topic_names),
            Column("owner", label=_("Owner"), accessor=owner_name),
            Column(
                "last_reviewed_at",
                label=_("Last checked"),
                accessor=lambda item: _day(item.last_reviewed_at),
                classname=NOWRAP,
            ),
            Column(
                "next_review_on",
                label=_("Next check"),
                accessor=lambda item: _day(item.next_review_on),
                classname=NOWRAP,
            ),
            Column("days_overdue", label=_("Days overdue"), accessor=self.overdue_days_shown),
            StillCorrectColumn("still_correct", label=_("Check"), accessor="pk"),
        ]

    def overdue_days_shown(self, item) -> int | str:
        days = days_overdue(item, self.today)
        if days > 0:
            return days
        if days == 0:
            return gettext("due today")
        return ngettext("due in %(count)s day", "due in %(count)s days", -days) % {"count": -days}

    def to_row_dict(self, item):
        values = {
            "title": item.title,
            "topics": topic_names(item),
            "owner": owner_name(item),
            "last_reviewed_at": item.last_reviewed_at,
            "next_review_on": item.next_review_on,
            "days_overdue": max(days_overdue(item, self.today), 0),
            "edit_url": self.request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=(item.pk,))),
        }
        return {field: values[field] for field in self.list_export}

    def get_filename(self):
        return f"{self.export_filename}-{self.today:%Y%m%d}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["today"] = self.today
        context["horizon"] = self.horizon
        return context


def menu_item() -> ModeratorMenuItem:
    return ModeratorMenuItem(
        _("Toolbox: items to check"), reverse(URL_NAME), name="toolbox-review", icon_name="time", order=1450
    )


urlpatterns = [
    path("reports/toolbox-review/", ReviewReportView.as_view(), name=URL_NAME),
    path("reports/toolbox-review/results/", ReviewReportView.as_view(results_only=True), name=f"{URL_NAME}_results"),
]
