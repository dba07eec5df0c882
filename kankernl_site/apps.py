from django.apps import AppConfig


class KankernlSiteConfig(AppConfig):
    name = "kankernl_site"
    verbose_name = "Site"

    def ready(self):
        from . import page_cache, request_log

        # Here and not only in the middleware: publish_scheduled, background tasks and imports run
        # in processes that never load it, and their changes must make cached pages stale too.
        page_cache.connect_signals()
        # The worker's log lines carry the id of the task they were written for.
        request_log.connect_task_signals()
