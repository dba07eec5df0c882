from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElearningPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "elearning_pages"
    verbose_name = _("E-learning")

    def ready(self):
        # Imported here, not at the top: they import the models, which Django loads after this
        # module. Django documents ready() as the place for this.
        from elearning_pages import handouts, learning
        from elearning_pages.certificates import responders as certificates
        from elearning_pages.videos import register as register_videos

        learning.register()
        certificates.register()
        handouts.register()
        register_videos()
