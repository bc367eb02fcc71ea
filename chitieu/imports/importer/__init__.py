"""Read an import workbook (see ``template``) and write its results and targets.

Two phases. First every cell of both sheets is read and checked (``checking``); each problem becomes
an :class:`ImportIssue` naming its sheet, cell and indicator. Only when there is none are the rows
written (``writing``), all in one transaction, through ``result_save`` and ``target_save``; a row the
services refuse is reported with its cell and the whole transaction is rolled back, so a file is
imported entirely or not at all. Rows whose figures equal the stored ones are not saved again
(``unchanged``): importing the same file twice changes nothing the second time.

The modules depend on one another in one direction only: report ← unchanged ← reading ← checking,
and writing beside checking; this package module joins them.
"""

from __future__ import annotations

import os

from ..archive import Deadline, Limits, WorkbookRefused
from ..layout import RESULT_COLUMNS, RESULTS_SHEET, TARGET_COLUMNS, TARGETS_SHEET
from .checking import Checker
from .reading import (
    MAX_BYTES,
    MAX_DECIMALS,
    MAX_UNPACKED_BYTES,
    NO_FIGURE_MARKS,
    SheetReader,
    max_bytes,
    open_workbook,
    unreadable,
)
from .report import ImportIssue, ImportReport, Progress, ResultRow, TargetRow
from .writing import write_rows

__all__ = [
    "MAX_BYTES",
    "MAX_DECIMALS",
    "MAX_UNPACKED_BYTES",
    "NO_FIGURE_MARKS",
    "Deadline",
    "ImportIssue",
    "ImportReport",
    "Limits",
    "Progress",
    "ResultRow",
    "TargetRow",
    "WorkbookRefused",
    "import_workbook",
    "max_bytes",
    "open_workbook",
]


def import_workbook(
    data: bytes | str | os.PathLike,
    *,
    actor,
    allowed_results: set[int] | None,
    allowed_targets: set[int] | None,
    progress: Progress | None = None,
    filename: str = "",
    dry_run: bool = False,
    deadline: Deadline | None = None,
) -> ImportReport:
    """Check a whole workbook, then write it in one transaction, or write nothing and report why.

    ``allowed_results`` / ``allowed_targets``: ids of the units the actor may enter results for / set
    targets for (``None``: every unit). ``progress(done, total)`` is called as rows are written.
    ``dry_run`` runs the writes (so the services' rules are checked) and rolls them back.
    ``deadline``: the time budget for reading the file (by default CHITIEU_IMPORT_PARSE_SECONDS).
    """
    report = ImportReport(filename=filename, dry_run=dry_run)
    try:
        wb = open_workbook(data, deadline=deadline)
    except WorkbookRefused as exc:
        report.errors.append(ImportIssue(message=str(exc)))
        return report
    try:
        checker = Checker(allowed_results=allowed_results, allowed_targets=allowed_targets)
        checker.metadata(wb)
        readers = [
            SheetReader(wb, RESULTS_SHEET, RESULT_COLUMNS, checker.issues),
            SheetReader(wb, TARGETS_SHEET, TARGET_COLUMNS, checker.issues),
        ]
        parsed: list[tuple[SheetReader, list, set[int]]] = []
        for reader in readers:
            if reader.ws is None or not reader.find_header():
                parsed.append((reader, [], set()))
                continue
            skip = reader.merged_rows()
            parsed.append((reader, list(reader.rows()), skip))
    except WorkbookRefused as exc:  # the time budget ran out while reading
        report.errors = [ImportIssue(message=str(exc))]
        return report
    except Exception as exc:  # a damaged sheet openpyxl stumbles on while streaming it
        report.errors = [ImportIssue(message=unreadable(exc))]
        return report
    finally:
        wb.close()
    checker.prefetch([(reader, rows) for reader, rows, _skip in parsed])
    (res_reader, res_rows, res_skip), (tgt_reader, tgt_rows, tgt_skip) = parsed
    results = checker.result_rows(res_reader, res_rows, res_skip, report)
    targets = checker.target_rows(tgt_reader, tgt_rows, tgt_skip, report)
    if checker.issues:
        report.errors = checker.issues
        return report
    write_rows(
        report,
        results,
        targets,
        actor=actor,
        filename=filename,
        progress=progress,
        result_sheet=res_reader.name,
        target_sheet=tgt_reader.name,
        resolution_for=checker.resolution_for,
    )
    return report
