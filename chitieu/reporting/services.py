"""Writes of results and targets. Every rule a form, the API or an import must honour lives here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chitieu.access.references import document_reference, require_action, resolution_reference
from chitieu.audit.services import record, snapshot
from chitieu.i18n import current_lang, is_user
from chitieu.indicators.choices import Dimension, Measure, ResolutionKind
from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.lib.periods import Period, PeriodError, parse_period
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import UP_CTE

from . import rollups
from .choices import ComparisonKind, ResultSource, ResultStatus, SubmissionStatus
from .models import Result, StatedComparison, Submission


def period_parse(code: str, *, field: str = "period") -> Period:
    """Parse a period code or raise a ValidationError naming the field."""
    try:
        return parse_period(code)
    except PeriodError:
        raise ValidationError(
            {
                field: _(
                    "“{code}” is not a period code. Use e.g. 2023, 2023-H1, 2023-Q1, 2023-9M, 2023-06 or 2020-2025."
                ).format(code=code)
            }
        ) from None


def _exists(obj, what: str) -> ValidationError:
    msg = _("This {what} already exists (id {id}, version {version}): update it instead.").format(
        what=_("figure") if what == "figure" else _("target"), id=obj.pk, version=obj.version
    )
    return ValidationError(msg, code="exists")


def _save_new_or_existing(obj, what: str) -> None:
    """Save; two people creating the same figure at the same instant get a clear refusal, not a 500."""
    if obj.pk is not None:
        obj.save()
        return
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise ValidationError(
            _("Someone else created this {what} at the same moment: reload and update it instead.").format(
                what=_("figure") if what == "figure" else _("target")
            ),
            code="exists",
        ) from None


# The longest note or reason a figure or target keeps: what the results form allows, for the API and
# the import alike.
NOTE_MAX_CHARS = 2000


def _check_text_lengths(*, note: str = "", reason: str = "") -> None:
    errors = {}
    if note and len(note) > NOTE_MAX_CHARS:
        errors["note"] = _("The note is {n} characters long; at most {limit} are kept.").format(
            n=len(note), limit=NOTE_MAX_CHARS
        )
    if reason and len(reason) > NOTE_MAX_CHARS:
        errors["reason"] = _("The reason is {n} characters long; at most {limit} are kept.").format(
            n=len(reason), limit=NOTE_MAX_CHARS
        )
    if errors:
        raise ValidationError(errors)


def _same_row_keys(instance, keys: dict[str, object]) -> None:
    """An update changes the row it was asked to change: a body naming other keys is refused."""
    messages = {
        "indicator": _(
            "This row is for the indicator {current}, not {other}: to enter {other}, create a new row."
        ),
        "unit": _("This row is for the unit {current}, not {other}: to enter {other}, create a new row."),
        "period": _("This row is for the period {current}, not {other}: to enter {other}, create a new row."),
        "basis": _("This row is for the basis {current}, not {other}: to enter {other}, create a new row."),
    }
    errors = {}
    for field, value in keys.items():
        if field in ("indicator", "unit"):
            current, other = getattr(instance, field), value
            differ = getattr(value, "pk", value) != getattr(instance, f"{field}_id")
            current, other = getattr(current, "code", current), getattr(other, "code", other)
        else:
            current, other = getattr(instance, field), value
            differ = current != other
        if differ:
            errors[field] = messages[field].format(current=current, other=other)
    if errors:
        raise ValidationError(errors, code="other_row")


def _num(value: Decimal | None) -> str:
    from chitieu.lib.vnnum import format_number

    return format_number(value, lang=current_lang()) if value is not None else "—"


_ANCESTRY_SQL = (
    UP_CTE
    + """SELECT (SELECT COUNT(*) FROM orgs_unit c WHERE c.parent_id = %s), up.id, s.window_rule
    FROM (SELECT 1 AS one) one
    LEFT JOIN up ON 1 = 1
    LEFT JOIN reporting_reportingsetup s ON s.unit_id = up.id
    ORDER BY up.depth"""
)


def _ancestry(unit: Unit) -> tuple[list[int], bool, str]:
    """What a result save needs to know about the unit's place in the tree, in one query: its
    ancestors' ids (nearest first, for the roll-ups), whether it is a base unit (no units under it),
    and its data-window rule (the nearest unit up the tree with a reporting setup decides)."""
    with connection.cursor() as cur:
        cur.execute(_ANCESTRY_SQL, [unit.pk, unit.pk])
        rows = cur.fetchall()
    ancestors = [uid for _n, uid, _r in rows if uid is not None and uid != unit.pk]
    rule = next((r for _n, _uid, r in rows if r), None)
    return ancestors, rows[0][0] == 0, rule or settings.CHITIEU_DEFAULT_WINDOW_RULE


def window_rule_for(unit: Unit) -> str:
    """The data-window rule of the nearest unit up the tree that has a reporting setup (one query)."""
    return _ancestry(unit)[2]


def _check_unit_in_period(unit: Unit, period: Period) -> None:
    if not unit.overlaps(period.start, period.end):
        raise ValidationError(
            {
                "unit": _("{unit} did not exist during {period} (it existed from {start} to {end}).").format(
                    unit=unit.name,
                    period=period.label(current_lang()),
                    start=unit.valid_from.strftime("%d/%m/%Y"),
                    end=unit.valid_to.strftime("%d/%m/%Y") if unit.valid_to else _("today"),
                )
            }
        )


@dataclass(frozen=True)
class StatedInput:
    basis: str
    kind: str
    percent: Decimal
    basis_label: str = ""
    qualifier: str = ""


def _validate_value(indicator: Indicator, value: Decimal | None, numerator, denominator) -> None:
    errors: dict[str, str] = {}
    if value is not None and indicator.is_share:
        if value > 100 or value < 0:
            errors["value"] = _("{indicator} is a share of a whole: it must lie between 0 and 100%.").format(
                indicator=indicator.name
            )
    if indicator.measure == Measure.COUNT_MEETING and value is not None and denominator is not None:
        if value > denominator:
            errors["value"] = _("{x}/{y}: the count cannot exceed the number of units.").format(
                x=value, y=denominator
            )
        if value < 0:
            errors["value"] = _("A count cannot be negative.")
    if denominator is not None and denominator == 0:
        errors["denominator"] = _("The denominator cannot be zero.")
    if indicator.measure == Measure.RATIO and (numerator is None) != (denominator is None):
        errors["denominator"] = _("Give both the numerator and the denominator, or neither.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def result_save(
    *,
    actor,
    indicator: Indicator,
    unit: Unit,
    period: str,
    value: Decimal | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    status: str = ResultStatus.ACTUAL,
    qualifier: str = "",
    note: str = "",
    source: str = ResultSource.ENTERED,
    source_ref: str = "",
    source_text: str = "",
    source_document=None,
    source_span: tuple[int, int] | None = None,
    stated: Iterable[StatedInput] = (),
    today: dt.date | None = None,
    expected_version: int | None = None,
    reason: str = "",
    create_only: bool = False,
    instance: Result | None = None,
) -> Result:
    """Create or update the one result for (indicator, unit, period).

    ``instance``: the row the caller means to change (an API update of /results/<id>/); the keys must
    be that row's, and ``expected_version`` is checked against that row."""
    require_action(actor, unit, "enter_results")
    document_reference(actor, source_document)
    _check_text_lengths(note=note, reason=reason)
    p = period_parse(period)
    if instance is not None:
        _same_row_keys(instance, {"indicator": indicator, "unit": unit, "period": p.code})
    _check_unit_in_period(unit, p)
    today = today or timezone.localdate()
    ancestors, is_base, rule = _ancestry(unit)
    if status == ResultStatus.ACTUAL:
        _start, window_end = p.data_window(rule)
        if window_end >= today:
            raise ValidationError(
                {
                    "status": _(
                        "{period} is not over yet (its data window ends on {end}): mark the figure as an estimate (ước)."
                    ).format(period=p.code, end=window_end.strftime("%d/%m/%Y"))
                }
            )
    if indicator.measure == Measure.RATIO and value is None and numerator is not None and denominator:
        scale = 100 if indicator.measure_unit.dimension == Dimension.PERCENT else 1
        value = (numerator * scale / denominator).quantize(Decimal("0.000001"))
    stated = list(stated)
    if value is None and not stated:
        raise ValidationError({"value": _("Enter a value.")})
    _validate_value(indicator, value, numerator, denominator)

    sub = Submission.objects.select_for_update().filter(unit=unit, period=p.code).first()
    if sub is not None and sub.locked:
        raise ValidationError(
            _("The results of {unit} for {period} are {status}: an approver must reopen them first.").format(
                unit=unit.name, period=p.label(current_lang()), status=sub.get_status_display()
            ),
            code="locked",
        )
    rows = Result.objects.select_for_update()
    if instance is not None:
        result = rows.filter(pk=instance.pk).first()
        if result is None:
            raise ValidationError(_("This figure was deleted meanwhile: reload the page."), code="gone")
    else:
        result = rows.filter(indicator=indicator, unit=unit, period=p.code).first()
    if result is not None:  # the objects in hand, not fetched again for validation and the audit row
        result.indicator, result.unit = indicator, unit
    old_contribution = rollups.NONE
    stated_rows = [
        (s.basis, s.kind, Decimal(s.percent).normalize(), s.basis_label, s.qualifier) for s in stated
    ]
    if create_only and result is not None:
        raise _exists(result, "figure")
    before = None
    if result is None:
        result = Result(
            indicator=indicator, unit=unit, period=p.code, entered_by=actor if is_user(actor) else None
        )
    else:
        if expected_version is not None and result.version != expected_version:
            raise ValidationError(
                {
                    "value": ValidationError(
                        _(
                            "Someone else changed this figure meanwhile: it is now {theirs}, you entered {yours}. "
                            "Save again to keep yours, or reload to keep theirs."
                        ).format(theirs=_num(result.value), yours=_num(value)),
                        code="conflict",
                    )
                }
            )
        before = _result_state(result)
        old_contribution = rollups.contribution(indicator, result.value, result.numerator, result.denominator)
    result.value = value
    result.numerator = numerator
    result.denominator = denominator
    result.status = status
    result.qualifier = qualifier
    result.note = note
    result.source = source
    result.source_ref = source_ref
    result.source_text = source_text
    result.source_document = source_document
    result.source_start, result.source_end = source_span or (None, None)
    after_fields = _result_state(result, stated_rows if stated else None)
    if before is not None:
        if stated:
            before["stated"] = sorted(
                [str(x) for x in (r.basis, r.kind, r.percent.normalize(), r.basis_label, r.qualifier)]
                for r in result.stated.all()
            )
        else:
            after_fields.pop("stated", None)
        if _same_figure(before, after_fields):
            return result  # nothing changed: no new version, no audit entry
        if sub is not None and sub.status == SubmissionStatus.REOPENED and not (reason or "").strip():
            raise ValidationError(
                {
                    "note": ValidationError(
                        _("These results were approved before: give the reason for changing this figure."),
                        code="reason_required",
                    )
                },
            )
        result.version += 1
    # The indicator and unit were resolved by the caller and the row is locked: checking that they
    # exist, and that the row is unique, would be three more queries on every save; the one check
    # constraint (a denominator is never zero) is _validate_value's.
    result.full_clean(exclude=["indicator", "unit"], validate_unique=False, validate_constraints=False)
    _save_new_or_existing(result, "figure")
    rollups.apply_change(
        result,
        ancestors if is_base else [],
        old_contribution,
        rollups.contribution(indicator, result.value, result.numerator, result.denominator),
    )
    if stated:
        result.stated.all().delete()
        for s in stated:
            StatedComparison.objects.create(
                result=result,
                basis=s.basis,
                kind=s.kind,
                percent=s.percent,
                basis_label=s.basis_label,
                qualifier=s.qualifier,
            )
    record(
        actor=actor,
        action="create" if before is None else "update",
        obj=result,
        before=before,
        after=_result_state(result, stated_rows if stated else None) | {"version": result.version},
        unit=unit,
        reason=(reason or "").strip(),
    )
    return result


AUDITED_RESULT_FIELDS = ("value", "numerator", "denominator", "status", "qualifier", "note", "source")


def _result_state(result: Result, stated_rows=None) -> dict:
    state = snapshot(result, AUDITED_RESULT_FIELDS)
    if stated_rows is not None:
        state["stated"] = sorted([str(x) for x in row] for row in stated_rows)
    return state


def _same_figure(before: dict, after: dict) -> bool:
    keys = set(before) | set(after)
    return all(before.get(k) == after.get(k) for k in keys if k != "version")


@transaction.atomic
def target_save(
    *,
    actor,
    indicator: Indicator,
    unit: Unit,
    period: str,
    basis: str,
    value: Decimal,
    kind: str = "level",
    resolution: Resolution | None = None,
    basis_label: str = "",
    derived: bool = False,
    note: str = "",
    expected_version: int | None = None,
    source_document=None,
    source_span: tuple[int, int] | None = None,
    reason: str = "",
    create_only: bool = False,
    instance: Target | None = None,
) -> Target:
    """Create or update the one target for (indicator, unit, period, basis); ``instance`` as in
    :func:`result_save`. A derived target (worked back from a document's stated percentage) may be
    recorded by whoever enters the figure it comes from."""
    require_action(actor, unit, "manage", *(("enter_results",) if derived else ()))
    resolution_reference(actor, resolution, unit=unit, from_above=True)
    document_reference(actor, source_document)
    _check_text_lengths(note=note, reason=reason)
    p = period_parse(period)
    if instance is not None:
        _same_row_keys(instance, {"indicator": indicator, "unit": unit, "period": p.code, "basis": basis})
    _check_unit_in_period(unit, p)
    if value is None:
        raise ValidationError({"value": _("Enter a value.")})
    if indicator.is_share and (value > 100 or value < 0):
        raise ValidationError(
            {
                "value": _("{indicator} is a share of a whole: it must lie between 0 and 100%.").format(
                    indicator=indicator.name
                )
            }
        )
    if resolution is not None:
        covered = resolution.period_code
        if covered:
            rp = parse_period(covered)
            if not rp.contains(p) and not p.contains(rp):
                raise ValidationError(
                    {
                        "period": _("The resolution covers {covered}; {period} lies outside it.").format(
                            covered=covered, period=p.code
                        )
                    }
                )
    rows = Target.objects.select_for_update()
    if instance is not None:
        target = rows.filter(pk=instance.pk).first()
        if target is None:
            raise ValidationError(_("This target was deleted meanwhile: reload the page."), code="gone")
    else:
        target = rows.filter(indicator=indicator, unit=unit, period=p.code, basis=basis).first()
    if create_only and target is not None:
        raise _exists(target, "target")
    before = None
    if target is None:
        target = Target(
            indicator=indicator,
            unit=unit,
            period=p.code,
            basis=basis,
            created_by=actor if is_user(actor) else None,
        )
    else:
        if expected_version is not None and target.version != expected_version:
            raise ValidationError(
                {
                    "value": ValidationError(
                        _(
                            "Someone else changed this target meanwhile: it is now {theirs}, you entered {yours}. "
                            "Save again to keep yours, or reload to keep theirs."
                        ).format(theirs=_num(target.value), yours=_num(value)),
                        code="conflict",
                    )
                }
            )
        before = snapshot(target, AUDITED_TARGET_FIELDS)
    target.value = value
    target.kind = kind
    target.resolution = resolution
    target.basis_label = basis_label
    target.derived = derived
    target.note = note
    target.source_document = source_document
    target.source_start, target.source_end = source_span or (None, None)
    after = snapshot(target, AUDITED_TARGET_FIELDS)
    if before is not None:
        if before == after:
            return target
        target.version += 1
    target.full_clean(validate_unique=False)
    _save_new_or_existing(target, "target")
    record(
        actor=actor,
        action="create" if before is None else "update",
        obj=target,
        before=before,
        after=after | {"version": target.version},
        unit=unit,
        reason=(reason or "").strip(),
    )
    return target


AUDITED_TARGET_FIELDS = ("value", "kind", "resolution", "basis_label", "derived", "note")


# Bases a stated "đạt X% …" can imply a target of (a share of the same period last year cannot).
TARGET_BASES = frozenset({"plan", "resolution", "estimate_upper", "estimate_local", "other"})


@dataclass(frozen=True)
class DerivableShare:
    """A stated share ("đạt 59,9% kế hoạch") and where the document says it, for a derived target."""

    stated: StatedInput
    source_span: tuple[int, int] | None = None


def derivable_shares(stated: Iterable[StatedInput], value: Decimal | None) -> list[StatedInput]:
    """The stated percentages a target can be worked back from: shares of a target basis, of a known
    value, not qualified ("trên 100%" says only that the target was exceeded)."""
    if value is None:
        return []
    return [
        s
        for s in stated
        if s.kind == ComparisonKind.OF
        and s.basis in TARGET_BASES
        and Decimal(s.percent) > 0
        and not s.qualifier
    ]


def target_home(
    unit: Unit, period: str, resolution: Resolution | None = None
) -> tuple[Resolution | None, str]:
    """Where a target stated or implied by a figure of ``period`` belongs: the resolution (by default
    the unit's resolution covering the period, never another unit's) and the resolution's own period
    — the year of an annual resolution, the term of a congress one."""
    from chitieu.indicators.selectors import resolution_for

    if resolution is None:
        resolution = resolution_for(unit, period)
    if resolution is not None and resolution.unit_id != unit.pk:
        resolution = None  # a resolution's targets stay with the unit that adopted it
    p = parse_period(period)
    target_period = (p.year_period() or p).code
    if resolution is not None and resolution.kind == ResolutionKind.CONGRESS and resolution.term_id:
        target_period = resolution.period_code
    return resolution, target_period


@transaction.atomic
def targets_derive(
    *,
    actor,
    result: Result,
    shares: Iterable[DerivableShare],
    resolution: Resolution | None = None,
    source_document=None,
) -> list[Target]:
    """Targets worked back from a result's stated shares, where none is known for the basis.

    The target belongs to ``resolution`` (by default the unit's resolution covering the period), for
    the resolution's own period: the year of an annual resolution, the term of a congress one. A
    known target is never replaced: the stated percentage is checked against it instead."""
    from chitieu.lib.vnnum import format_number

    from .progress import Polarity, derive_target

    indicator, unit, value = result.indicator, result.unit, result.value
    resolution, target_period = target_home(unit, result.period, resolution)
    p = parse_period(result.period)
    saved = []
    for share in shares:
        s = share.stated
        if Target.objects.filter(
            indicator=indicator, unit=unit, basis=s.basis, period__in={p.code, target_period}
        ).exists():
            continue
        pct = Decimal(s.percent)
        derived = derive_target(value, pct, polarity=Polarity(indicator.polarity))
        saved.append(
            target_save(
                actor=actor,
                indicator=indicator,
                unit=unit,
                period=target_period,
                basis=s.basis,
                value=derived,
                basis_label=s.basis_label,
                derived=True,
                resolution=resolution,
                source_document=source_document,
                source_span=share.source_span,
                note=_(
                    # xgettext:no-python-format
                    "Derived from the document: {value} {unit} is {pct}% of {basis} ⇒ target ≈ {target} {unit}."
                ).format(
                    value=format_number(value),
                    unit=indicator.measure_unit.symbol,
                    pct=format_number(pct),
                    basis=s.basis_label or s.basis,
                    target=format_number(derived),
                ),
            )
        )
    return saved


@dataclass(frozen=True)
class ResultInput:
    """One row of a results form: a figure for one indicator, as the reporter typed it."""

    indicator: Indicator
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    status: str = ResultStatus.ACTUAL
    note: str = ""
    expected_version: int | None = None


class ResultRowsRefused(ValidationError):
    """Some rows of a results form were refused; nothing was saved. ``rows`` maps an indicator's code
    to the refusal of its row, ``current`` to the figure someone else saved meanwhile (a conflict),
    ``general`` holds what concerns the whole form (the period, the unit, a lock)."""

    def __init__(self, *, rows: dict[str, ValidationError], current: dict[str, Result], general=None):
        self.rows, self.current, self.general = rows, current, general
        messages = [m for e in rows.values() for m in e.messages] + (general.messages if general else [])
        super().__init__(messages)


@transaction.atomic
def results_save_many(
    *,
    actor,
    unit: Unit,
    period: str,
    rows: Iterable[ResultInput],
    reason: str = "",
    today: dt.date | None = None,
) -> list[Result]:
    """Save a form's rows for one unit and period: every row or none. Each row goes through
    :func:`result_save` (its rules, its roll-ups, its audit row); the refusals of all rows are
    collected, so the reporter sees every one at once, and then nothing is kept."""
    from .calendar import period_refusal

    p = period_parse(period)
    refusal = period_refusal(unit, p, today=today)
    if refusal:
        raise ResultRowsRefused(rows={}, current={}, general=ValidationError({"period": refusal}))
    saved: list[Result] = []
    refused: dict[str, ValidationError] = {}
    current: dict[str, Result] = {}
    general = None
    for row in rows:
        try:
            saved.append(
                result_save(
                    actor=actor,
                    indicator=row.indicator,
                    unit=unit,
                    period=p.code,
                    value=row.value,
                    numerator=row.numerator,
                    denominator=row.denominator,
                    status=row.status,
                    note=row.note,
                    expected_version=row.expected_version,
                    reason=reason,
                    today=today,
                )
            )
        except ValidationError as exc:
            if getattr(exc, "code", None) == "locked":
                general = exc  # the whole period is locked: one message, not one per row
                break
            refused[row.indicator.code] = exc
            codes = [e.code for errs in getattr(exc, "error_dict", {}).values() for e in errs]
            if "conflict" in codes:
                current[row.indicator.code] = Result.objects.get(
                    indicator=row.indicator, unit=unit, period=p.code
                )
    if refused or general is not None:
        raise ResultRowsRefused(rows=refused, current=current, general=general)
    return saved
