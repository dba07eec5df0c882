"""The alerts' forms: an address, how often, which language, and a field for robots only.

Error messages are short sentences a visitor can act on (B1). Lengths are limited in the form, in
the HTML (``maxlength``) and in the database.
"""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alerts.models import EMAIL_MAX_LENGTH, Follow, Frequency, Subscription
from kankernl_site.forms import VisitorEmailField

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}  # each in its own language, as a switcher shows them
HONEYPOT = "website"


def language_choices():
    return [(code, LANGUAGE_NAMES.get(code, name)) for code, name in settings.LANGUAGES]


class AlertForm(forms.Form):
    email = VisitorEmailField(max_length=EMAIL_MAX_LENGTH)
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=language_choices, widget=forms.RadioSelect)
    # Robots fill in every field; people never see this one (hidden by the page's style).
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"language": (get_language() or settings.LANGUAGE_CODE)[:2]})
        super().__init__(*args, **kwargs)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_robot(self) -> bool:
        return bool(self.is_bound and self.data.get(HONEYPOT))


class SubscribeForm(AlertForm):
    frequency = forms.ChoiceField(
        label=_("How often do you want an e-mail?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    field_order = ["email", "frequency", "language", "website"]


class FollowForm(AlertForm):
    pass


class ManageSubscriptionForm(forms.ModelForm):
    class Meta:
        model = Subscription
        fields = ["frequency", "language"]
        labels = {"frequency": _("How often do you want an e-mail?"), "language": _("Language of the e-mail")}
        widgets = {"frequency": forms.RadioSelect, "language": forms.RadioSelect(choices=language_choices())}


class ManageFollowForm(forms.ModelForm):
    class Meta:
        model = Follow
        fields = ["language"]
        labels = {"language": _("Language of the e-mail")}
        widgets = {"language": forms.RadioSelect(choices=language_choices())}
