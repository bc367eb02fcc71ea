"""The one validation entry point of the write services, and the writes of rules and findings.

``validate_result`` is called by result_save before it writes (a hard rule refuses the save, naming the
field, the rule and the figures; nothing is written), ``validate_related`` after it wrote (the rules that
compare the figure with others: parts and whole, months and their quarter, a unit and the units below),
``validate_target`` by target_save. Forms, the API, the Excel import and the inbox all write through
those services, so each gets every rule without re-implementing one. Soft findings are stored by
``findings_store`` in the same transaction, each change of status audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from chitieu.audit.services import record, snapshot
from chitieu.i18n import is_user
from chitieu.indicators.choices import Aggregation, Dimension, Measure
from chitieu.indicators.models import Indicator, Target
from chitieu.lib.periods import PeriodKind, parse_period

from . import checks
from .choices import FOR_TARGETS, FindingStatus, RuleKind, Scope, Severity
from .messages import finding_message, refusal
from .models import Finding, Rule

_HUNDRED = Decimal(100)


@dataclass
class Draft:
    """A soft rule's violation, before it is stored as a finding."""

    rule: Rule
    unit_id: int
    indicator_id: int
    period: str
    result: object | None
    violation: checks.Violation


@dataclass
class Check:
    """What validating one save found: the violations of soft rules, and every (rule, figure) key the
    save checked — a key checked without a violation fixes an open finding."""

    drafts: list[Draft] = field(default_factory=list)
    checked: set[tuple[int, int, int, str]] = field(default_factory=set)

    def __add__(self, other: Check) -> Check:
        return Check(self.drafts + other.drafts, self.checked | other.checked)


def in_scope(rule: Rule, indicator: Indicator) -> bool:
    """Whether a rule applies to an indicator's figures."""
    if rule.indicator_id is not None:
        return rule.indicator_id == indicator.pk
    match rule.scope:
        case Scope.FLOWS:
            return indicator.measure == Measure.FLOW
        case Scope.COUNTS:
            return indicator.measure == Measure.COUNT_MEETING
        case Scope.SHARES:
            return bool(indicator.is_share)
        case Scope.RATIOS:
            return indicator.measure == Measure.RATIO
        case Scope.FLAGS:
            return indicator.threshold is not None and indicator.aggregation == Aggregation.NONE
    return True


def rules_for(indicator: Indicator, unit_ids: list[int], *, kinds=None) -> list[Rule]:
    """The active rules that reach a figure of ``indicator`` on a unit (``unit_ids``: it and its
    ancestors), including the PARTS_SUM rules it is a part of."""
    qs = Rule.objects.filter(active=True).filter(Q(unit__isnull=True) | Q(unit_id__in=unit_ids))
    qs = qs.filter(Q(indicator=indicator) | Q(indicator__isnull=True) | Q(parts=indicator)).distinct()
    if kinds is not None:
        qs = qs.filter(kind__in=kinds)
    return [
        r for r in qs.select_related("indicator") if in_scope(r, indicator) or r.kind == RuleKind.PARTS_SUM
    ]


def _scale(indicator: Indicator) -> Decimal:
    return _HUNDRED if indicator.measure_unit.dimension == Dimension.PERCENT else Decimal(1)


def _single(rule: Rule, indicator: Indicator, value, numerator, denominator) -> checks.Violation | None:
    match rule.kind:
        case RuleKind.BOUNDS:
            return checks.bounds(value, rule.minimum, rule.maximum)
        case RuleKind.FLAG:
            return checks.flag(value)
        case RuleKind.NUMERATOR_WITHIN:
            return checks.numerator_within(numerator, denominator)
        case RuleKind.RATIO_MATCHES:
            return checks.ratio_matches(
                value, numerator, denominator, scale=_scale(indicator), tolerance=rule.tolerance
            )
        case RuleKind.COUNT_WITHIN:
            return checks.count_within(value, denominator)
    return None


def _details(v: checks.Violation, indicator: Indicator) -> dict:
    return {**v.details, "unit_symbol": indicator.measure_unit.symbol}


def _refuse(hard: list[tuple[Rule, checks.Violation]], indicator: Indicator) -> None:
    if not hard:
        return
    errors: dict[str, list[str]] = {}
    for rule, v in hard:
        message = refusal(rule.name, indicator.name, finding_message(rule.kind, _details(v, indicator)))
        errors.setdefault(v.field, []).append(message)
    raise ValidationError(errors)


def validate_result(*, result, old, stated, carried: bool, ancestors) -> Check:
    """The rules on the figure itself (before it is written): hard ones refuse the save; soft ones,
    the stated comparisons and the unit's own history come back as drafts."""
    indicator = result.indicator
    unit_ids = [result.unit_id] + [uid for uid, _own in ancestors.ancestors]
    rules = rules_for(indicator, unit_ids)
    out = Check()
    hard = []
    for rule in rules:
        if rule.kind == RuleKind.PARTS_SUM or not in_scope(rule, indicator):
            continue
        if rule.kind in checks_single():
            v = _single(rule, indicator, result.value, result.numerator, result.denominator)
        elif rule.kind == RuleKind.STATED_MATCHES:
            v = _stated(rule, result, old, stated, carried)
        elif rule.kind == RuleKind.OUTLIER:
            v = _outlier(rule, result)
        else:
            continue  # compared with other figures after the write
        key = (rule.pk, result.unit_id, indicator.pk, result.period)
        if v is not None and rule.severity == Severity.HARD:
            hard.append((rule, v))
            continue
        out.checked.add(key)
        if v is not None:
            out.drafts.append(Draft(rule, result.unit_id, indicator.pk, result.period, result, v))
    _refuse(hard, indicator)
    result._chitieu_rules = rules  # validate_related reads them again otherwise
    return out


def checks_single():
    from .choices import SINGLE_FIGURE

    return SINGLE_FIGURE


def validate_target(*, target: Target) -> None:
    """Targets answer to the bounds rules: a target of −9 communes is refused like a result would be."""
    indicator = target.indicator
    from chitieu.orgs.selectors import unit_ancestors

    unit_ids = [target.unit_id] + [u.pk for u in unit_ancestors(target.unit)]
    hard = []
    for rule in rules_for(indicator, unit_ids, kinds=FOR_TARGETS):
        if rule.severity != Severity.HARD or not in_scope(rule, indicator):
            continue
        v = checks.bounds(target.value, rule.minimum, rule.maximum)
        if v is not None:
            hard.append((rule, v))
    _refuse(hard, indicator)


# -- stated comparisons and history --------------------------------------------------------------------


def _stated(rule: Rule, result, old, stated, carried: bool) -> checks.Violation | None:
    """A stated percentage ("đạt 51,7% kế hoạch", "tăng 13,8% so với cùng kỳ") against the figures:
    the target of its basis when one was adopted (not worked back from this very percentage), last
    year's figure; else, when the value changed and the percentage was left standing, against the
    baseline the old value implied."""
    from chitieu.reporting.models import Result
    from chitieu.reporting.progress import change_percent, percent_of

    value = result.value
    if value is None or not stated:
        return None
    old_value = old[0]
    carried = carried and old_value is not None and value != old_value
    p = parse_period(result.period)
    worst = None
    for basis, kind, percent, label, qualifier in stated:
        if qualifier:
            continue  # "trên 100%" says only that the target was passed
        pct = Decimal(percent)
        computed = None
        if kind == "of":
            periods = [p.code] + ([p.year_period().code] if p.year_period() else [])
            target = (
                Target.objects.filter(
                    indicator_id=result.indicator_id, unit_id=result.unit_id, period__in=periods, basis=basis
                )
                .order_by("derived")
                .first()
            )
            if target is not None and not target.derived:
                computed = percent_of(
                    value, target.value, polarity=result.indicator.polarity, kind=target.kind
                )
            elif target is not None:
                computed = value / target.value * _HUNDRED if target.value else None
            elif carried and old_value and pct:
                computed = value / (old_value * _HUNDRED / pct) * _HUNDRED
        elif kind == "change" and basis == "same_period":
            prev = p.same_period_last_year()
            last = (
                Result.objects.filter(
                    indicator_id=result.indicator_id, unit_id=result.unit_id, period=prev.code
                )
                .values_list("value", flat=True)
                .first()
                if prev
                else None
            )
            if last is not None:
                computed = change_percent(value, last)
            elif carried and old_value is not None:
                computed = change_percent(value, old_value * _HUNDRED / (_HUNDRED + pct))
        v = checks.stated_matches(pct, computed, value, tolerance=rule.tolerance)
        if v is not None:
            v.details["basis"] = label or basis
            worst = worst or v
    return worst


def _outlier(rule: Rule, result) -> checks.Violation | None:
    from chitieu.reporting.models import Result

    p = parse_period(result.period)
    if p.kind is PeriodKind.TERM or result.value is None:
        return None
    codes = []
    for back in range(1, 6):
        q = p
        for _i in range(back):
            q = q.same_period_last_year() if q is not None else None
        if q is not None:
            codes.append(q.code)
    history = [
        Decimal(v)
        for v in Result.objects.filter(
            indicator_id=result.indicator_id, unit_id=result.unit_id, period__in=codes, value__isnull=False
        ).values_list("value", flat=True)
    ]
    return checks.outlier(result.value, history, factor=rule.tolerance or Decimal(3))


# -- rules that compare figures, after the write --------------------------------------------------------


def validate_related(*, result, place) -> Check:
    """Parts and whole, months and their quarter, half and year, and a unit's own figure against the
    units below — read after the write, so they see it."""
    from chitieu.reporting.models import Result, Rollup
    from chitieu.reporting.rollups import rollup_value

    indicator = result.indicator
    rules = getattr(result, "_chitieu_rules", None)
    if rules is None:
        rules = rules_for(indicator, [result.unit_id] + [u for u, _o in place.ancestors])
    out = Check()
    for rule in rules:
        if rule.kind == RuleKind.PARTS_SUM and rule.indicator_id:
            out += _parts(rule, result)
        elif rule.kind == RuleKind.PERIODS_SUM and in_scope(rule, indicator):
            out += _periods(rule, result)
        elif rule.kind == RuleKind.ROLLUP_MATCHES and in_scope(rule, indicator):
            if indicator.aggregation in (Aggregation.NONE, Aggregation.COUNT_MEETING):
                continue
            # the unit itself, and the first unit above it that reported its own figure
            targets = (
                [] if place.is_base else [(result.unit_id, result)]
            )  # a unit with none below: no roll-up
            first_own = next((uid for uid, own in place.ancestors if own), None)
            if first_own is not None:
                targets.append((first_own, None))
            for unit_id, res in targets:
                if res is None:
                    res = Result.objects.filter(
                        indicator=indicator, unit_id=unit_id, period=result.period
                    ).first()
                if res is None:
                    continue
                row = Rollup.objects.filter(
                    unit_id=unit_id, indicator=indicator, period=result.period
                ).first()
                if row is None or not (row.reporting or row.paired):
                    continue
                key = (rule.pk, unit_id, indicator.pk, result.period)
                out.checked.add(key)
                v = checks.rollup_matches(res.value, rollup_value(row, indicator), tolerance=rule.tolerance)
                if v is not None:
                    out.drafts.append(Draft(rule, unit_id, indicator.pk, result.period, res, v))
    return out


def _parts(rule: Rule, result) -> Check:
    from chitieu.reporting.models import Result

    parts = list(rule.parts.all())
    ids = [rule.indicator_id] + [x.pk for x in parts]
    values = dict(
        Result.objects.filter(unit_id=result.unit_id, period=result.period, indicator_id__in=ids).values_list(
            "indicator_id", "value"
        )
    )
    whole = Result.objects.filter(
        unit_id=result.unit_id, period=result.period, indicator_id=rule.indicator_id
    ).first()
    out = Check()
    if whole is None:
        return out
    key = (rule.pk, result.unit_id, rule.indicator_id, result.period)
    out.checked.add(key)
    v = checks.parts_sum(whole.value, [(x.name, values.get(x.pk)) for x in parts], tolerance=rule.tolerance)
    if v is not None:
        out.drafts.append(Draft(rule, result.unit_id, rule.indicator_id, result.period, whole, v))
    return out


_MONTHS = {
    PeriodKind.QUARTER: lambda i: range(3 * i - 2, 3 * i + 1),
    PeriodKind.HALF: lambda i: range(6 * i - 5, 6 * i + 1),
    PeriodKind.NINE_MONTHS: lambda i: range(1, 10),
    PeriodKind.YEAR: lambda i: range(1, 13),
}


def _periods(rule: Rule, result) -> Check:
    """Every period of the year holding this figure's months, checked against its months, else its
    quarters, else its halves — whichever are all there."""
    from chitieu.reporting.models import Result

    p = parse_period(result.period)
    if p.kind is PeriodKind.TERM:
        return Check()
    y = p.year
    figures = {
        code: v
        for code, v in Result.objects.filter(
            unit_id=result.unit_id, indicator_id=result.indicator_id, period__startswith=str(y)
        ).values_list("period", "value")
    }
    out = Check()
    for code, whole in figures.items():
        try:
            agg = parse_period(code)
        except ValueError:
            continue
        if agg.kind not in _MONTHS or agg.year != y:
            continue
        months = list(_MONTHS[agg.kind](agg.index))
        if not (months[0] <= p.end.month and p.start.month <= months[-1]) and code != p.code:
            continue
        candidates = [
            [f"{y}-{m:02d}" for m in months],
            [f"{y}-Q{q}" for q in range((months[0] + 2) // 3, months[-1] // 3 + 1)],
            [f"{y}-H{h}" for h in range((months[0] + 5) // 6, months[-1] // 6 + 1)]
            if len(months) >= 12
            else [],
        ]
        for parts in candidates:
            if len(parts) < 2 or code in parts or not all(x in figures for x in parts):
                continue
            key = (rule.pk, result.unit_id, result.indicator_id, code)
            out.checked.add(key)
            v = checks.periods_sum(whole, [figures[x] for x in parts], tolerance=rule.tolerance)
            if v is not None:
                lang_parts = ", ".join(parse_period(x).label() for x in parts)
                v.details.update({"parts_label": lang_parts, "period_label": agg.label()})
                res = Result.objects.filter(
                    unit_id=result.unit_id, indicator_id=result.indicator_id, period=code
                ).first()
                out.drafts.append(Draft(rule, result.unit_id, result.indicator_id, code, res, v))
            break
    return out


# -- findings ----------------------------------------------------------------------------------------


def findings_store(*, actor, check: Check) -> list[Finding]:
    """Store what one save found: a new violation opens a finding (or reopens a fixed one, or one
    overridden for other figures); a checked key without a violation fixes its open finding. Each
    change of status is audited. Returns the findings open or overridden after the save."""
    if not check.checked:
        return []
    drafts = {(d.rule.pk, d.unit_id, d.indicator_id, d.period): d for d in check.drafts}
    q = Q()
    for rule_id, unit_id, ind_id, period in check.checked:
        q |= Q(rule_id=rule_id, unit_id=unit_id, indicator_id=ind_id, period=period)
    existing = {
        (f.rule_id, f.unit_id, f.indicator_id, f.period): f
        for f in Finding.objects.select_for_update().filter(q).select_related("rule", "unit")
    }
    kept = []
    for key in check.checked:
        d, f = drafts.get(key), existing.get(key)
        if d is None:
            if f is not None and f.status != FindingStatus.FIXED:
                _move(actor, f, FindingStatus.FIXED, reason=_("fixed by a change of the figures"))
            continue
        details = _details(
            d.violation, Indicator.objects.get(pk=d.indicator_id) if d.result is None else d.result.indicator
        )
        signature = d.violation.signature
        if f is None:
            f = Finding.objects.create(
                rule=d.rule,
                unit_id=d.unit_id,
                indicator_id=d.indicator_id,
                period=d.period,
                result=d.result if getattr(d.result, "pk", None) else None,
                details=details,
                signature=signature,
            )
            record(actor=actor, action="finding_open", obj=f, before=None, after=snapshot(f), unit=f.unit)
        elif f.status == FindingStatus.OVERRIDDEN and f.signature == signature:
            pass  # overridden for exactly these figures
        elif f.status != FindingStatus.OPEN or f.signature != signature:
            before = snapshot(f)
            f.details, f.signature, f.status = details, signature, FindingStatus.OPEN
            f.reason, f.decided_by, f.decided_at = "", None, None
            if getattr(d.result, "pk", None):
                f.result = d.result
            f.save()
            record(actor=actor, action="finding_open", obj=f, before=before, after=snapshot(f), unit=f.unit)
        kept.append(f)
    return kept


def _move(actor, f: Finding, status: str, *, reason: str = "") -> Finding:
    before = snapshot(f)
    f.status = status
    f.reason = reason
    f.decided_by = actor if is_user(actor) else None
    f.decided_at = timezone.now()
    f.save(update_fields=["status", "reason", "decided_by", "decided_at", "updated_at"])
    record(
        actor=actor,
        action=f"finding_{status}",
        obj=f,
        before=before,
        after=snapshot(f),
        unit=f.unit,
        reason=reason,
    )
    return f


@transaction.atomic
def finding_override(*, actor, finding: Finding, reason: str) -> Finding:
    """Accept a soft finding as it stands, for a stated reason (audited). Only an open finding."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for accepting this figure despite the finding.")})
    finding = Finding.objects.select_for_update().select_related("unit", "rule").get(pk=finding.pk)
    if finding.status != FindingStatus.OPEN:
        raise ValidationError(
            _("Only an open finding can be overridden (this one is {status}).").format(
                status=finding.get_status_display()
            )
        )
    return _move(actor, finding, FindingStatus.OVERRIDDEN, reason=reason.strip())


# -- rules -----------------------------------------------------------------------------------------------


RULE_FIELDS = (
    "name",
    "kind",
    "severity",
    "unit",
    "indicator",
    "scope",
    "minimum",
    "maximum",
    "tolerance",
    "active",
    "note",
)


def _rule_errors(rule: Rule, parts: list[Indicator]) -> dict[str, str]:
    """A rule that cannot hold: bounds the wrong way round, a kind on an indicator it cannot apply to,
    parts that include their whole."""
    errors: dict[str, str] = {}
    ind = rule.indicator
    if rule.minimum is not None and rule.maximum is not None and rule.minimum > rule.maximum:
        errors["maximum"] = _(
            "The maximum {maximum} is below the minimum {minimum}: no figure could pass."
        ).format(maximum=rule.maximum.normalize(), minimum=rule.minimum.normalize())
    if rule.kind == RuleKind.BOUNDS and rule.minimum is None and rule.maximum is None:
        errors["minimum"] = _("Give a minimum, a maximum or both.")
    if rule.tolerance is not None and rule.tolerance < 0:
        errors["tolerance"] = _("A tolerance cannot be negative.")
    if rule.kind == RuleKind.OUTLIER and rule.tolerance is not None and rule.tolerance <= 1:
        errors["tolerance"] = _(
            "For an outlier the tolerance is the factor from the usual figure: more than 1 (e.g. 3)."
        )
    needs = {
        RuleKind.NUMERATOR_WITHIN: (Measure.RATIO,),
        RuleKind.RATIO_MATCHES: (Measure.RATIO,),
        RuleKind.COUNT_WITHIN: (Measure.COUNT_MEETING,),
        RuleKind.PERIODS_SUM: (Measure.FLOW,),
    }.get(rule.kind)
    if ind is not None and needs and ind.measure not in needs:
        errors["indicator"] = _(
            "{indicator} is measured as “{measure}”: a rule “{kind}” cannot apply to it."
        ).format(indicator=ind.name, measure=ind.get_measure_display(), kind=rule.get_kind_display())
    if rule.kind == RuleKind.FLAG and ind is not None and ind.threshold is None:
        errors["indicator"] = _(
            "{indicator} has no standard to meet (no threshold): it is not a flag."
        ).format(indicator=ind.name)
    if rule.kind == RuleKind.PARTS_SUM:
        if ind is None:
            errors["indicator"] = _("Choose the whole the parts add up to.")
        if len(parts) < 2:
            errors["parts"] = _("Choose at least two parts.")
        if ind is not None and any(p.pk == ind.pk for p in parts):
            errors["parts"] = _("{indicator} cannot be one of its own parts.").format(indicator=ind.name)
        if ind is not None and any(p.measure_unit.dimension != ind.measure_unit.dimension for p in parts):
            errors["parts"] = _("Every part must be measured like the whole ({unit}).").format(
                unit=ind.measure_unit.symbol
            )
    elif parts:
        errors["parts"] = _("Only a rule “parts add up to the whole” has parts.")
    if not errors and rule.kind == RuleKind.BOUNDS and rule.severity == Severity.HARD and ind is not None:
        # another hard bound on the same figures that leaves nothing possible
        others = Rule.objects.filter(
            active=True, kind=RuleKind.BOUNDS, severity=Severity.HARD, indicator=ind
        ).exclude(pk=rule.pk)
        for other in others:
            low = max((x for x in (rule.minimum, other.minimum) if x is not None), default=None)
            high = min((x for x in (rule.maximum, other.maximum) if x is not None), default=None)
            if low is not None and high is not None and low > high:
                errors["minimum"] = _("With the rule “{other}” no figure could pass: {low} > {high}.").format(
                    other=other.name, low=low.normalize(), high=high.normalize()
                )
    return errors


@transaction.atomic
def rule_save(*, actor, data: dict, parts: list | None = None, instance: Rule | None = None) -> Rule:
    """Create or change a rule (audited). ``data["indicator"]`` may be an Indicator or its code: a code
    that names no indicator is refused."""
    parts = list(parts or [])
    resolved = []
    for p in parts:
        if isinstance(p, Indicator):
            resolved.append(p)
            continue
        found = Indicator.objects.filter(code=p).first()
        if found is None:
            raise ValidationError({"parts": _("No indicator has the code “{code}”.").format(code=p)})
        resolved.append(found)
    ind = data.get("indicator")
    if isinstance(ind, str):
        found = Indicator.objects.filter(code=ind).first()
        if found is None:
            raise ValidationError({"indicator": _("No indicator has the code “{code}”.").format(code=ind)})
        data = {**data, "indicator": found}
    before = snapshot(instance)
    rule = instance or Rule(created_by=actor if is_user(actor) else None)
    for k, v in data.items():
        setattr(rule, k, v)
    if rule.tolerance is None:
        rule.tolerance = Decimal(0)
    errors = _rule_errors(rule, resolved)
    if errors:
        raise ValidationError(errors)
    if instance is not None:
        rule.version += 1
    rule.full_clean()
    rule.save()
    if rule.kind == RuleKind.PARTS_SUM or parts:
        rule.parts.set(resolved)
    after = snapshot(rule) | {"parts": sorted(p.code for p in resolved)}
    record(
        actor=actor,
        action="update" if instance else "create",
        obj=rule,
        before=before,
        after=after,
        unit=rule.unit,
    )
    return rule
