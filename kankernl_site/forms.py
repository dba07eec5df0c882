"""Form fields the public forms of every app share, so a visitor meets one wording everywhere."""

from django import forms
from django.utils.translation import gettext_lazy as _


class VisitorEmailField(forms.EmailField):
    """An e-mail address a visitor types: the label, example and error messages of the whole site."""

    def __init__(self, *, max_length: int, **kwargs):
        kwargs.setdefault("label", _("Your e-mail address"))
        kwargs.setdefault("help_text", _("For example: naam@voorbeeld.nl"))
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Fill in your e-mail address."),
                "invalid": _("This is not an e-mail address. Check it, for example: naam@voorbeeld.nl"),
                "max_length": _("This e-mail address is too long."),
            },
        )
        kwargs.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}))
        super().__init__(max_length=max_length, **kwargs)
