"""How a page type opts in to the usage counts.

    class ToolboxItemPage(CountedPage, Page): ...

The site's base template then places the view counter (``{% view_counter page %}``, a small script
that sends one cookieless beacon); a page template that wants "Was dit nuttig?" places
``{% usefulness_form page %}`` where it should appear. Search views call
``usage.recording.record_search`` and link their results through ``usage.links.click_url``.
"""


class CountedPage:
    """Mixin for a page model (before ``Page`` in its bases): its views are counted per day."""

    count_views = True
