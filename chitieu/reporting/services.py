"""Writes of results and targets. Every rule a form, the API or an import must honour lives here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

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
from .models import Result, Rollup, StatedComparison, Submission
from .progress import figure_of


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


def version_check(obj, expected_version: int | None, *, what: str, yours: Decimal | None) -> None:
    """The one optimistic-lock check of result_save and target_save: a write that read an older
    version is refused, naming the value someone else saved meanwhile and the one typed."""
    if obj is None or obj.pk is None or expected_version is None or obj.version == expected_version:
        return
    if what == "figure":
        message = _(
            "Someone else changed this figure meanwhile: it is now {theirs}, you entered {yours}. "
            "Save again to keep yours, or reload to keep theirs."
        )
    else:
        message = _(
            "Someone else changed this target meanwhile: it is now {theirs}, you entered {yours}. "
            "Save again to keep yours, or reload to keep theirs."
        )
    raise ValidationError(
        {"value": ValidationError(message.format(theirs=_num(obj.value), yours=_num(yours)), code="conflict")}
    )


class Saved(NamedTuple):
    """What a write returns: the object, whether it changed anything (a write that changes nothing adds
    no version and no audit row), whether it was created, and the soft findings the validation rules
    raised on it (hard ones refuse the write)."""

    object: Any
    changed: bool
    created: bool = False
    findings: tuple = ()


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


_PLACE_SQL = (
    UP_CTE
    + """SELECT (SELECT COUNT(*) FROM orgs_unit c WHERE c.parent_id = %s), up.id, s.window_rule,
        (SELECT COUNT(*) FROM reporting_result r WHERE r.unit_id = up.id AND r.indicator_id = %s
            AND r.period = %s AND (r.value IS NOT NULL OR (r.numerator IS NOT NULL AND r.denominator IS NOT NULL))),
        (SELECT COUNT(*) FROM indicators_indicator d WHERE d.weight_indicator_id = %s)
    FROM (SELECT 1 AS one) one
    LEFT JOIN up ON 1 = 1
    LEFT JOIN reporting_reportingsetup s ON s.unit_id = up.id
    ORDER BY up.depth"""
)


@dataclass(frozen=True)
class Place:
    """What a save needs to know about the unit's place in the tree, read in one query: its ancestors
    nearest first, each with whether it reported its own figure of the indicator for the period (the
    roll-up stops there); whether the unit has units under it; its data-window rule (the nearest unit
    up the tree with a reporting setup decides); whether other indicators use this one as their weight."""

    ancestors: list[tuple[int, bool]]
    is_base: bool
    rule: str
    weighs_others: bool


def _place(unit: Unit, indicator_id: int | None = None, period: str = "") -> Place:
    with connection.cursor() as cur:
        cur.execute(_PLACE_SQL, [unit.pk, unit.pk, indicator_id or -1, period, indicator_id or -1])
        rows = cur.fetchall()
    ancestors = [(uid, bool(own)) for _n, uid, _r, own, _w in rows if uid is not None and uid != unit.pk]
    rule = next((r for _n, _uid, r, _o, _w in rows if r), None)
    return Place(ancestors, rows[0][0] == 0, rule or settings.CHITIEU_DEFAULT_WINDOW_RULE, bool(rows[0][4]))


def window_rule_for(unit: Unit) -> str:
    """The data-window rule of the nearest unit up the tree that has a reporting setup (one query)."""
    return _place(unit).rule


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
    """What no figure can be, whatever the rules: a zero denominator, half a ratio. (Bounds, shares,
    X ≤ Y and the rest are validation rules an office edits: chitieu.validation.)"""
    errors: dict[str, str] = {}
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
) -> Saved:
    """Create or update the one result for (indicator, unit, period). ``stated`` replaces the stated
    percentages when given; when empty the stored ones are kept. Returns :class:`Saved`.

    ``instance``: the row the caller means to change (an API update of /results/<id>/); the keys must
    be that row's, and ``expected_version`` is checked against that row."""
    require_action(actor, unit, "enter_results")
    document_reference(actor, source_document)
    _check_text_lengths(note=note, reason=reason)
    p = period_parse(period)
    if instance is not None:
        _same_row_keys(instance, {"indicator": indicator, "unit": unit, "period": p.code})
    _check_unit_in_period(unit, p)
    place = _place(unit, indicator.pk, p.code)
    _check_status(p, status, place.rule, today or timezone.localdate())
    value = _ratio_value(indicator, value, numerator, denominator)
    stated = list(stated)
    if value is None and not stated:
        raise ValidationError({"value": _("Enter a value.")})
    _validate_value(indicator, value, numerator, denominator)

    sub = _lock_submission(unit, p)
    rows = Result.objects.select_for_update()
    if instance is not None:
        result = rows.filter(pk=instance.pk).first()
        if result is None:
            raise ValidationError(_("This figure was deleted meanwhile: reload the page."), code="gone")
    else:
        result = rows.filter(indicator=indicator, unit=unit, period=p.code).first()
    if create_only and result is not None:
        raise _exists(result, "figure")
    version_check(result, expected_version, what="figure", yours=value)
    created = result is None
    if created:
        result = Result(
            indicator=indicator, unit=unit, period=p.code, entered_by=actor if is_user(actor) else None
        )
        before, old_stated = None, []
    else:
        result.indicator, result.unit = indicator, unit  # in hand: not fetched again for the audit row
        before, old_stated = _result_state(result), list(result.stated.all())
    old = Decimal(result.value) if result.value is not None else None, result.numerator, result.denominator
    old_document = result.source_document_id
    stated_rows = [_stated_row(s) for s in stated] if stated else [_stated_row(s) for s in old_stated]
    _assign(
        result,
        value=value,
        numerator=numerator,
        denominator=denominator,
        status=status,
        qualifier=qualifier,
        note=note,
        source=source,
        source_ref=source_ref,
        source_text=source_text,
        source_document=source_document,
        source_span=source_span,
    )
    after = _result_state(result, stated_rows)
    if before is not None:
        before["stated"] = sorted([str(x) for x in _stated_row(r)] for r in old_stated)
        linked = source_document is not None and source_document.pk != old_document
        if _figure(before) == _figure(after) and not linked:
            # Nothing the figure says changed (the channel it came through again is not a change of the
            # figure; a new link to the document it is written in is): no new version, no audit entry,
            # and the row is left as it was.
            result.refresh_from_db()
            return Saved(result, False)
        _require_reason(sub, reason)
        result.version += 1
    check = _validate(
        result, old=old, stated=stated_rows, carried=not stated and bool(old_stated), place=place
    )
    # The indicator and unit were resolved by the caller and the row is locked: checking that they
    # exist, and that the row is unique, would be three more queries on every save; the one check
    # constraint (a denominator is never zero) is _validate_value's.
    result.full_clean(exclude=["indicator", "unit"], validate_unique=False, validate_constraints=False)
    _save_new_or_existing(result, "figure")
    _roll_up(result, place, old)
    if stated:
        result.stated.all().delete()
        StatedComparison.objects.bulk_create(
            StatedComparison(
                result=result,
                basis=s.basis,
                kind=s.kind,
                percent=s.percent,
                basis_label=s.basis_label,
                qualifier=s.qualifier,
            )
            for s in stated
        )
    record(
        actor=actor,
        action="create" if created else "update",
        obj=result,
        before=before,
        after=after | {"version": result.version},
        unit=unit,
        reason=(reason or "").strip(),
    )
    stored = _store_findings(actor, check + _validate_related(result, place))
    return Saved(result, True, created, stored)


def _check_status(p: Period, status: str, rule: str, today: dt.date) -> None:
    """A period whose data window has not closed can hold only estimates."""
    if status != ResultStatus.ACTUAL:
        return
    _start, window_end = p.data_window(rule)
    if window_end >= today:
        raise ValidationError(
            {
                "status": _(
                    "{period} is not over yet (its data window ends on {end}): mark the figure as an estimate (ước)."
                ).format(period=p.code, end=window_end.strftime("%d/%m/%Y"))
            }
        )


def _ratio_value(indicator: Indicator, value, numerator, denominator) -> Decimal | None:
    """A ratio given only as numerator and denominator gets its value computed."""
    if indicator.measure == Measure.RATIO and value is None and numerator is not None and denominator:
        scale = 100 if indicator.measure_unit.dimension == Dimension.PERCENT else 1
        return (numerator * scale / denominator).quantize(Decimal("0.000001"))
    return value


def _lock_submission(unit: Unit, p: Period) -> Submission | None:
    """The unit's submission for the period, locked; a submitted or approved period refuses changes."""
    sub = Submission.objects.select_for_update().filter(unit=unit, period=p.code).first()
    if sub is not None and sub.locked:
        raise ValidationError(
            _("The results of {unit} for {period} are {status}: an approver must reopen them first.").format(
                unit=unit.name, period=p.label(current_lang()), status=sub.get_status_display()
            ),
            code="locked",
        )
    return sub


def _require_reason(sub: Submission | None, reason: str) -> None:
    if sub is not None and sub.status == SubmissionStatus.REOPENED and not (reason or "").strip():
        raise ValidationError(
            {
                "note": ValidationError(
                    _("These results were approved before: give the reason for changing this figure."),
                    code="reason_required",
                )
            },
        )


def _assign(result: Result, *, source_span, **fields) -> None:
    for name, value in fields.items():
        setattr(result, name, value)
    result.source_start, result.source_end = source_span or (None, None)


def _stated_row(s) -> tuple:
    return (s.basis, s.kind, Decimal(s.percent).normalize(), s.basis_label, s.qualifier)


def _validate(result: Result, *, old, stated, carried: bool, place: Place):
    """The validation rules on the figure (chitieu.validation): a hard rule refuses the save
    (ValidationError naming the field, the rule and the figures), soft ones come back as drafts."""
    from chitieu.validation.services import validate_result

    return validate_result(result=result, old=old, stated=stated, carried=carried, ancestors=place)


def _validate_related(result: Result, place: Place):
    """The rules comparing the figure with others (parts and whole, periods, the units below), after
    the write."""
    from chitieu.validation.services import validate_related

    return validate_related(result=result, place=place)


def _store_findings(actor, check) -> tuple:
    from chitieu.validation.services import findings_store

    return tuple(findings_store(actor=actor, check=check))


def _weight_of(indicator: Indicator, unit_id: int, period: str) -> Decimal | None:
    if not indicator.weight_indicator_id:
        return None
    return (
        Result.objects.filter(indicator_id=indicator.weight_indicator_id, unit_id=unit_id, period=period)
        .values_list("value", flat=True)
        .first()
    )


def _roll_up(result: Result, place: Place, old: tuple) -> None:
    """Carry the change of the unit's figure up the tree (rollups.py): the unit contributes its own
    figure when it has one, else its own roll-up; the change reaches each ancestor up to the first that
    reported its own figure. A figure used as other indicators' weight changes their weighted sums."""
    indicator, unit_id, period = result.indicator, result.unit_id, result.period
    weight = _weight_of(indicator, unit_id, period)
    before = rollups.contribution(indicator, *old, weight=weight)
    after = rollups.contribution(indicator, result.value, result.numerator, result.denominator, weight=weight)
    if not place.is_base and (not before or not after):
        below = rollups.sums_of(
            Rollup.objects.filter(unit_id=unit_id, indicator=indicator, period=period).first()
        )
        before, _r = figure_of(before, below)
        after, _r = figure_of(after, below)
    rollups.apply_change(result, rollups.chain_up(place.ancestors), after - before)
    if place.weighs_others:
        _reweigh(result, old[0])


def _reweigh(weight_result: Result, old_weight: Decimal | None) -> None:
    """This figure is the weight of other indicators' weighted averages: their contributions change."""
    unit = weight_result.unit
    for ind in Indicator.objects.filter(weight_indicator=weight_result.indicator).select_related(
        "measure_unit"
    ):
        own = Result.objects.filter(indicator=ind, unit=unit, period=weight_result.period).first()
        if own is None or own.value is None:
            continue
        own.indicator = ind
        before = rollups.contribution(ind, own.value, own.numerator, own.denominator, weight=old_weight)
        after = rollups.contribution(
            ind, own.value, own.numerator, own.denominator, weight=weight_result.value
        )
        rollups.apply_change(
            own, rollups.chain_up(_place(unit, ind.pk, own.period).ancestors), after - before
        )


AUDITED_RESULT_FIELDS = ("value", "numerator", "denominator", "status", "qualifier", "note", "source")


def _figure(state: dict) -> dict:
    return {k: v for k, v in state.items() if k != "source"}


def _result_state(result: Result, stated_rows=None) -> dict:
    state = snapshot(result, AUDITED_RESULT_FIELDS)
    if stated_rows is not None:
        state["stated"] = sorted([str(x) for x in row] for row in stated_rows)
    return state


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
    number: int | None = None,
    illustrative: bool | None = None,
    instance: Target | None = None,
) -> Saved:
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
    version_check(target, expected_version, what="target", yours=value)
    created = target is None
    before = None
    if created:
        target = Target(
            indicator=indicator,
            unit=unit,
            period=p.code,
            basis=basis,
            created_by=actor if is_user(actor) else None,
        )
    else:
        before = snapshot(target, AUDITED_TARGET_FIELDS)
    target.value = value
    target.kind = kind
    target.resolution = resolution
    target.basis_label = basis_label
    target.derived = derived
    target.note = note
    target.source_document = source_document
    target.source_start, target.source_end = source_span or (None, None)
    if number is not None:
        target.number = number
    if illustrative is not None:
        target.illustrative = illustrative
    after = snapshot(target, AUDITED_TARGET_FIELDS)
    if before is not None:
        if before == after:
            return Saved(target, False)
        target.version += 1
    from chitieu.validation.services import validate_target

    validate_target(target=target)
    target.full_clean(validate_unique=False)
    _save_new_or_existing(target, "target")
    record(
        actor=actor,
        action="create" if created else "update",
        obj=target,
        before=before,
        after=after | {"version": target.version},
        unit=unit,
        reason=(reason or "").strip(),
    )
    return Saved(target, True, created)


AUDITED_TARGET_FIELDS = (
    "value",
    "kind",
    "resolution",
    "basis_label",
    "derived",
    "note",
    "number",
    "illustrative",
)


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
            ).object
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
    qualifier: str = ""


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
) -> list[Saved]:
    """Save a form's rows for one unit and period: every row or none. Each row goes through
    :func:`result_save` (its rules, its roll-ups, its audit row); the refusals of all rows are
    collected, so the reporter sees every one at once, and then nothing is kept."""
    from .calendar import period_refusal

    p = period_parse(period)
    refusal = period_refusal(unit, p, today=today)
    if refusal:
        raise ResultRowsRefused(rows={}, current={}, general=ValidationError({"period": refusal}))
    saved: list[Saved] = []
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
                    qualifier=row.qualifier,
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
