"""Only registers: the vocabulary's snippets live in toolbox.viewsets, the review report and the
"Still correct" button in toolbox.admin."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from toolbox.admin import review_report, still_correct
from toolbox.viewsets import ToolboxAudienceViewSet, ToolboxTopicViewSet

register_snippet(ToolboxTopicViewSet)
register_snippet(ToolboxAudienceViewSet)

hooks.register("register_admin_urls", lambda: [*review_report.urlpatterns, *still_correct.urlpatterns])
hooks.register("register_reports_menu_item", review_report.menu_item)
hooks.register("register_page_action_menu_item", still_correct.StillCorrectMenuItem)
hooks.register("register_log_actions", still_correct.register_log_actions)
