from .items import (
    ItemKind,
    Region,
    ToolboxItemDocument,
    ToolboxItemPage,
    ToolboxItemTag,
    ToolboxRelatedItem,
)
from .pages import ToolboxIndexPage, ToolboxTopicPage
from .reviews import ToolboxItemQuerySet, add_months
from .vocabulary import ToolboxAudience, ToolboxTopic

__all__ = [
    "ItemKind",
    "Region",
    "ToolboxAudience",
    "ToolboxIndexPage",
    "ToolboxItemDocument",
    "ToolboxItemPage",
    "ToolboxItemQuerySet",
    "ToolboxItemTag",
    "ToolboxRelatedItem",
    "ToolboxTopic",
    "ToolboxTopicPage",
    "add_months",
]
