"""StreamField blocks that bring the agenda onto content pages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from agenda_pages.models import AgendaIndexPage, Audience, CentreIndexPage, Theme
from agenda_pages.public import occurrences
from agenda_pages.public.filters import AgendaFilters

MAX_ITEMS = 12


def theme_choices() -> list[tuple[str, str]]:
    """The themes (slug, Dutch name), read each time an editor opens the form: a theme added as a
    snippet is offered at once, also before any event carries it."""
    return list(Theme.objects.order_by("label_nl").values_list("slug", "label_nl"))


class ThemeChoiceBlock(blocks.MultipleChoiceBlock):
    """Themes as tick boxes; the stored slugs are read back as they are.

    Wagtail's choice blocks check every stored value against the choices when a page is loaded,
    which would run ``theme_choices``' query once per chosen theme on every page view.
    """

    def to_python(self, value):
        if value is None:
            return []
        return [str(slug) for slug in value] if isinstance(value, list | tuple) else [str(value)]

    def normalize(self, value):
        return self.to_python(value)


class UpcomingActivitiesStructValue(blocks.StructValue):
    def filters(self) -> AgendaFilters:
        centre = self.get("centre")
        return AgendaFilters(
            themes=tuple(self.get("themes") or ()),
            audience=self.get("audience") or "",
            centres=(centre.slug,) if centre else (),
        )


class UpcomingActivitiesBlock(blocks.StructBlock):
    """The next few dates that match a theme, audience or centre, with a link to the same selection
    in the agenda. A fixed number of queries, however many dates match."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    themes = ThemeChoiceBlock(
        label=_("Themes"),
        choices=theme_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Show activities with any of these themes. Choose none to show all themes."),
    )
    audience = blocks.ChoiceBlock(
        label=_("For whom"),
        choices=Audience.Code.choices,
        required=False,
        help_text=_("Leave empty to show activities for everyone."),
    )
    centre = blocks.PageChooserBlock(
        label=_("Centre or partner organisation"),
        page_type="agenda_pages.CentrePage",
        required=False,
        help_text=_("Leave empty to show activities of all centres."),
    )
    number_of_items = blocks.IntegerBlock(label=_("Number of activities"), min_value=1, max_value=MAX_ITEMS, default=3)
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=120,
        required=False,
        help_text=_("Leave empty for: See all matching activities in the agenda."),
    )

    class Meta:
        icon = "date"
        template = "agenda_pages/blocks/upcoming_activities_block.html"
        label = _("Upcoming activities")
        description = _(
            "The next activities in the agenda that fit the topic of the page, with a link to all of them."
        )
        value_class = UpcomingActivitiesStructValue
        preview_value = {"heading": "Binnenkort", "number_of_items": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        filters = value.filters()
        number = min(max(value.get("number_of_items") or 3, 1), MAX_ITEMS)
        items = occurrences.with_details(occurrences.agenda_occurrences(filters, timezone.now())[:number])
        link_text = value.get("link_text")
        if not items and filters.is_filtered:
            # The same selection in the agenda would be empty too: invite the reader to all of it.
            filters, link_text = AgendaFilters(), None
        if not link_text:
            link_text = (
                _("See all matching activities in the agenda")
                if filters.is_filtered
                else _("See all activities in the agenda")
            )
        agenda_url = None
        agenda = AgendaIndexPage.for_active_language()
        if agenda:
            agenda_url = agenda.get_url(request=(parent_context or {}).get("request"))
            query = filters.querystring()
            if agenda_url and query:
                agenda_url = f"{agenda_url}?{query}"
        context.update(items=items, agenda_url=agenda_url, link_text=link_text)
        return context


class NearbySearchBlock(blocks.StructBlock):
    """One postcode or place box that opens the agenda, or the centres index, near that place.

    A plain GET form: the second button sends the same field to the centres index (``formaction``),
    so it works without JavaScript.
    """

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), max_length=300, required=False)

    class Meta:
        icon = "site"
        template = "agenda_pages/blocks/nearby_search_block.html"
        label = _("Search near a place")
        description = _("A postcode or place box that shows the activities, or the centres, near that place.")
        preview_value = {"heading": "Zoek een centrum of activiteit bij u in de buurt"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.update(
            agenda=AgendaIndexPage.for_active_language(),
            centre_index=CentreIndexPage.objects.live().order_by("path").first(),
        )
        return context
