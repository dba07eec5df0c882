"""The event's edit form: themes the importer suggested are ticked in advance for the reviewer.

An imported event whose feed gave no theme gets themes suggested from its title and description
(``importing.themes``). They are not applied on import: the reviewer sees them ticked in the themes
field, with a note saying they are a suggestion, unticks what does not fit and saves. Saving the
form settles the suggestion either way, so it is offered once.
"""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from agenda_pages.models import EventPage, Theme
from agenda_pages.models.registries import register_form_class


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggested = self._suggested_themes()
        if self.suggested and "themes" in self.fields:
            names = ", ".join(theme.label for theme in self.suggested)
            field = self.fields["themes"]
            field.help_text = _(
                "Suggested from the title and description: %(themes)s. They are ticked below but not yet "
                "saved: untick what does not fit, tick what is missing, and save."
            ) % {"themes": names}
            if not self.is_bound:
                self.initial["themes"] = [theme.pk for theme in self.suggested]

    def _suggested_themes(self) -> list[Theme]:
        page = self.instance
        if not page.pk or not page.suggested_themes or page.themes.exists():
            return []
        return list(Theme.objects.filter(slug__in=page.suggested_themes).order_by("label_nl"))

    def save(self, commit=True):
        if self.suggested:
            self.instance.suggested_themes = []  # the reviewer has decided
        return super().save(commit=commit)


def register() -> None:
    register_form_class(EventPage, EventPageForm)
