"""The writing pass: checked rows are saved in one transaction through the reporting services.

:func:`write_rows` saves each :class:`ResultRow` through ``result_save`` and each :class:`TargetRow`
through ``target_save``, counting each as created, changed or unchanged by what the service answers
(``Saved``), collects the soft validation findings by row, maps a service's ``ValidationError`` back to
the cells of the row (``_service_issues``), and rolls the whole transaction back when any row is
refused or the import is a dry run.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.indicators.models import Target
from chitieu.reporting.choices import ResultSource
from chitieu.reporting.models import Result
from chitieu.reporting.services import result_save, target_save

from ..layout import RESULT_COLUMNS, TARGET_COLUMNS, column_letter
from .report import ImportIssue, ImportReport, Progress, ResultRow, TargetRow

RESULT_FIELD_COLUMN = {
    "unit": "unit",
    "indicator": "indicator",
    "period": "period",
    "value": "value",
    "numerator": "numerator",
    "denominator": "denominator",
    "status": "status",
    "note": "note",
    "reason": "reason",
}
TARGET_FIELD_COLUMN = {
    "unit": "unit",
    "indicator": "indicator",
    "period": "period",
    "basis": "basis",
    "kind": "kind",
    "value": "value",
    "note": "note",
    "resolution": "period",
}


def _coord(columns, key: str, row: int) -> str:
    keys = [k for _t, k in columns]
    return f"{column_letter(keys.index(key))}{row}"


def _service_issues(
    exc: ValidationError, sheet: str, columns, mapping, row: int, code: str
) -> list[ImportIssue]:
    issues = []
    if hasattr(exc, "error_dict"):
        for fname, messages in exc.message_dict.items():
            col = mapping.get(fname, "value") if fname != NON_FIELD_ERRORS else "value"
            for m in messages:
                issues.append(ImportIssue(sheet, _coord(columns, col, row), code, m))
    else:
        for m in exc.messages:
            issues.append(ImportIssue(sheet, _coord(columns, "value", row), code, m))
    return issues


def _reason_in_its_column(exc: ValidationError) -> ValidationError:
    """result_save asks for the reason on its "note" field (the web form's); in the workbook the
    reason has its own column, so the problem is reported there, saying which column to fill."""
    errors = getattr(exc, "error_dict", {}).get("note", [])
    if not any(e.code == "reason_required" for e in errors):
        return exc
    title = dict((key, title) for title, key in RESULT_COLUMNS)["reason"]
    return ValidationError(
        {
            "reason": _(
                "This period was approved and then reopened: write the reason for changing this figure in "
                "the column “{column}”."
            ).format(column=title)
        }
    )


def _count(report: ImportReport, saved) -> None:
    """Whether a row changed anything is the service's answer (Saved), not decided again here."""
    if saved.created:
        report.created += 1
    elif saved.changed:
        report.changed += 1
    else:
        report.unchanged += 1


def _kept(ex: Result | None) -> dict:
    """What the workbook has no column for is kept as stored: the qualifier (trên …)."""
    return {} if ex is None else {"qualifier": ex.qualifier}


def write_rows(
    report: ImportReport,
    results: list[ResultRow],
    targets: list[TargetRow],
    *,
    actor,
    filename: str,
    progress: Progress | None,
    result_sheet: str,
    target_sheet: str,
    resolution_for: Callable[[TargetRow], object],
) -> None:
    """Save the checked rows in one transaction (see the module docstring). ``resolution_for(row)``:
    the resolution a new target joins (the template's, where it applies)."""
    total = len(results) + len(targets)
    done = 0
    if progress:
        progress(0, total)
    with transaction.atomic():
        existing_results = (
            {
                (r.unit_id, r.indicator_id, r.period): r
                for r in Result.objects.filter(
                    unit__in={x.unit.pk for x in results},
                    indicator__in={x.indicator.pk for x in results},
                    period__in={x.period for x in results},
                )
            }
            if results
            else {}
        )
        for row in results:
            ref = (
                f"{filename} {result_sheet}!A{row.row}".strip() if filename else f"{result_sheet}!A{row.row}"
            )
            try:
                saved = result_save(
                    actor=actor,
                    indicator=row.indicator,
                    unit=row.unit,
                    period=row.period,
                    value=row.value,
                    numerator=row.numerator,
                    denominator=row.denominator,
                    status=row.status,
                    note=row.note,
                    reason=row.reason,
                    source=ResultSource.IMPORTED,
                    source_ref=ref[:300],
                    today=None,
                    **_kept(existing_results.get((row.unit.pk, row.indicator.pk, row.period))),
                )
                _count(report, saved)
                # Soft findings never stop an import; they are reported with their row.
                report.findings += [
                    ImportIssue(result_sheet, f"A{row.row}", row.indicator.code, f.message)
                    for f in saved.findings
                ]
            except ValidationError as exc:
                report.errors += _service_issues(
                    _reason_in_its_column(exc),
                    result_sheet,
                    RESULT_COLUMNS,
                    RESULT_FIELD_COLUMN,
                    row.row,
                    row.indicator.code,
                )
            done += 1
            if progress:
                progress(done, total)
        existing_targets = (
            {
                (t.unit_id, t.indicator_id, t.period, t.basis): t
                for t in Target.objects.filter(
                    unit__in={x.unit.pk for x in targets},
                    indicator__in={x.indicator.pk for x in targets},
                    period__in={x.period for x in targets},
                ).select_related("resolution")
            }
            if targets
            else {}
        )
        for row in targets:
            ex = existing_targets.get((row.unit.pk, row.indicator.pk, row.period, row.basis))
            try:
                saved = target_save(
                    actor=actor,
                    indicator=row.indicator,
                    unit=row.unit,
                    period=row.period,
                    basis=row.basis,
                    value=row.value,
                    kind=row.kind,
                    resolution=ex.resolution if ex is not None else resolution_for(row),
                    basis_label=ex.basis_label if ex is not None else "",
                    note=row.note,
                    derived=ex.derived if ex is not None and ex.value == row.value else False,
                )
                _count(report, saved)
            except ValidationError as exc:
                report.errors += _service_issues(
                    exc, target_sheet, TARGET_COLUMNS, TARGET_FIELD_COLUMN, row.row, row.indicator.code
                )
            done += 1
            if progress:
                progress(done, total)
        if report.errors or report.dry_run:
            transaction.set_rollback(True)
        else:
            report.written = True
