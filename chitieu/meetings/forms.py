"""The forms of the conference and task pages: each binds what the clerk typed, so that a refusal shows
it again with the reason beside the field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.models import Indicator, Resolution
from chitieu.reporting.calendar import check_unit_period, offer_unit_periods
from chitieu.web.forms import ServiceErrorsMixin
from chitieu.web.periods import PeriodField

from .choices import Body, ConferenceKind, Role, TaskStatus, VoteOutcome

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _area(rows: int = 2) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


# A name field offers the people already recorded at the unit's conferences (the page's <datalist>).
PERSON = forms.TextInput(attrs={"list": "people", "autocomplete": "off"})


class VersionMixin(forms.Form):
    """The version of the record the form was filled from: an edit on a stale copy is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ConferenceForm(ServiceErrorsMixin, forms.Form):
    body = forms.ChoiceField(choices=Body.choices, label=_("body"))
    term = forms.ModelChoiceField(queryset=None, required=False, label=_("term"))
    ordinal = forms.IntegerField(
        min_value=1,
        required=False,
        label=_("ordinal"),
        help_text=_("proposed: the next one of this body in this term; change it if the count differs"),
    )
    kind = forms.ChoiceField(choices=ConferenceKind.choices, label=_("kind"))
    title = forms.CharField(max_length=300, required=False, label=_("title"))
    date = forms.DateField(widget=DATE, label=_("date"))
    place = forms.CharField(max_length=200, required=False, label=_("place"))
    period = PeriodField(required=False, label=_("period under review"))
    resolution = forms.ModelChoiceField(queryset=None, required=False, label=_("resolution under review"))

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = unit.terms.order_by("-start_year")
        self.fields["resolution"].queryset = Resolution.objects.filter(unit=unit)
        offer_unit_periods(self, unit)
        self.unit = unit
        # Changing the body or the term proposes that body's next ordinal in that term (htmx).
        for name in ("body", "term"):
            self.fields[name].widget.attrs["data-propose-ordinal"] = ""

    def clean(self):
        cd = super().clean()
        check_unit_period(self, self.unit)  # a conference reviews an open or past period
        return cd


class ConferenceEditForm(VersionMixin, ConferenceForm):
    pass


class MinutesForm(ServiceErrorsMixin, VersionMixin):
    opened_at = forms.TimeField(widget=TIME, required=False, label=_("opened at"))
    closed_at = forms.TimeField(widget=TIME, required=False, label=_("closed at"))
    secretary = forms.CharField(max_length=200, required=False, label=_("secretary (kept the minutes)"))
    members_total = forms.IntegerField(min_value=0, required=False, label=_("members of the body"))
    members_present = forms.IntegerField(min_value=0, required=False, label=_("members present"))
    absent_note = forms.CharField(max_length=500, required=False, label=_("absent (and why)"))
    minutes = forms.CharField(widget=_area(8), required=False, label=_("proceedings"))
    conclusion = forms.CharField(widget=_area(5), required=False, label=_("the chair's conclusion"))


class AttendanceForm(ServiceErrorsMixin, forms.Form):
    person = forms.CharField(max_length=200, label=_("full name"), widget=PERSON)
    role = forms.ChoiceField(choices=Role.choices, label=_("role"))
    title = forms.CharField(max_length=300, required=False, label=_("title at that date"))
    title_since = forms.DateField(widget=DATE, required=False, label=_("holding that title since"))

    @staticmethod
    def initial_from(a) -> dict:
        return {"person": a.person.full_name, "role": a.role, "title": a.title, "title_since": a.title_since}


class AgendaForm(ServiceErrorsMixin, forms.Form):
    text = forms.CharField(max_length=500, label=_("agenda item"))

    @staticmethod
    def initial_from(item) -> dict:
        return {"text": item.text}


class DocumentForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField(max_length=400, label=_("document presented"))
    presenter = forms.CharField(max_length=200, required=False, label=_("presented by"), widget=PERSON)

    @staticmethod
    def initial_from(doc) -> dict:
        return {"title": doc.title, "presenter": doc.presenter.full_name if doc.presenter else ""}


class QuestionForm(ServiceErrorsMixin, forms.Form):
    asked_by = forms.CharField(max_length=200, required=False, label=_("asked by"), widget=PERSON)
    addressed_to = forms.CharField(max_length=200, required=False, label=_("addressed to"), widget=PERSON)
    question = forms.CharField(widget=_area(), label=_("question"))
    answer = forms.CharField(widget=_area(), required=False, label=_("answer"))
    commitment = forms.CharField(widget=_area(), required=False, label=_("commitment"))
    commitment_deadline = forms.DateField(widget=DATE, required=False, label=_("committed deadline"))

    @staticmethod
    def initial_from(q) -> dict:
        return {
            "asked_by": q.asked_by.full_name if q.asked_by else "",
            "addressed_to": q.addressed_to.full_name if q.addressed_to else "",
            "question": q.question,
            "answer": q.answer,
            "commitment": q.commitment,
            "commitment_deadline": q.commitment_deadline,
        }


class VoteForm(ServiceErrorsMixin, forms.Form):
    matter = forms.CharField(widget=_area(), label=_("matter"))
    present = forms.IntegerField(min_value=0, required=False, label=_("members present"))
    votes_for = forms.IntegerField(min_value=0, required=False, label=_("for"))
    votes_against = forms.IntegerField(min_value=0, required=False, label=_("against"))
    abstain = forms.IntegerField(min_value=0, required=False, label=_("abstain"))
    outcome = forms.ChoiceField(
        choices=[("", "—"), *VoteOutcome.choices],
        required=False,
        label=_("result (when no tally was recorded)"),
    )
    personnel = forms.BooleanField(required=False, label=_("personnel matter"))

    @staticmethod
    def initial_from(v) -> dict:
        return {
            "matter": v.matter,
            "present": v.present,
            "votes_for": v.votes_for,
            "votes_against": v.votes_against,
            "abstain": v.abstain,
            "outcome": v.outcome if v.present is None else "",
            "personnel": v.personnel,
        }


class LimitationForm(ServiceErrorsMixin, forms.Form):
    text = forms.CharField(widget=_area(), label=_("limitation"))
    cause = forms.CharField(widget=_area(), required=False, label=_("cause"))
    indicators = forms.ModelMultipleChoiceField(
        queryset=Indicator.objects.order_by("name"),
        required=False,
        label=_("indicators concerned"),
        to_field_name="code",
    )

    @staticmethod
    def initial_from(lim) -> dict:
        return {"text": lim.text, "cause": lim.cause, "indicators": [i.code for i in lim.indicators.all()]}


class TaskForm(ServiceErrorsMixin, forms.Form):
    text = forms.CharField(widget=_area(), label=_("task"))
    unit = forms.ModelChoiceField(queryset=None, to_field_name="code", label=_("responsible unit"))
    owner = forms.CharField(max_length=200, required=False, label=_("responsible person"), widget=PERSON)
    deadline = forms.DateField(widget=DATE, required=False, label=_("deadline"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    @staticmethod
    def initial_from(t) -> dict:
        return {
            "text": t.text,
            "unit": t.unit.code,
            "owner": t.owner_text or (t.owner.full_name if t.owner else ""),
            "deadline": t.deadline,
            "version": t.version,
        }


class TaskEditForm(VersionMixin, TaskForm):
    pass


class CommitmentTaskForm(ServiceErrorsMixin, forms.Form):
    """Turning a commitment made under questioning into a task: who answers for it and by when."""

    unit = forms.ModelChoiceField(queryset=None, to_field_name="code", label=_("responsible unit"))
    owner = forms.CharField(max_length=200, required=False, label=_("responsible person"), widget=PERSON)
    deadline = forms.DateField(widget=DATE, required=False, label=_("deadline"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ProgressForm(ServiceErrorsMixin, forms.Form):
    date = forms.DateField(widget=DATE, label=_("date"))
    text = forms.CharField(widget=_area(), label=_("progress"))
    status = forms.ChoiceField(
        choices=[c for c in TaskStatus.choices if c[0] != TaskStatus.OVERDUE],
        label=_("status"),
        help_text=_("“done” closes the task on this date"),
    )


class DeleteForm(ServiceErrorsMixin, forms.Form):
    reason = forms.CharField(
        max_length=500, required=False, label=_("reason (kept in the history of changes)")
    )


TASK_SORTS = ("status", "deadline", "unit", "owner", "conference", "done_on")


class TaskFilterForm(forms.Form):
    """The task list's filters; every field optional, unknown values refused with the field named."""

    status = forms.ChoiceField(
        choices=[("", _("any status")), ("open", _("not yet done")), *TaskStatus.choices],
        required=False,
        label=_("status"),
    )
    overdue = forms.BooleanField(required=False, label=_("overdue only"))
    owner = forms.ChoiceField(choices=(), required=False, label=_("responsible person"))
    unit = forms.ChoiceField(choices=(), required=False, label=_("responsible unit"))
    conference = forms.TypedChoiceField(
        choices=(), coerce=int, empty_value=None, required=False, label=_("set by the conference")
    )
    sort = forms.ChoiceField(
        choices=[(s, s) for s in TASK_SORTS] + [(f"-{s}", f"-{s}") for s in TASK_SORTS],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", _("anyone"))] + [(o, o) for o in options.owners]
        self.fields["unit"].choices = [("", _("every unit"))] + [(u.code, u.name) for u in options.units]
        self.fields["conference"].choices = [("", _("any conference"))] + [
            (c.pk, str(c)) for c in options.conferences
        ]
        for f in ("status", "owner", "unit", "conference", "overdue"):
            self.fields[f].widget.attrs["data-autosubmit"] = ""
