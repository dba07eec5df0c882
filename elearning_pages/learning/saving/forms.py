"""The one field the saving forms ask for: an e-mail address (and a field for robots only)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elearning_pages.models import Learner

HONEYPOT = "website"


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=Learner._meta.get_field("email").max_length,
        help_text=_("For example: naam@voorbeeld.nl"),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("This is not an e-mail address. Check it, for example: naam@voorbeeld.nl"),
            "max_length": _("This e-mail address is too long."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    # Robots fill in every field; people never see this one.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_robot(self) -> bool:
        return bool(self.is_bound and self.data.get(HONEYPOT))
