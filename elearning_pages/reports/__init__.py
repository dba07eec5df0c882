"""The moderators' e-learning reports, counts only; ``wagtail_hooks`` registers their menu entries
and addresses."""

from . import dropout, participants, self_checks, videos

REPORTS = (participants, self_checks, dropout, videos)
urlpatterns = [pattern for report in REPORTS for pattern in report.urlpatterns]
