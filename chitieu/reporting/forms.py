from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.choices import Measure
from chitieu.lib.vnnum import format_number
from chitieu.web.fields import LocalDecimalField, current_lang
from chitieu.web.forms import ServiceErrorsMixin

from .choices import ResultStatus
from .services import ResultInput, ResultRowsRefused


class ResultRowForm(ServiceErrorsMixin, forms.Form):
    """One indicator's figure for a unit and period."""

    conflict = None  # the figure someone else saved meanwhile, shown beside this user's

    value = LocalDecimalField(label=_("value"), required=False)
    numerator = LocalDecimalField(label=_("numerator"), required=False)
    denominator = LocalDecimalField(label=_("denominator"), required=False)
    status = forms.ChoiceField(choices=ResultStatus.choices, label=_("status"), initial=ResultStatus.ACTUAL)
    note = forms.CharField(label=_("note"), required=False, max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator, result=None, default_status=None, **kwargs):
        self.indicator = indicator
        self.result = result
        if result is None and default_status:
            kwargs.setdefault("initial", {"status": default_status})
        if result is not None and not args:
            lang = current_lang()
            kwargs["initial"] = {
                "value": format_number(result.value, lang=lang),
                "numerator": format_number(result.numerator, lang=lang),
                "denominator": format_number(result.denominator, lang=lang),
                "status": result.status,
                "note": result.note,
                "version": result.version,
            }
        super().__init__(*args, **kwargs)

    @property
    def wants_ratio(self) -> bool:
        return self.indicator.measure in (Measure.RATIO, Measure.COUNT_MEETING)

    def entered(self) -> bool:
        """A row with a figure, or for a stored one: whether it changes anything is the service's
        answer (Saved.changed), not decided again here."""
        cd = self.cleaned_data
        return self.result is not None or cd.get("value") is not None or cd.get("numerator") is not None

    def as_input(self) -> ResultInput:
        cd = self.cleaned_data
        return ResultInput(
            indicator=self.indicator,
            value=cd["value"],
            numerator=cd["numerator"],
            denominator=cd["denominator"],
            status=cd["status"],
            note=cd["note"] or "",
            expected_version=cd.get("version"),
            # what the form has no field for is kept as stored: the qualifier (trên …)
            qualifier=self.result.qualifier if self.result is not None else "",
        )


class ResultsFormSet:
    """Every row of the entry page, keyed by indicator code (so what a browser kept for a row finds
    it again however rows were added). A row whose fields were not posted (one just added) stays
    unbound: it shows empty and counts as unchanged."""

    def __init__(self, data=None, *, entry):
        self.entry = entry
        self.is_bound = data is not None
        self.reason = ((data or {}).get("reason") or "").strip()
        self.general_errors: list[str] = []
        self.rows: list[tuple] = []
        for ind in entry.indicators:
            kwargs = {
                "prefix": ind.code,
                "indicator": ind,
                "result": entry.existing.get(ind.pk),
                "default_status": entry.default_status,
            }
            posted = data is not None and f"{ind.code}-status" in data
            form = ResultRowForm(data, **kwargs) if posted else ResultRowForm(**kwargs)
            self.rows.append((ind, form))

    def is_valid(self) -> bool:
        return all(f.is_valid() for _i, f in self.rows if f.is_bound)

    def inputs(self) -> list[ResultInput]:
        return [f.as_input() for _i, f in self.rows if f.is_bound and f.entered()]

    def add_save_errors(self, exc: ResultRowsRefused) -> None:
        """Show each refusal beside its row; a figure saved meanwhile by someone else is shown with
        the current version taken, so that saving again keeps what this reporter typed."""
        forms_by_code = {ind.code: f for ind, f in self.rows}
        for code, err in exc.rows.items():
            form = forms_by_code[code]
            form.add_service_errors(err)
            if code in exc.current:
                form.conflict = exc.current[code]
                form.data = form.data.copy()
                form.data[form.add_prefix("version")] = exc.current[code].version
        if exc.general is not None:
            self.general_errors += exc.general.messages
