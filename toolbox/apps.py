from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "toolbox"
    verbose_name = _("Network toolbox")

    def ready(self):
        # Imported here, not at the top: they import the models, which Django loads after this module.
        from wagtail.signals import page_published

        from toolbox import public
        from toolbox.models import ToolboxItemPage
        from toolbox.review.recording import count_publication_as_review

        public.register()
        page_published.connect(
            count_publication_as_review, sender=ToolboxItemPage, dispatch_uid="toolbox_publication_is_review"
        )
