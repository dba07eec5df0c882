"""Fields and widgets of the public filter forms (``public.filters``).

A field reads a query parameter as text and is never an error by itself: the form judges the
value, so each bad value gets its own polite message. The widgets render what the hand-written
forms did: ids such as ``agenda-mode-online`` and ``agenda-theme-1``, and ``<option>Utrecht</option>``.
"""

import re

from django import forms

MAX_TEXT_LENGTH = 100
MAX_REPEATED = 20  # themes or centres; more than any real form sends
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Without control characters (PostgreSQL refuses a NUL in a query), trimmed and cut short."""
    return CONTROL_CHARACTERS.sub("", value).strip()[:MAX_TEXT_LENGTH]


class Parameter(forms.CharField):
    """One query parameter as text: its last value when it is repeated, as a link may do."""

    max_length_attribute = str(MAX_TEXT_LENGTH)  # for the inputs: longer text is cut, not refused

    def __init__(self, *, single_spaced: bool = False, **kwargs):
        super().__init__(required=False, **kwargs)
        self.single_spaced = single_spaced

    def to_python(self, value) -> str:
        text = clean_text(value) if isinstance(value, str) else ""
        return " ".join(text.split()) if self.single_spaced else text


class RepeatedParameter(forms.Field):
    """A parameter that may repeat (``theme=a&theme=b``): its first ``MAX_REPEATED`` values, without
    the empty ones. Its widget must read every value (a multiple one)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> list[str]:
        values = (clean_text(item) for item in (value or [])[:MAX_REPEATED] if isinstance(item, str))
        return [item for item in values if item]


class ChoiceInputs:
    """Radio buttons or checkboxes, each with an id of its own after the group's (``agenda-mode``):
    ``agenda-mode-online`` (by value; ``-all`` for the empty one) for radio buttons,
    ``agenda-theme-1`` (by number) for checkboxes. ``checked`` comes straight after the value."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option_attrs = {key: item for key, item in option["attrs"].items() if key != "checked"}
        if attrs and "id" in attrs:
            option_attrs["id"] = f"{attrs['id']}-{self.id_suffix(value, index)}"
        option["attrs"] = ({"checked": True} if selected else {}) | option_attrs
        return option


class RadioButtons(ChoiceInputs, forms.RadioSelect):
    def id_suffix(self, value, index) -> str:
        return str(value) or "all"


class Checkboxes(ChoiceInputs, forms.CheckboxSelectMultiple):
    def id_suffix(self, value, index) -> str:
        return str(int(index) + 1)


class TextOptionSelect(forms.Select):
    """A select whose options need no value where it equals the text (``<option>Utrecht</option>``),
    written in its own template rather than one included template per option: with 80 centres,
    Django's per-option templates cost more than the rest of the form."""

    template_name = "agenda_pages/widgets/text_option_select.html"


def theme_choices(themes: dict[str, str], counts: dict[str, int] | None, chosen) -> list[tuple[str, str]]:
    """The themes with their number of activities ("Bewegen en sport (12)"); a theme without
    activities is left out unless it is chosen, so it can be unticked."""
    if counts is None:
        return list(themes.items())
    return [
        (slug, f"{label} ({counts.get(slug, 0)})")
        for slug, label in themes.items()
        if counts.get(slug) or slug in chosen
    ]
