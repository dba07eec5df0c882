from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "agenda_pages"
    verbose_name = _("Agenda")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from agenda_pages import signal_handlers as signals
        from agenda_pages.models import FeedSource
        from agenda_pages.moderation.access import FeedSourcePermissionPolicy

        register_permission_policy(FeedSource, FeedSourcePermissionPolicy(FeedSource))
        signals.connect_post_migrate(self)
