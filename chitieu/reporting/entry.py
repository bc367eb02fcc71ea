"""Reads for the results entry page: which indicators a unit reports for a period, what is stored,
whether the period is locked, and what can still be added."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from chitieu.indicators.choices import Aggregation, Field
from chitieu.indicators.models import Indicator, Target
from chitieu.lib.periods import Period
from chitieu.orgs.models import Unit

from .calendar import period_refusal
from .choices import ResultStatus, SubmissionStatus
from .models import Result
from .services import window_rule_for
from .workflow import status_of


@dataclass
class ResultsEntry:
    unit: Unit
    period: Period
    indicators: list[Indicator]
    existing: dict[int, Result]
    status: str
    default_status: str
    refusal: str | None
    added: list[str] = field(default_factory=list)  # codes of the indicators the reporter added
    addable: list[tuple[str, list[Indicator]]] = field(default_factory=list)  # by field, for the picker

    @property
    def locked(self) -> bool:
        return self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)

    @property
    def needs_reason(self) -> bool:
        return self.status == SubmissionStatus.REOPENED

    @property
    def status_label(self) -> str:
        return str(dict(SubmissionStatus.choices)[self.status])

    @property
    def draft_key(self) -> str:
        """Where the browser keeps what was typed and not yet saved (localStorage)."""
        return f"results/{self.unit.code}/{self.period.code}"


def results_entry(*, unit: Unit, period: Period, add: list[str] = ()) -> ResultsEntry:
    """The rows of the entry form: indicators with a target for the period or its year, with a
    figure in the period or the same period last year, and those the reporter added."""
    codes = [period.code] + ([period.year_period().code] if period.year_period() else [])
    prev = period.same_period_last_year()
    ids = set(Target.objects.filter(unit=unit, period__in=codes).values_list("indicator", flat=True))
    ids |= set(
        Result.objects.filter(
            unit=unit, period__in=[period.code] + ([prev.code] if prev else [])
        ).values_list("indicator", flat=True)
    )
    added = []
    if add:
        found = dict(Indicator.objects.filter(code__in=list(add)).values_list("code", "pk"))
        added = [c for c in dict.fromkeys(add) if c in found]
        ids |= {found[c] for c in added}
    indicators = list(
        Indicator.objects.filter(pk__in=ids)
        .select_related("measure_unit")
        .order_by("field", "sort_order", "code")
    )
    refusal = period_refusal(unit, period)
    # While the period's data window is open only estimates are accepted: offer that first.
    _start, window_end = period.data_window(window_rule_for(unit))
    default_status = ResultStatus.ESTIMATE if window_end >= timezone.localdate() else ResultStatus.ACTUAL
    labels = dict(Field.choices)
    others: dict[str, list[Indicator]] = {}
    for ind in (
        Indicator.objects.exclude(pk__in=ids)
        .filter(~Q(aggregation=Aggregation.COUNT_MEETING))
        .order_by("field", "name")
    ):
        others.setdefault(str(labels.get(ind.field, ind.field)), []).append(ind)
    return ResultsEntry(
        unit=unit,
        period=period,
        indicators=indicators,
        existing={r.indicator_id: r for r in Result.objects.filter(unit=unit, period=period.code)},
        status=status_of(unit, period.code),
        default_status=default_status,
        refusal=refusal,
        added=added,
        addable=list(others.items()),
    )
