"""The appendix table as an .xlsx workbook (openpyxl): one row per indicator, numbers as numbers.

Layout of the sheet "Phụ lục":

* row 1: title with the issuing unit and the period ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU - Thị ủy Kinh
  Môn - 6 tháng đầu năm 2022"); row 2: the reference to the report;
* rows 3-4: header (each basis label spans its "Chỉ tiêu" and "% thực hiện" sub-columns); panes frozen at
  D5 (header rows and the STT / field / indicator columns stay visible);
* from row 5: one row per indicator (components included, indented with "- "), the field in its own column
  so the sheet can be filtered.

Number formats. An .xlsx number format is always written with "," for thousands and "." for decimals; Excel
and LibreOffice display it with the reader's locale, so a Vietnamese locale shows ``31.167`` and ``905,653``.
The cells hold real numbers (never text), so nothing depends on the locale:

* values and targets: ``#,##0`` or ``#,##0.0...`` with the row's decimals (natural decimals of the value
  when ``decimals`` is None);
* "% thực hiện": the fraction (51,7% is stored as 0.517) with ``0.0%``;
* change against the same period: a relative change as a fraction with ``+0.0%;-0.0%;0.0%``; a change in
  percentage points as the number of points with ``+0.0" điểm %";-0.0" điểm %";0.0" điểm %"``;
* a count of units "8/9 xã" keeps 8 in the value column and 9 in a "Trên tổng số" column (present only when
  some row has a denominator);
* a missing value is the text "chưa có số liệu"; the status is text.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from chitieu.documents.context import Appendix, AppendixRow, ReportContext
from chitieu.documents.formats import NO_DATA, reference_line
from chitieu.lib.safecells import set_cell, write

__all__ = ["FIRST_DATA_ROW", "HEADER_ROWS", "number_format", "percent_format", "render_appendix_xlsx"]

TITLE_ROW = 1
REFERENCE_ROW = 2
HEADER_ROWS = (3, 4)
FIRST_DATA_ROW = 5
FREEZE_AT = "D5"
_HUNDRED = Decimal(100)
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LEAD_COLUMNS = ("STT", "Lĩnh vực", "Chỉ tiêu", "Đơn vị tính", "Loại số liệu")
_LEAD_WIDTHS = (6, 18, 48, 12, 11)


def _decimals_of(value: Decimal, decimals: int | None) -> int:
    if decimals is not None:
        return decimals
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number_format(decimals: int) -> str:
    """``#,##0`` or ``#,##0.00`` (displayed ``1.234,56`` under a Vietnamese locale)."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def percent_format(decimals: int, *, signed: bool = False, suffix: str = "%") -> str:
    """``0.0%``; signed: ``+0.0%;-0.0%;0.0%``; ``suffix`` may be a quoted literal such as ``" điểm %"``."""
    body = "0" + ("." + "0" * decimals if decimals > 0 else "") + suffix
    return f"+{body};-{body};{body}" if signed else body


DENOMINATOR_LABEL = "Trên tổng số"
_HEDGES = {"over": "trên", "nearly": "gần", "about": "khoảng"}


def _hedged(fmt: str, qualifier: str | None) -> str:
    """A number format that writes the source's hedge before the number ("trên 1.000"): the cell stays
    a number."""
    word = _HEDGES.get(qualifier or "")
    return f'"{word} "{fmt}' if word else fmt


def _has_denominator(appendix: Appendix) -> bool:
    return any(row.denominator is not None for row in appendix.rows)


def _headers(appendix: Appendix) -> tuple[list[str], list[str]]:
    top = [*_LEAD_COLUMNS, appendix.value_label]
    if _has_denominator(appendix):
        top.append(DENOMINATOR_LABEL)
    sub = [""] * len(top)
    for basis in appendix.bases:
        top += [basis, basis]
        sub += ["Chỉ tiêu", "% thực hiện"]
    top += [appendix.change_label, appendix.status_label]
    sub += ["", ""]
    return top, sub


def _row_values(appendix: Appendix, field: str, number: int | None, row: AppendixRow):
    """(value, number_format or None) per column."""
    pd = appendix.percent_decimals if row.percent_decimals is None else row.percent_decimals
    indicator = f"- {row.indicator}" if row.level else row.indicator
    kind = "Ước" if row.value_status == "estimate" else "Thực hiện"
    cells: list[tuple[object, str | None]] = [
        (number, None),
        (field, None),
        (indicator, None),
        (row.unit, None),
        (kind if row.value is not None else "", None),
    ]
    if row.value is None:
        cells.append((NO_DATA, None))
    else:
        cells.append(
            (row.value, _hedged(number_format(_decimals_of(row.value, row.decimals)), row.qualifier))
        )
    if _has_denominator(appendix):
        if row.denominator is None:
            cells.append((None, None))
        else:
            cells.append((row.denominator, number_format(_decimals_of(row.denominator, row.decimals))))
    targets = list(row.targets) + [None] * (len(appendix.bases) - len(row.targets))
    for target in targets[: len(appendix.bases)]:
        if target is None or target.target is None:
            cells.append((None, None))
        else:
            mark = ("*" if target.derived else "") + ("‡" if target.illustrative else "")
            fmt = number_format(_decimals_of(target.target, None))  # a target has its own decimals
            cells.append((target.target, f'{fmt}"{mark}"' if mark else fmt))
        if target is None or target.percent is None:
            cells.append((None, None))
        else:
            places = pd if target.decimals is None else target.decimals
            fmt = _hedged(percent_format(places), target.qualifier)
            cells.append((target.percent / _HUNDRED, f'{fmt}"†"' if target.stated else fmt))
    if row.change is None:
        cells.append((None, None))
    elif row.change_kind == "points":
        cells.append((row.change, percent_format(pd, signed=True, suffix='" điểm %"')))
    else:
        cells.append((row.change / _HUNDRED, percent_format(pd, signed=True)))
    cells.append((row.status, None))
    return cells


def render_appendix_xlsx(ctx: ReportContext, path: str | Path) -> Path:
    """Write the appendix of ``ctx`` to ``path`` (.xlsx) and return the path."""
    appendix = ctx.appendix
    if appendix is None:
        raise ValueError("the report context has no appendix")
    layout = ctx.effective_layout
    font = Font(name=layout.font_name, size=layout.table_pt)
    bold = Font(name=layout.font_name, size=layout.table_pt, bold=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    top, sub = _headers(appendix)
    ncols = len(top)
    last = get_column_letter(ncols)

    title = f"{appendix.subtitle} - {ctx.meta.issuer.display_name} - {appendix.period_label}"
    write(ws, TITLE_ROW, 1, title).font = Font(
        name=layout.font_name, size=layout.appendix_title_pt, bold=True
    )
    ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    write(ws, REFERENCE_ROW, 1, reference_line(ctx.meta)).font = Font(
        name=layout.font_name, size=layout.table_pt, italic=True
    )
    ws.merge_cells(f"A{REFERENCE_ROW}:{last}{REFERENCE_ROW}")
    for r in (TITLE_ROW, REFERENCE_ROW):
        ws.cell(r, 1).alignment = Alignment(horizontal="center")

    header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, labels in zip(HEADER_ROWS, (top, sub), strict=True):
        for c, label in enumerate(labels, start=1):
            cell = write(ws, r, c, label or None)
            cell.font, cell.alignment, cell.border = bold, header_align, _BOX
    for c, label in enumerate(sub, start=1):
        if not label:  # single-level column: merge vertically
            ws.merge_cells(start_row=HEADER_ROWS[0], start_column=c, end_row=HEADER_ROWS[1], end_column=c)
    first_basis = len(_LEAD_COLUMNS) + 2 + (1 if _has_denominator(appendix) else 0)
    for b in range(len(appendix.bases)):
        col = first_basis + 2 * b
        ws.merge_cells(start_row=HEADER_ROWS[0], start_column=col, end_row=HEADER_ROWS[0], end_column=col + 1)

    r = FIRST_DATA_ROW
    number = 0
    for group in appendix.groups:
        for row in group.rows:
            if not row.level:
                number += 1
            for c, (value, fmt) in enumerate(
                _row_values(appendix, group.heading, None if row.level else number, row), start=1
            ):
                cell = set_cell(ws.cell(r, c), value)
                cell.font, cell.border = font, _BOX
                if fmt:
                    cell.number_format = fmt
                if c == 3:
                    cell.alignment = Alignment(wrap_text=True, vertical="center")
                else:
                    cell.alignment = Alignment(vertical="center", wrap_text=isinstance(value, str))
            r += 1
    for line in (appendix.note or "").splitlines():
        r += 1
        ws.cell(r, 1, line).font = Font(name=layout.font_name, size=layout.table_pt, italic=True)

    widths = (
        [*_LEAD_WIDTHS, 14] + [12] * _has_denominator(appendix) + [13, 11] * len(appendix.bases) + [15, 14]
    )
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[TITLE_ROW].height = 22
    ws.freeze_panes = FREEZE_AT
    ws.print_title_rows = f"{HEADER_ROWS[0]}:{HEADER_ROWS[1]}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    path = Path(path)
    wb.save(str(path))
    return path
