from django import forms
from django.utils.translation import gettext_lazy as _

from usage.recording import MAX_COMMENT_LENGTH


class UsefulnessForm(forms.Form):
    useful = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])
    comment = forms.CharField(
        label=_("Would you like to tell us more? (optional)"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_COMMENT_LENGTH}),
    )
    # Left empty by people (it is hidden); robots that fill in every field are thanked and not counted.
    website = forms.CharField(required=False)
