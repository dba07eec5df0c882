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


class TaskHeartbeat(models.Model):
    """When a database worker last showed that it is still running a task (``kankernl_site.task_recovery``).

    One row per running task, written by a thread of the worker that runs it and deleted when the task
    ends. A task still RUNNING whose row stopped being written belongs to a worker that died.
    """

    task_id = models.UUIDField(primary_key=True)
    worker_id = models.CharField(max_length=64)
    beat_at = models.DateTimeField()

    def __str__(self):
        return f"{self.task_id} (worker {self.worker_id}, {self.beat_at:%Y-%m-%d %H:%M:%S %Z})"
