from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElearningPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "elearning_pages"
    verbose_name = _("E-learning")
