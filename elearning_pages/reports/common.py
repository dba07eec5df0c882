"""What the four e-learning reports share: the period and the menu entry.

They are for the moderators only (``kankernl_site.reports.moderators``) and show counts only:
nothing in them, nor in their exports, names a learner.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from kankernl_site.reports.exports import HeadingsInUserLanguage
from kankernl_site.reports.moderators import ModeratorMenuItem, ModeratorsOnly

from .period import Period, read_period


class ElearningReportView(HeadingsInUserLanguage, ModeratorsOnly, ReportView):
    """A report over a period of months, computed whole (no pagination: one row per course, lesson,
    question or video), with the period form above the results."""

    template_name = "elearning_pages/admin/reports/report.html"
    paginate_by = None

    @cached_property
    def _period_and_form(self):
        return read_period(self.request.GET, timezone.localdate())

    @property
    def period(self) -> Period:
        return self._period_and_form[0]

    def get_filename(self):
        period = self.period.query()
        return f"{self.export_filename}-{period['from_month']}-{period['to_month']}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["period"] = self.period
        context["period_form"] = self._period_and_form[1]
        return context


def menu_item(label, url_name: str, icon: str, order: int) -> MenuItem:
    return ModeratorMenuItem(label, reverse(url_name), name=url_name.replace("_", "-"), icon_name=icon, order=order)


def percentage(part: int, whole: int) -> int | None:
    """``part`` as a whole percentage of ``whole``; None when there is nothing to divide by."""
    return round(100 * part / whole) if whole else None


def share_label(share: int | None) -> str:
    """A percentage for the table; a dash where it has no meaning (nothing played, a last lesson)."""
    return "—" if share is None else f"{share} %"
