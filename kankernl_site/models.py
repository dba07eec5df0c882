from django.db import models


class ScheduledJob(models.Model):
    """When a periodic job is next due, shared by every scheduler that uses this database.

    A scheduler enqueues a job only after moving ``next_run_at`` on with one conditional UPDATE
    (see ``kankernl_site.scheduling``), so two schedulers never enqueue the same round twice.
    """

    name = models.CharField(max_length=50, primary_key=True)
    next_run_at = models.DateTimeField()
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.name} (next {self.next_run_at:%Y-%m-%d %H:%M %Z})"
