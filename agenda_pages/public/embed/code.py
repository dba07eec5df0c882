""" "Zet onze agenda op uw website": the generator that writes a centre's iframe code.

One form serves the public page (``<agenda>/embed/?generator=1``, linked from each centre page) and
the admin screen of a centre's staff (``agenda_pages.admin.embed_views``, with the centre fixed).
It is a GET form, read leniently like the agenda's: a value it cannot use is named in a message and
replaced by the default, and the form is shown again with what applies. The result is the embed's
address, the code to paste (an iframe, and the optional resize script), a live preview, and the
selection's ``ical/`` and ``json/`` addresses for web builders.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agenda_pages.models import AgendaIndexPage, CentrePage, Theme
from agenda_pages.models.selection import SHOW_ACTIVITIES
from agenda_pages.public.embed.look import (
    DEFAULT_ACCENT,
    DEFAULT_ITEMS,
    DEFAULT_SIZE,
    MIN_CONTRAST,
    WHITE,
    EmbedLook,
    contrast_ratio,
    parse_accent,
)
from agenda_pages.public.filter_fields import RadioButtons
from kankernl_site.absolute_urls import page_full_url

TEMPLATE = "agenda_pages/embed/generator_page.html"
ITEM_CHOICES = (3, 5, 10, 20)
FIXED_HEIGHT_PX = 600  # what the iframe starts at; the resize script fits it to the list
# Not hashed (ManifestStaticFilesStorage keeps the original name too): pasted on other sites, the
# address must outlive our next deployment.
RESIZE_SCRIPT = "agenda_pages/js/embed-resize.js"
AUTO, FIXED = "auto", "fixed"


@dataclass(frozen=True)
class EmbedSelection:
    """What a host asked the generator for: the filters (centre, theme, each activity once) and the look."""

    centre: str = ""
    theme: str = ""
    per_activity: bool = False
    look: EmbedLook = field(default_factory=EmbedLook)
    auto_height: bool = True

    def filter_params(self) -> list[tuple[str, str]]:
        params = [("centre", self.centre)] if self.centre else []
        return params + ([("theme", self.theme)] if self.theme else [])

    def embed_params(self) -> list[tuple[str, str]]:
        show = [("show", SHOW_ACTIVITIES)] if self.per_activity else []
        return [*self.filter_params(), *show, *self.look.as_params()]


class EmbedCodeForm(forms.Form):
    centre = forms.ChoiceField(
        label=gettext_lazy("Centre"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("There is no centre %(value)s; all centres are used.")},
    )
    theme = forms.ChoiceField(
        label=gettext_lazy("Only one theme"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("There is no theme %(value)s; all themes are used.")},
    )
    show = forms.ChoiceField(label=gettext_lazy("Show"), required=False, widget=RadioButtons)
    # Not required: the query string holds the defaults for what it leaves out (see __init__).
    items = forms.TypedChoiceField(
        label=gettext_lazy("Number of activities"),
        coerce=int,
        choices=[(n, str(n)) for n in ITEM_CHOICES],
        required=False,
    )
    accent = forms.CharField(
        label=gettext_lazy("Colour of links and button"),
        help_text=gettext_lazy("Choose a dark colour, for example the colour of your own website."),
        required=False,
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    size = forms.ChoiceField(label=gettext_lazy("Text size"), required=False, widget=RadioButtons)
    height = forms.ChoiceField(label=gettext_lazy("Height"), required=False, widget=RadioButtons)

    defaults = {
        "centre": "",
        "theme": "",
        "show": "",
        "items": str(DEFAULT_ITEMS),
        "accent": DEFAULT_ACCENT,
        "size": DEFAULT_SIZE,
        "height": AUTO,
    }

    def __init__(self, params=None, *, centres: dict[str, str], themes: dict[str, str], fixed_centre="", initial=None):
        """``params``: the query string (None: unbound, showing ``initial``). ``fixed_centre``: the
        centre's slug when the centre is not a choice (its staff's admin screen)."""
        self.centres, self.themes, self.fixed_centre = centres, themes, fixed_centre
        data = None
        if params is not None:
            data = {name: params.get(name, default) for name, default in self.defaults.items()}
        initial = initial or self.defaults
        super().__init__(data, initial=initial, auto_id="embed-code-%s", label_suffix="")
        if fixed_centre:
            del self.fields["centre"]
        else:
            self.fields["centre"].choices = [("", _("All centres")), *centres.items()]
        self.fields["theme"].choices = [("", _("All themes")), *themes.items()]
        self.fields["show"].choices = [
            ("", _("Every date on its own")),
            (SHOW_ACTIVITIES, _("Each activity once, with its next date")),
        ]
        self.fields["size"].choices = [("small", _("Small")), ("normal", _("Normal")), ("large", _("Large"))]
        self.fields["height"].choices = [
            (AUTO, _("Grows with the list (with a small script)")),
            (FIXED, _("Fixed, %(px)s pixels, with a scroll bar") % {"px": FIXED_HEIGHT_PX}),
        ]

    def clean_accent(self) -> str:
        typed = self.cleaned_data["accent"]
        if not typed:
            return DEFAULT_ACCENT
        colour = parse_accent(typed)
        if colour is None:
            raise ValidationError(_("%(value)s is not a colour; our own colour is used.") % {"value": typed[:20]})
        ratio = contrast_ratio(colour, WHITE)
        if ratio < MIN_CONTRAST:
            # number_format cuts off rather than rounds: 4.48 is shown as 4,4, not as the 4,5 it misses.
            raise ValidationError(
                _(
                    "The colour %(colour)s is too light: text in it, or white text on it, would be hard to read "
                    "(contrast %(ratio)s to 1; at least %(minimum)s to 1 is needed). Our own colour is used."
                )
                % {"colour": colour, "ratio": number_format(ratio, 1), "minimum": number_format(MIN_CONTRAST, 1)}
            )
        return colour

    @property
    def applied(self) -> dict:
        """Each field's value, or its default where the value could not be used."""
        valid = {}
        if self.is_bound:
            self.is_valid()
            valid = self.cleaned_data  # without the fields whose value could not be used
        values = {name: valid.get(name) or self.defaults[name] for name in self.defaults}
        values["items"] = int(values["items"])
        values["centre"] = self.fixed_centre or values["centre"]
        return values

    @property
    def messages(self) -> list[str]:
        return [message for errors in self.errors.values() for message in errors] if self.is_bound else []

    def selection(self) -> EmbedSelection:
        values = self.applied
        return EmbedSelection(
            centre=values["centre"],
            theme=values["theme"],
            per_activity=values["show"] == SHOW_ACTIVITIES,
            look=EmbedLook(accent=values["accent"], size=values["size"], items=values["items"]),
            auto_height=values["height"] == AUTO,
        )

    def shown(self) -> "EmbedCodeForm":
        """An unbound copy holding what applies, so the fields show what the code does."""
        initial = {**self.applied, "items": str(self.applied["items"])}
        return EmbedCodeForm(centres=self.centres, themes=self.themes, fixed_centre=self.fixed_centre, initial=initial)


@dataclass(frozen=True)
class EmbedCode:
    embed_url: str
    iframe_title: str
    iframe_html: str
    script_html: str
    agenda_url: str
    ical_url: str
    json_url: str

    @property
    def code(self) -> str:
        return "\n".join(part for part in (self.iframe_html, self.script_html) if part)


def _with_query(url: str, params: list[tuple[str, str]]) -> str:
    return f"{url}?{urlencode(params)}" if params else url


def embed_code(agenda: AgendaIndexPage, request, selection: EmbedSelection, *, title: str) -> EmbedCode:
    """The code for ``selection`` on ``agenda``, with absolute addresses on the request's own origin."""
    agenda_url = page_full_url(agenda, request)
    embed_url = _with_query(agenda_url + agenda.reverse_subpage("embed"), selection.embed_params())
    script_html = ""
    if selection.auto_height:
        script_url = request.build_absolute_uri(settings.STATIC_URL + RESIZE_SCRIPT)
        script_html = str(format_html('<script src="{}" defer></script>', script_url))
    iframe_html = format_html(
        '<iframe src="{}" title="{}" loading="lazy" style="width: 100%; height: {}px; border: 0;"></iframe>',
        embed_url,
        title,
        FIXED_HEIGHT_PX,
    )
    filters = selection.filter_params()
    return EmbedCode(
        embed_url=embed_url,
        iframe_title=title,
        iframe_html=str(iframe_html),
        script_html=script_html,
        agenda_url=_with_query(agenda_url, filters),
        ical_url=_with_query(agenda_url + agenda.reverse_subpage("ical"), filters),
        json_url=_with_query(agenda_url + agenda.reverse_subpage("json"), filters),
    )


def iframe_title(centre_name: str, theme_label: str) -> str:
    """What a screen reader announces for the iframe on the host's page."""
    title = _("Agenda of %(names)s") % {"names": centre_name} if centre_name else _("Agenda")
    return f"{title}: {theme_label}" if theme_label else title


def generator_context(agenda: AgendaIndexPage, request, form: EmbedCodeForm, centres: dict, themes: dict) -> dict:
    """What the generator's template parts need (public page and admin screen alike)."""
    selection = form.selection()
    title = iframe_title(centres.get(selection.centre, ""), themes.get(selection.theme, ""))
    return {
        "form": form.shown(),
        "form_messages": form.messages,
        "selection": selection,
        "code": embed_code(agenda, request, selection, title=title),
        "fixed_height": FIXED_HEIGHT_PX,
    }


def theme_names() -> dict[str, str]:
    return {theme.slug: theme.label for theme in Theme.objects.only("slug", "label_nl", "label_en")}


def generator_page(agenda: AgendaIndexPage, request):
    """The public generator: an ordinary page of the site (with its header, and not framable)."""
    centres = dict(CentrePage.objects.live().order_by("title").values_list("slug", "title"))
    themes = theme_names()
    form = EmbedCodeForm(request.GET, centres=centres, themes=themes)
    context = generator_context(agenda, request, form, centres, themes)
    agenda_url = agenda.get_url(request)
    context.update(page=agenda, agenda_url=agenda_url, form_action=agenda_url + agenda.reverse_subpage("embed"))
    return render(request, TEMPLATE, context)
