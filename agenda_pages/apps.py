from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "agenda_pages"
    verbose_name = _("Agenda")

    def ready(self):
        # Imported here, not at the top: they import the models, which Django loads after this
        # module. Django documents ready() as the place for this.
        from agenda_pages import signal_handlers
        from agenda_pages.admin import event_form
        from agenda_pages.moderation import access
        from agenda_pages.public import presenters
        from agenda_pages.public.embed import responder as embed
        from agenda_pages.public.feeds import register as register_feeds
        from agenda_pages.public.json_api import responder as json_feed
        from agenda_pages.public.programme import responder as programme

        access.register()
        event_form.register()
        presenters.register()
        embed.register()
        programme.register()
        json_feed.register()
        register_feeds()
        signal_handlers.connect_post_migrate(self)
