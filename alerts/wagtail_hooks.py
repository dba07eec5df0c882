"""Only registers: the moderators' report lives in alerts.admin_report."""

from wagtail import hooks

from alerts import admin_report

hooks.register("register_admin_urls", lambda: admin_report.urlpatterns)
hooks.register("register_reports_menu_item", admin_report.menu_item)
