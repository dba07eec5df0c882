from wagtail import hooks
from wagtail.snippets.models import register_snippet

from elearning_pages import reports
from elearning_pages.admin.viewsets import VideoTopicViewSet
from elearning_pages.learning import serving

register_snippet(VideoTopicViewSet)

# The moderators' reports: counts per course, question, lesson and video (elearning_pages.reports).
hooks.register("register_admin_urls", lambda: reports.urlpatterns)
for report in reports.REPORTS:
    hooks.register("register_reports_menu_item", report.menu)

# A page that shows one learner's progress is marked private on its way out.
hooks.register("on_serve_page", serving.private_for_learners)
