"""The filters of the history of changes: a unit and the units below it, an indicator, a person, a date
range, an action; the demo's own load left out unless asked for. They narrow the entries the user may
read (the scope is the query's, not the form's)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.models import Indicator, Target
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_ids
from chitieu.reporting.models import Result

from .context import DEMO_REQUEST_ID
from .models import AuditEntry
from .presentation import ACTIONS, person_name

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AuditFilterForm(forms.Form):
    unit = forms.CharField(
        max_length=200,
        required=False,
        label=_("unit"),
        help_text=_("its code or its exact name"),
    )
    only_unit = forms.BooleanField(required=False, label=_("this unit only, not the units below it"))
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.order_by("name"),
        to_field_name="code",
        required=False,
        label=_("indicator"),
        empty_label=_("any indicator"),
    )
    person = forms.TypedChoiceField(choices=(), coerce=int, empty_value=None, required=False, label=_("who"))
    action = forms.ChoiceField(choices=(), required=False, label=_("action"))
    date_from = forms.DateField(widget=DATE, required=False, label=_("from date"))
    date_to = forms.DateField(widget=DATE, required=False, label=_("to date"))
    sample = forms.BooleanField(required=False, label=_("show the demo's sample data"))
    object_type = forms.CharField(required=False, widget=forms.HiddenInput)
    object_id = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("anyone"))] + people
        self.fields["action"].choices = [("", _("any action"))] + [(k, v) for k, v in ACTIONS.items()]

    def clean_unit(self) -> Unit | None:
        text = " ".join(self.cleaned_data["unit"].split())
        if not text:
            return None
        unit = Unit.objects.filter(code=text).first()
        if unit is None:
            named = list(Unit.objects.filter(name__iexact=text)[:2])
            if len(named) > 1:
                raise forms.ValidationError(
                    _("Several units are named “{name}”; give the unit's code.").format(name=text)
                )
            unit = named[0] if named else None
        if unit is None:
            raise forms.ValidationError(_("There is no unit “{text}”.").format(text=text))
        return unit  # whether the user may see it is the view's to check (404 like any hidden unit)

    def clean(self):
        cd = super().clean()
        start, end = cd.get("date_from"), cd.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the range is before its start."))
        return cd


def people(qs: QuerySet[AuditEntry]) -> list[tuple[int, str]]:
    """The users who made the changes the user may read, as choices."""
    ids = qs.exclude(actor__isnull=True).values("actor_id").distinct()
    users = get_user_model().objects.filter(pk__in=ids).order_by("username")
    return [(u.pk, person_name(u)) for u in users]


def _ids_as_text(qs) -> QuerySet:
    return qs.annotate(sid=Cast("id", CharField())).values("sid")


def apply(qs: QuerySet[AuditEntry], cd: dict) -> QuerySet[AuditEntry]:
    """Narrow ``qs`` by the (valid) filters in ``cd``."""
    unit = cd.get("unit")
    if unit is not None:
        qs = qs.filter(unit=unit) if cd.get("only_unit") else qs.filter(unit_id__in=unit_subtree_ids(unit.pk))
    indicator = cd.get("indicator")
    if indicator is not None:
        qs = qs.filter(
            Q(
                object_type="reporting.result",
                object_id__in=_ids_as_text(Result.objects.filter(indicator=indicator)),
            )
            | Q(
                object_type="indicators.target",
                object_id__in=_ids_as_text(Target.objects.filter(indicator=indicator)),
            )
            | Q(object_type="indicators.indicator", object_id=str(indicator.pk))
        )
    if cd.get("person"):
        qs = qs.filter(actor_id=cd["person"])
    if cd.get("action"):
        qs = qs.filter(action=cd["action"])
    if cd.get("date_from"):
        qs = qs.filter(at__date__gte=cd["date_from"])
    if cd.get("date_to"):
        qs = qs.filter(at__date__lte=cd["date_to"])
    if not cd.get("sample"):
        qs = qs.exclude(request_id=DEMO_REQUEST_ID)
    if cd.get("object_type"):
        qs = qs.filter(object_type=cd["object_type"])
    if cd.get("object_id"):
        qs = qs.filter(object_id=cd["object_id"])
    return qs
