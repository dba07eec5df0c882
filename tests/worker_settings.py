"""The test settings with the database task queue, for a real ``manage.py db_worker`` in a subprocess
(tests/agenda_pages/importing/test_worker_killed.py); the tests themselves run tasks inline."""

from kankernl_site.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
