from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsageConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "usage"
    verbose_name = _("Usage analysis")

    def ready(self):
        # Imported here: the handlers import the models, which Django loads after this module.
        from usage import signal_handlers

        signal_handlers.connect()
