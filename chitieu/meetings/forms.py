from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.models import Indicator
from chitieu.reporting.calendar import check_unit_period, offer_unit_periods
from chitieu.web.forms import ServiceErrorsMixin
from chitieu.web.periods import PeriodField

from .choices import Body, ConferenceKind, Role, TaskStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConferenceForm(ServiceErrorsMixin, forms.Form):
    body = forms.ChoiceField(choices=Body.choices, label=_("body"))
    term = forms.ModelChoiceField(queryset=None, required=False, label=_("term"))
    ordinal = forms.IntegerField(
        min_value=1, required=False, label=_("ordinal"), help_text=_("leave empty to take the next one")
    )
    kind = forms.ChoiceField(choices=ConferenceKind.choices, label=_("kind"))
    title = forms.CharField(max_length=300, required=False, label=_("title"))
    date = forms.DateField(widget=DATE, label=_("date"))
    place = forms.CharField(max_length=200, required=False, label=_("place"))
    period = PeriodField(required=False, label=_("period under review"))
    resolution = forms.ModelChoiceField(queryset=None, required=False, label=_("resolution under review"))

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = unit.terms.all()
        from chitieu.indicators.models import Resolution

        self.fields["resolution"].queryset = Resolution.objects.filter(unit=unit)
        offer_unit_periods(self, unit)
        self.unit = unit

    def clean(self):
        cd = super().clean()
        check_unit_period(self, self.unit)  # a conference reviews an open or past period
        return cd


class AttendanceForm(ServiceErrorsMixin, forms.Form):
    person = forms.CharField(max_length=200, label=_("full name"))
    role = forms.ChoiceField(choices=Role.choices, label=_("role"))
    title = forms.CharField(max_length=300, required=False, label=_("title at that date"))
    title_since = forms.DateField(widget=DATE, required=False, label=_("holding that title since"))


class AgendaForm(ServiceErrorsMixin, forms.Form):
    text = forms.CharField(max_length=500, label=_("agenda item"))


class QuestionForm(ServiceErrorsMixin, forms.Form):
    asked_by = forms.CharField(max_length=200, required=False, label=_("asked by"))
    addressed_to = forms.CharField(max_length=200, required=False, label=_("addressed to"))
    question = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("question"))
    answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("answer"))
    commitment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("commitment")
    )


class VoteForm(ServiceErrorsMixin, forms.Form):
    matter = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("matter"))
    present = forms.IntegerField(min_value=0, required=False, label=_("members present"))
    votes_for = forms.IntegerField(min_value=0, required=False, label=_("for"))
    votes_against = forms.IntegerField(min_value=0, required=False, label=_("against"))
    abstain = forms.IntegerField(min_value=0, required=False, label=_("abstain"))
    outcome = forms.ChoiceField(
        choices=[("", "—"), ("passed", _("passed")), ("rejected", _("rejected"))],
        required=False,
        label=_("result (when no tally was recorded)"),
    )
    personnel = forms.BooleanField(required=False, label=_("personnel matter"))


class LimitationForm(ServiceErrorsMixin, forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("limitation"))
    cause = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("cause"))
    indicators = forms.ModelMultipleChoiceField(
        queryset=Indicator.objects.order_by("name"),
        required=False,
        label=_("indicators concerned"),
        to_field_name="code",
    )


class TaskForm(ServiceErrorsMixin, forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("task"))
    unit = forms.ModelChoiceField(queryset=None, to_field_name="code", label=_("responsible unit"))
    owner = forms.CharField(max_length=200, required=False, label=_("responsible person"))
    deadline = forms.DateField(widget=DATE, required=False, label=_("deadline"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ProgressForm(ServiceErrorsMixin, forms.Form):
    date = forms.DateField(widget=DATE, label=_("date"))
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("progress"))
    status = forms.ChoiceField(
        choices=[c for c in TaskStatus.choices if c[0] != TaskStatus.OVERDUE], label=_("status")
    )
