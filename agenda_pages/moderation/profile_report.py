"""The report "Incomplete centre profiles": which centres miss what a first-time guest needs (a
description, photo, street, postcode, place, phone or opening hours), so the editors can ask them.

For editors and moderators: those who may edit the centres index, and so every centre. Centre staff
edit their own centre only and do not see it. One query for the centres, however many there are.
"""

from dataclasses import dataclass

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from agenda_pages.models import CentrePage
from agenda_pages.moderation.access import sees_only_own_centres
from kankernl_site.reports.exports import HeadingsInUserLanguage

URL_NAME = "centre_profiles_report"


def user_may_view_profiles_report(user) -> bool:
    """Editors and moderators: whoever may edit pages beyond their own centre's.

    Read from the user's page rights, which Wagtail caches on the user: the Reports menu asks on
    every admin page, and this costs no query there."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    rights = policy_registry.get_by_type(Page).get_cached_permissions_for_user(user)
    editing = [right for right in rights if right.permission.codename == "change_page"]
    return bool(editing) and not sees_only_own_centres(user)


@dataclass(frozen=True)
class ProfileGap:
    centre: CentrePage
    title: str
    city: str
    missing: str  # the missing fields, as the admin form names them
    published: str  # "yes" or "no", as the spreadsheet shows it too


def profile_gaps() -> list[ProfileGap]:
    """Centres with an incomplete profile, by title (one query)."""
    centres = CentrePage.objects.with_incomplete_profile().order_by("title", "path")
    return [
        ProfileGap(
            centre=centre,
            title=centre.title,
            city=centre.city,
            missing=", ".join(centre.missing_profile_fields()),
            published=str(_("yes") if centre.live else _("no")),
        )
        for centre in centres
    ]


class CentreProfilesReportView(HeadingsInUserLanguage, ReportView):
    page_title = _("Incomplete centre profiles")
    header_icon = "home"
    index_url_name = URL_NAME
    index_results_url_name = f"{URL_NAME}_results"
    paginate_by = None  # one row per centre: at most about a hundred
    permission_required = "view"
    export_filename = "onvolledige-centrumprofielen"
    list_export = ["title", "city", "missing", "published"]

    export_headings = {"title": _("Centre"), "city": _("place"), "missing": _("Missing"), "published": _("Published")}

    def user_has_permission(self, permission):
        return user_may_view_profiles_report(self.request.user)

    def get_queryset(self):
        return profile_gaps()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Centre"),
                get_url=lambda row: reverse("wagtailadmin_pages:edit", args=(row.centre.pk,)),
            ),
            Column("city", label=_("place")),
            Column("missing", label=_("Missing")),
            Column("published", label=_("Published")),
        ]


class CentreProfilesMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_view_profiles_report(request.user)


def menu_item() -> MenuItem:
    return CentreProfilesMenuItem(
        _("Incomplete centre profiles"), reverse(URL_NAME), name="centre-profiles", icon_name="home", order=1310
    )


urlpatterns = [
    path("reports/centre-profiles/", CentreProfilesReportView.as_view(), name=URL_NAME),
    path(
        "reports/centre-profiles/results/",
        CentreProfilesReportView.as_view(results_only=True),
        name=f"{URL_NAME}_results",
    ),
]
