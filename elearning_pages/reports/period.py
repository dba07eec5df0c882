"""The period a report counts over: whole months, from one month up to and including another.

Read from the address (``?from_month=2026-01&to_month=2026-06``) so a filtered report can be bookmarked and its
export links keep the period. Without one, or with a muddled one, the last twelve months.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_MONTHS = 12
MONTH_FORMAT = "%Y-%m"


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every month from ``first`` up to and including ``last`` (both firsts of a month)."""
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    return [add_months(first, step) for step in range(max(count, 0))]


@dataclass(frozen=True)
class Period:
    first_month: date
    last_month: date

    @classmethod
    def default(cls, today: date) -> "Period":
        this_month = today.replace(day=1)
        return cls(add_months(this_month, 1 - DEFAULT_MONTHS), this_month)

    @property
    def starts(self) -> datetime:
        """The first moment of the period, at midnight of the site's time zone."""
        return timezone.make_aware(datetime.combine(self.first_month, time.min))

    @property
    def ends(self) -> datetime:
        """The first moment after the period (exclusive)."""
        return timezone.make_aware(datetime.combine(add_months(self.last_month, 1), time.min))

    def months(self) -> list[date]:
        return months_between(self.first_month, self.last_month)

    def query(self) -> dict:
        return {
            "from_month": self.first_month.strftime(MONTH_FORMAT),
            "to_month": self.last_month.strftime(MONTH_FORMAT),
        }


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=MONTH_FORMAT)


class PeriodForm(forms.Form):
    # Browsers without a month picker show a text field: the help text says what to type.
    from_month = forms.DateField(
        label=_("From month"), input_formats=[MONTH_FORMAT], widget=MonthInput, help_text=_("For example 2026-01")
    )
    to_month = forms.DateField(
        label=_("Up to and including"),
        input_formats=[MONTH_FORMAT],
        widget=MonthInput,
        help_text=_("For example 2026-12"),
    )

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("from_month"), cleaned.get("to_month")
        if first and last and first > last:
            raise forms.ValidationError(_("The first month comes after the last."))
        return cleaned


def read_period(params, today: date) -> tuple[Period, PeriodForm]:
    """The period asked for in ``params``, and the form to show it in; the default when none is valid."""
    default = Period.default(today)
    data = {name: params.get(name) or value for name, value in default.query().items()}
    form = PeriodForm(data)
    if not form.is_valid():
        return default, form
    return Period(form.cleaned_data["from_month"], form.cleaned_data["to_month"]), form
