from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "toolbox"
    verbose_name = _("Network toolbox")

    def ready(self):
        # Imported here, not at the top: it imports the models, which Django loads after this module.
        from toolbox import public

        public.register()
