"""Only registers: what each hook does lives in agenda_pages.admin, agenda_pages.moderation and
agenda_pages.public."""

from wagtail import hooks

from agenda_pages.admin import embed_views, guards, review_views
from agenda_pages.admin.bulk_actions import PAGE_BULK_ACTIONS
from agenda_pages.admin.panels import agenda_panels
from agenda_pages.admin.viewsets import agenda_viewset_group
from agenda_pages.moderation import profile_report, reports
from agenda_pages.public import lifetimes
from agenda_pages.public.json_api import responder as json_feed

hooks.register("register_admin_viewset", lambda: agenda_viewset_group)
hooks.register("construct_homepage_panels", agenda_panels)
hooks.register(
    "register_admin_urls",
    lambda: [*review_views.urlpatterns(), *reports.urlpatterns, *profile_report.urlpatterns],
)
hooks.register("register_admin_menu_item", review_views.review_menu_item)
hooks.register("register_reports_menu_item", reports.menu_item)
hooks.register("register_reports_menu_item", profile_report.menu_item)

hooks.register("construct_page_chooser_queryset", guards.hide_other_centres_in_page_chooser)
hooks.register("before_move_page", guards.refuse_move_confirmation_without_permission)
hooks.register("construct_reports_menu", guards.hide_page_types_report_from_centre_staff)
# After Wagtail's own (order=0), so these replace them.
for bulk_action in PAGE_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)
# Before Wagtail's own (order=0), which answers every OPTIONS request without CORS headers.
hooks.register("before_serve_page", json_feed.answer_preflight, order=-1)
# Cache-Control of the agenda, its feeds, embed and print pages (AGENDA_*_CACHE_SECONDS).
hooks.register("on_serve_page", lifetimes.with_cache_lifetimes)

# "Zet de agenda op uw website" for a centre's staff: its screen, and a button on the centre page.
hooks.register("register_admin_urls", embed_views.urlpatterns)
hooks.register("register_page_header_buttons", embed_views.page_header_buttons)
