from wagtail.snippets.models import register_snippet

from toolbox.models import ToolboxAudience, ToolboxTopic

register_snippet(ToolboxTopic)
register_snippet(ToolboxAudience)
