from wagtail.snippets.models import register_snippet

from toolbox.viewsets import ToolboxAudienceViewSet, ToolboxTopicViewSet

register_snippet(ToolboxTopicViewSet)
register_snippet(ToolboxAudienceViewSet)
