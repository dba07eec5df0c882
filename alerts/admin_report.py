"""The moderators' report "E-mail alerts": how many visitors asked for which selection, and which
activities are followed. Counts only: no addresses, which the moderators have no need to see.

Guarded like the agenda's moderation report (the feed sources' "change" permission: moderators and
superusers). Three queries, however many alerts there are: the counting is the database's.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn, Table, TitleColumn
from wagtail.admin.views.reports import ReportView

from alerts.models import Follow, Subscription
from alerts.selection import SelectionChoices, describe_selection, read_selection
from kankernl_site.reports.moderators import ModeratorMenuItem, ModeratorsOnly

URL_NAME = "alerts_report"
CONFIRMED = Count("pk", filter=Q(confirmed_at__isnull=False))
WAITING = Count("pk", filter=Q(confirmed_at__isnull=True))


@dataclass(frozen=True)
class SelectionCount:
    selection: str
    description: str
    confirmed: int
    waiting: int


def selection_counts() -> list[SelectionCount]:
    """Each selection asked for, with its confirmed and unconfirmed alerts, the most wanted first."""
    rows = (
        Subscription.objects.values("selection")
        .annotate(confirmed=CONFIRMED, waiting=WAITING)
        .order_by("-confirmed", "-waiting", "selection")
    )
    choices = SelectionChoices.load()
    today = timezone.localdate()
    return [
        SelectionCount(
            row["selection"],
            describe_selection(read_selection(row["selection"], today=today, choices=choices), choices),
            row["confirmed"],
            row["waiting"],
        )
        for row in rows
    ]


def followed_activities():
    """Followed activities with their confirmed and unconfirmed followers, the most followed first."""
    return (
        Follow.objects.values("page_id", "page__title")
        .annotate(confirmed=CONFIRMED, waiting=WAITING)
        .order_by("-confirmed", "-waiting", "page__title")
    )


class AlertsReportView(ModeratorsOnly, ReportView):
    page_title = _("E-mail alerts")
    header_icon = "mail"
    index_url_name = URL_NAME
    results_template_name = "alerts/admin/report_results.html"
    paginate_by = None

    def get_queryset(self):
        return selection_counts()

    @cached_property
    def columns(self):
        return [
            Column("description", label=_("Selection")),
            NumberColumn("confirmed", label=_("Confirmed")),
            NumberColumn("waiting", label=_("Not yet confirmed")),
        ]

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "attrs": {"aria-labelledby": "alerts-selections-heading"}}

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        follows = list(followed_activities())
        context["follows_table"] = Table(
            [
                TitleColumn(
                    "title",
                    label=_("Activity"),
                    accessor=lambda row: row["page__title"],
                    get_url=lambda row: reverse("wagtailadmin_pages:edit", args=(row["page_id"],)),
                ),
                NumberColumn("confirmed", label=_("Confirmed")),
                NumberColumn("waiting", label=_("Not yet confirmed")),
            ],
            follows,
            attrs={"aria-labelledby": "alerts-follows-heading"},
        )
        rows = context["object_list"]
        context["totals"] = {
            "subscriptions": sum(row.confirmed for row in rows),
            "waiting": sum(row.waiting for row in rows),
            "follows": sum(row["confirmed"] for row in follows),
        }
        return context


def menu_item() -> MenuItem:
    return ModeratorMenuItem(_("E-mail alerts"), reverse(URL_NAME), name="alerts", icon_name="mail", order=1400)


urlpatterns = [path("reports/alerts/", AlertsReportView.as_view(), name=URL_NAME)]
