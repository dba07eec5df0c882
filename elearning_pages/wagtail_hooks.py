from wagtail.snippets.models import register_snippet

from elearning_pages.admin.viewsets import VideoTopicViewSet

register_snippet(VideoTopicViewSet)
