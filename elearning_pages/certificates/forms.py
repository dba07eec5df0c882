"""The two forms: the name on a certificate, and a code to check."""

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from elearning_pages.models import Certificate

from . import codes

# Control characters would print as nothing or as boxes, and the ones that reverse the direction of
# text could make a name read differently on paper than it was typed.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NAME_MAX_LENGTH = Certificate._meta.get_field("name").max_length


def clean_name(text: str) -> str:
    text = BIDI_CONTROLS.sub("", text)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())


class NameField(forms.CharField):
    def to_python(self, value):
        # Cleaned before the length check, so a name is measured as it will be printed.
        return clean_name(super().to_python(value))


class CertificateNameForm(forms.Form):
    name = NameField(
        label=_("Your name on the certificate"),
        help_text=_("Write your name as you want it on the certificate. You can change it later."),
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": _("Fill in your name."),
            "max_length": _("Your name can be up to %(limit_value)d characters long."),
        },
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("The code is on the certificate, next to the QR code. For example: ABCD-2345."),
        max_length=40,
        error_messages={"required": _("Fill in the code.")},
    )

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if not codes.is_well_formed(code):
            raise forms.ValidationError(
                _("This is not a code we give out. A code has 8 letters and digits, for example ABCD-2345.")
            )
        return code
