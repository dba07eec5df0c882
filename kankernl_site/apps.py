from django.apps import AppConfig


class KankernlSiteConfig(AppConfig):
    name = "kankernl_site"
    verbose_name = "Site"

    def ready(self):
        from . import page_cache, request_log, task_recovery

        # Here and not only in the middleware: publish_scheduled, background tasks and imports run
        # in processes that never load it, and their changes must make cached pages stale too.
        page_cache.connect_signals()
        # Every task a database worker runs keeps a heartbeat, so one whose worker died is run again.
        task_recovery.connect_signals()
        # A request's id lasts until its response is closed; the worker's lines carry the task's id.
        request_log.connect_signals()
