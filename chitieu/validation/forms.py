from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.models import Indicator
from chitieu.web.fields import LocalDecimalField
from chitieu.web.forms import ServiceErrorsMixin

from .choices import RuleKind, Scope, Severity


class RuleForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    kind = forms.ChoiceField(label=_("kind"), choices=RuleKind.choices)
    severity = forms.ChoiceField(label=_("severity"), choices=Severity.choices, initial=Severity.SOFT)
    indicator = forms.ModelChoiceField(
        label=_("indicator"),
        queryset=Indicator.objects.order_by("field", "sort_order", "code"),
        to_field_name="code",
        required=False,
        empty_label=_("— every indicator of the scope —"),
    )
    scope = forms.ChoiceField(label=_("indicators"), choices=Scope.choices, initial=Scope.ALL)
    parts = forms.ModelMultipleChoiceField(
        label=_("parts"),
        queryset=Indicator.objects.order_by("field", "sort_order", "code"),
        to_field_name="code",
        required=False,
    )
    minimum = LocalDecimalField(label=_("minimum"), required=False)
    maximum = LocalDecimalField(label=_("maximum"), required=False)
    tolerance = LocalDecimalField(label=_("tolerance"), required=False)
    active = forms.BooleanField(label=_("active"), required=False, initial=True)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
