from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from elearning_pages.models import VideoTopic


class VideoTopicViewSet(SnippetViewSet):
    model = VideoTopic
    icon = "media"
    menu_label = _("Video topics")
    list_display = ["name_nl", "name_en", "sort_order"]
    ordering = ["sort_order", "name_nl"]
