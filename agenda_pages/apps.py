from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "agenda_pages"
    verbose_name = _("Agenda")
