"""The public agenda's filters and the centres index's, read from the query string by Django forms.

Shared by the HTML agenda and the feeds built on it, so a link that works in one works in the other.
Reading is lenient: a value the form cannot use is a validation error that only drops that value,
shown as a polite message while the rest still applies, so a mistyped link never ends in an error
page. A form is read once from the address (bound) and shown as an unbound copy holding what was
applied (``shown()``), so the fields show what the list shows.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agenda_pages import geo
from agenda_pages.models.selection import DEFAULT_RADIUS_KM, SHOW_ACTIVITIES, AgendaFilters
from agenda_pages.public.filter_fields import (
    Checkboxes,
    Parameter,
    RadioButtons,
    RepeatedParameter,
    TextOptionSelect,
    theme_choices,
)

RADIUS_CHOICES_KM = (5, 10, 25, 50, 100)
MAX_RADIUS_KM = 300
MODES = ("online", "in-person")

PARAMETERS = (
    "q",
    "theme",
    "audience",
    "centre",
    "province",
    "near",
    "radius",
    "from",
    "to",
    "mode",
    "show",
    "page",
)
# Added by mail programs and social media to shared links; not worth a message.
IGNORED_PARAMETER = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|_ga)$")

# The order of the messages: the form's fields in turn, except that both dates are read before
# their order is judged. Each ValidationError below carries one of these codes.
MESSAGE_ORDER = (
    "parameter",
    "theme",
    "centre",
    "audience",
    "province",
    "place",
    "radius",
    "date",
    "dates",
    "mode",
    "show",
    "page",
)


def radius_choices(radius: int) -> list[int]:
    """The distances a form offers; a radius typed into the address stays selectable."""
    return sorted({*RADIUS_CHOICES_KM, radius})


@dataclass
class ParsedFilters:
    filters: AgendaFilters
    messages: list[str] = field(default_factory=list)
    page_number: int = 1


def _whole_number(value: str) -> int | None:
    # isdecimal, not isdigit: "²" is a digit that int() cannot read (it was an error page).
    return int(value) if value.isdecimal() else None


def _unknown_place_message(text: str) -> str:
    if not geo.looks_like_postcode(text):
        return _("We do not know the place %(place)s. Check the spelling, or enter a postcode.") % {"place": text}
    if geo.postcode_digits(text):
        return _("We do not know the postcode %(postcode)s. Check it, or enter a place name.") % {"postcode": text}
    return _("%(text)s is not a Dutch postcode. A postcode has 4 digits, and may have 2 letters: 3511 AB.") % {
        "text": text
    }


def _shown_place(filters: AgendaFilters, place: str) -> dict:
    """What the place fields of a form's ``shown()`` copy hold."""
    return {"province": filters.province, "near": place, "radius": filters.radius}


class PlaceFilterForm(forms.Form):
    """Province, place and distance: what the agenda's form and the centres index's share.

    A subclass names its ids' prefix (``agenda-near``, ``centre-near``: labels, tests and styles use
    them) and the parameters of the site's other filter forms, which a link may carry over and which
    are ignored without a message; any other parameter gets one.
    """

    id_prefix = ""
    other_parameters: tuple[str, ...] = ()
    near_autocomplete = ""

    province = Parameter(label=gettext_lazy("Province"), widget=TextOptionSelect)
    near = Parameter(
        single_spaced=True,
        label=gettext_lazy("Postcode or place"),
        help_text=gettext_lazy("For example 3511 AB or Utrecht"),
        widget=forms.TextInput(attrs={"maxlength": Parameter.max_length_attribute}),
    )
    radius = Parameter(label=gettext_lazy("Distance"), widget=TextOptionSelect)

    def __init__(self, data=None, *, initial=None):
        super().__init__(data, initial=initial, auto_id=f"{self.id_prefix}-%s", label_suffix="")
        near = self.fields["near"].widget
        if self.near_autocomplete:
            near.attrs["autocomplete"] = self.near_autocomplete
        near.attrs["aria-describedby"] = self.near_hint_id
        self.fields["province"].widget.choices = [("", _("All provinces")), *((name, name) for name in geo.PROVINCES)]
        radius = self.initial.get("radius", DEFAULT_RADIUS_KM)
        self.fields["radius"].widget.choices = [
            (km, _("up to %(km)s km") % {"km": km}) for km in radius_choices(radius)
        ]

    @property
    def near_hint_id(self) -> str:
        return f"{self.id_prefix}-near-hint"

    def clean_province(self) -> str:
        typed = self.cleaned_data["province"]
        if not typed:
            return ""
        match = next((name for name in geo.PROVINCES if name.casefold() == typed.casefold()), None)
        if match is None:
            raise ValidationError(
                _("There is no province %(name)s; all provinces are shown.") % {"name": typed}, code="province"
            )
        return match

    def clean_near(self) -> geo.Location | None:
        typed = self.cleaned_data["near"]
        if not typed:
            return None
        location = geo.find(typed)
        if location is None:
            raise ValidationError(_unknown_place_message(typed), code="place")
        return location

    def clean_radius(self) -> int:
        typed = self.cleaned_data["radius"]
        if not typed or not self.cleaned_data.get("near"):
            return DEFAULT_RADIUS_KM  # without a place, a distance means nothing
        radius = _whole_number(typed)
        if radius is None or not 1 <= radius <= MAX_RADIUS_KM:
            raise ValidationError(
                _("The distance must be a whole number of kilometres from 1 to %(max)s; %(default)s km is used.")
                % {"max": MAX_RADIUS_KM, "default": DEFAULT_RADIUS_KM},
                code="radius",
            )
        return radius

    def clean(self):
        known = {*self.fields, *self.other_parameters}
        unknown = sorted(name for name in self.data if name not in known and not IGNORED_PARAMETER.match(name))
        if unknown:
            message = _("This page does not know the setting %(names)s; it was ignored.") % {
                "names": ", ".join(unknown)
            }
            self.add_error(None, ValidationError(message, code="parameter"))
        return self.cleaned_data

    def applied(self) -> dict:
        """The values that apply, read once from the address: what the form could not use is left out."""
        self.is_valid()
        return self.cleaned_data

    @property
    def typed_place(self) -> str:
        """The place as typed (cleaned), also when it is unknown."""
        return self.fields["near"].to_python(self["near"].data)

    @property
    def messages(self) -> list[str]:
        """What was dropped, politely, in the order of ``MESSAGE_ORDER``."""
        errors = [error for errors in self.errors.as_data().values() for error in errors]
        errors.sort(key=lambda error: MESSAGE_ORDER.index(error.code))
        return [message for error in errors for message in error.messages]

    def place_filters(self) -> dict:
        """The applied province, place and distance, as ``AgendaFilters`` arguments."""
        cleaned = self.applied()
        location = cleaned.get("near")
        return {
            "province": cleaned.get("province", ""),
            "near": location,
            "near_text": self.typed_place if location else "",
            "radius": cleaned.get("radius", DEFAULT_RADIUS_KM) if location else DEFAULT_RADIUS_KM,
        }


class CentreFilterForm(PlaceFilterForm):
    """The centres index's filters: province, place and distance; the agenda's others are ignored."""

    id_prefix = "centre"
    other_parameters = PARAMETERS

    @property
    def filters(self) -> AgendaFilters:
        return AgendaFilters(**self.place_filters())

    def shown(self) -> "CentreFilterForm":
        """An unknown place stays in its field, to be corrected."""
        return CentreFilterForm(initial=_shown_place(self.filters, self.typed_place))


class AgendaFilterForm(PlaceFilterForm):
    """The agenda's filters, with the themes, centres and audiences to choose from (slug to name).

    Themes and centres may repeat; the known ones apply and the others are named in one message.
    """

    id_prefix = "agenda"
    near_autocomplete = "postal-code"

    q = Parameter(
        single_spaced=True,
        label=gettext_lazy("Word or name"),
        widget=forms.SearchInput(attrs={"maxlength": Parameter.max_length_attribute}),
    )
    theme = RepeatedParameter(widget=Checkboxes)
    audience = Parameter(widget=RadioButtons)
    centre = RepeatedParameter(label=gettext_lazy("Centre"), widget=Checkboxes)
    # "from" is a Python keyword, so the dates are put in by name.
    vars()["from"] = Parameter(label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}))
    vars()["to"] = Parameter(label=gettext_lazy("Up to and including"), widget=forms.DateInput(attrs={"type": "date"}))
    mode = Parameter(widget=RadioButtons)
    show = Parameter(widget=RadioButtons)
    page = Parameter()

    field_order = PARAMETERS

    def __init__(self, data=None, *, today: date, themes: dict, centres: dict, audiences: dict, **options):
        self.today, self.themes, self.centres, self.audiences = today, themes, centres, audiences
        self.theme_counts = options.pop("theme_counts", None)  # slug -> activities; None: no counts shown
        super().__init__(data, **options)
        fields = self.fields
        fields["theme"].widget.choices = theme_choices(themes, self.theme_counts, self.initial.get("theme", []))
        fields["audience"].widget.choices = [("", _("Everyone")), *audiences.items()]
        fields["mode"].widget.choices = [
            ("", _("Online and in person")),
            ("in-person", _("In person")),
            ("online", _("Online")),
        ]
        fields["show"].widget.choices = [
            ("", _("Every date on its own")),
            (SHOW_ACTIVITIES, _("Each activity once, with its next date")),
        ]
        chosen = self.initial.get("centre", [])
        if self.is_bound or len(chosen) > 1:  # the chosen centres as checkboxes, to take one off
            fields["centre"].widget.choices = [(slug, centres[slug]) for slug in chosen]
        else:  # one list to choose from; it reads one value only, so it is never the bound form's
            fields["centre"].widget = TextOptionSelect(choices=[("", _("All centres")), *centres.items()])
        for name in ("from", "to"):
            fields[name].widget.attrs["min"] = today.isoformat()
            fields[name].widget.format = "%Y-%m-%d"

    def clean_audience(self) -> str:
        typed = self.cleaned_data["audience"]
        if typed and typed not in self.audiences:
            message = _("There is no group %(name)s; all groups are shown.") % {"name": typed}
            raise ValidationError(message, code="audience")
        return typed

    def clean_mode(self) -> str:
        typed = self.cleaned_data["mode"]
        if typed and typed not in MODES:
            raise ValidationError(_("Choose online or in person; both are shown now."), code="mode")
        return typed

    def clean_show(self) -> bool:
        typed = self.cleaned_data["show"]
        if typed and typed != SHOW_ACTIVITIES:
            message = _("%(value)s is not a way to show the list; every date is shown.") % {"value": typed}
            raise ValidationError(message, code="show")
        return typed == SHOW_ACTIVITIES

    def _date(self, name: str) -> date | None:
        typed = self.cleaned_data[name]
        if not typed:
            return None
        try:
            return date.fromisoformat(typed)
        except ValueError:
            message = _("%(value)s is not a date we can read. Use the form 2026-12-31.") % {"value": typed}
            raise ValidationError(message, code="date") from None

    def clean_from(self) -> date | None:
        date_from = self._date("from")
        if date_from and date_from < self.today:
            raise ValidationError(_("The agenda only shows activities from today on."), code="dates")
        return date_from

    def clean_to(self) -> date | None:
        date_to = self._date("to")
        if date_to and date_to < (self.cleaned_data.get("from") or self.today):
            raise ValidationError(_("The end date is before the start date, so it was ignored."), code="dates")
        if date_to and date_to > self.today + timedelta(days=3 * 366):
            return None  # far beyond what any centre plans: no limit, and no message
        return date_to

    def clean_page(self) -> int:
        typed = self.cleaned_data["page"]
        if not typed:
            return 1
        number = _whole_number(typed)
        if not number:
            raise ValidationError(
                _("There is no page %(page)s; this is the first page.") % {"page": typed}, code="page"
            )
        return number

    def clean(self):
        super().clean()
        for name, known, message in (
            ("theme", self.themes, _("There is no theme %(names)s; it was left out.")),
            ("centre", self.centres, _("There is no centre %(names)s; it was left out.")),
        ):
            typed = self.cleaned_data.get(name, [])
            unknown = [value for value in typed if value not in known]
            if unknown:
                self.add_error(name, ValidationError(message % {"names": ", ".join(unknown)}, code=name))
            self.cleaned_data[name] = tuple(dict.fromkeys(value for value in typed if value in known))
        return self.cleaned_data

    @property
    def filters(self) -> AgendaFilters:
        cleaned = self.applied()
        return AgendaFilters(
            q=cleaned.get("q", ""),
            themes=cleaned.get("theme", ()),
            audience=cleaned.get("audience", ""),
            centres=cleaned.get("centre", ()),
            date_from=cleaned.get("from"),
            date_to=cleaned.get("to"),
            mode=cleaned.get("mode", ""),
            per_activity=cleaned.get("show", False),
            **self.place_filters(),
        )

    @property
    def page_number(self) -> int:
        return self.applied().get("page", 1)

    def shown(self) -> "AgendaFilterForm":
        """What the list shows: a dropped value leaves its field."""
        filters = self.filters
        initial = {
            "q": filters.q,
            "theme": list(filters.themes),
            "audience": filters.audience,
            "centre": list(filters.centres),
            "from": filters.date_from,
            "to": filters.date_to,
            "mode": filters.mode,
            "show": SHOW_ACTIVITIES if filters.per_activity else "",
            **_shown_place(filters, filters.near_text),
        }
        choices = {"themes": self.themes, "centres": self.centres, "audiences": self.audiences}
        return AgendaFilterForm(initial=initial, today=self.today, theme_counts=self.theme_counts, **choices)


def parse_filters(
    params,
    *,
    today: date,
    themes: dict[str, str],
    centres: dict[str, str],
    audiences: dict[str, str],
) -> ParsedFilters:
    """Read ``params`` (a QueryDict) against the known themes, centres and audiences (slug to name)."""
    form = AgendaFilterForm(params, today=today, themes=themes, centres=centres, audiences=audiences)
    return ParsedFilters(form.filters, form.messages, form.page_number)
