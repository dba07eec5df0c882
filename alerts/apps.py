from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"
    verbose_name = _("E-mail alerts")

    def ready(self):
        # Imported here, not at the top: the handlers import the models, which Django loads after
        # this module. Django documents ready() as the place for this.
        from alerts import signal_handlers

        signal_handlers.connect()
