from wagtail import hooks
from wagtail.snippets.models import register_snippet

from elearning_pages.admin.viewsets import VideoTopicViewSet
from elearning_pages.learning import serving

register_snippet(VideoTopicViewSet)
# A page that shows one learner's progress is marked private on its way out.
hooks.register("on_serve_page", serving.private_for_learners)
