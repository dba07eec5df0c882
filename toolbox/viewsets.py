"""The toolbox's vocabulary in the admin: both names side by side, so an editor sees a missing
English name in the list instead of opening each term."""

from wagtail.snippets.views.snippets import SnippetViewSet

from toolbox.models import ToolboxAudience, ToolboxTopic


class ToolboxTopicViewSet(SnippetViewSet):
    model = ToolboxTopic
    icon = "folder-open-inverse"
    list_display = ["label_nl", "label_en", "slug"]
    ordering = ["label_nl"]


class ToolboxAudienceViewSet(SnippetViewSet):
    model = ToolboxAudience
    icon = "group"
    list_display = ["label_nl", "label_en", "slug"]
    ordering = ["label_nl"]
