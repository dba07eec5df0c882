"""Only registers: the usage reports live in usage.admin."""

from wagtail import hooks

from usage.admin import menu, views

hooks.register("register_admin_urls", lambda: views.urlpatterns)
hooks.register("register_admin_menu_item", menu.usage_menu_item)
