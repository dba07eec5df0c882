"""The one field the saving forms ask for: an e-mail address (and a field for robots only)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elearning_pages.models import Learner
from kankernl_site.forms import VisitorEmailField

HONEYPOT = "website"


class EmailForm(forms.Form):
    email = VisitorEmailField(max_length=Learner._meta.get_field("email").max_length)
    # Robots fill in every field; people never see this one.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_robot(self) -> bool:
        return bool(self.is_bound and self.data.get(HONEYPOT))
