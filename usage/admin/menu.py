"""The admin menu's "Usage" with one item per report, shown to those who may see the reports."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, SubmenuMenuItem

from kankernl_site.reports.moderators import ModeratorMenuItem, ShownToModerators
from usage.admin.views import REPORTS


class UsageSubmenuItem(ShownToModerators, SubmenuMenuItem):
    pass


def usage_menu_item() -> SubmenuMenuItem:
    items = [
        ModeratorMenuItem(report.page_title, reverse(report.index_url_name), name=report.url_path, order=order)
        for order, report in enumerate(REPORTS)
    ]
    return UsageSubmenuItem(_("Usage"), Menu(items=items), name="usage", icon_name="table", order=850)
