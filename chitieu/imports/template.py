"""The import template: an .xlsx that chitieu reads back with :func:`chitieu.imports.importer.import_workbook`.

Sheet "Kết quả" (results): a title row, a hint row, the header on row 3, then one row per indicator
relevant to the unit and period, with the figures already stored. Sheet "Chỉ tiêu" (targets): the
stored targets, then an empty row for each indicator of the first sheet that has no target yet.
Bases, target kinds and statuses are written with their Vietnamese labels (see ``layout``); the
importer also accepts the codes. A hidden sheet "_chitieu" holds the metadata.
"""

from __future__ import annotations

import io
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.lib.periods import parse_period
from chitieu.lib.safecells import write
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result
from chitieu.reporting.services import window_rule_for

from .layout import (
    BASIS_LABELS,
    FORMAT_NAME,
    FORMAT_VERSION,
    HEADER_ROW,
    KIND_LABELS,
    META_SHEET,
    RESULT_COLUMNS,
    RESULTS_SHEET,
    STATUS_LABELS,
    TARGET_COLUMNS,
    TARGETS_SHEET,
    column_letter,
)

# Data validation lists reach this many rows below the header, so added rows get them too.
VALIDATION_ROWS = 2000
RESULT_WIDTHS = [14, 22, 16, 44, 12, 10, 14, 12, 12, 16, 30, 30]
TARGET_WIDTHS = [14, 16, 44, 12, 11, 22, 18, 14, 30]

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_TITLE_FONT = Font(bold=True, size=13)
_HINT_FONT = Font(italic=True, color="666666")


def cell_number(value: Decimal | None):
    """A stored decimal as a numeric cell value: an int when whole, else a plain (non-exponent) Decimal."""
    if value is None:
        return None
    value = Decimal(value).normalize()
    if value == value.to_integral_value():
        return int(value)
    return Decimal(format(value, "f"))


def relevant_indicators(unit: Unit, period: str, resolution: Resolution | None = None) -> list[Indicator]:
    """Indicators with a target for the unit in the period or its year, with a result in the period or
    the same period last year, and the resolution's indicators."""
    p = parse_period(period)
    applicable = [p.code]
    year = p.year_period()
    if year is not None and year.code != p.code:
        applicable.append(year.code)
    ids = set(Target.objects.filter(unit=unit, period__in=applicable).values_list("indicator", flat=True))
    prev = p.same_period_last_year()
    result_periods = [p.code] + ([prev.code] if prev else [])
    ids |= set(
        Result.objects.filter(unit=unit, period__in=result_periods).values_list("indicator", flat=True)
    )
    if resolution is not None:
        ids |= set(Target.objects.filter(resolution=resolution).values_list("indicator", flat=True))
    return list(
        Indicator.objects.filter(pk__in=ids)
        .select_related("measure_unit")
        .order_by("field", "sort_order", "code")
    )


def ind_ids(indicators) -> set[int]:
    return {i.pk for i in indicators}


def default_status(unit: Unit, period: str, *, today=None) -> str:
    """ "estimate" while the period's data window is not over, else "actual" (also the importer's
    reading of an empty status cell)."""
    _start, end = parse_period(period).data_window(window_rule_for(unit))
    return "estimate" if end >= (today or timezone.localdate()) else "actual"


def _header(ws, columns, widths) -> None:
    for i, (title, _key) in enumerate(columns):
        c = write(ws, HEADER_ROW, i + 1, title)
        c.font = _HEADER_FONT
        c.fill = _HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[column_letter(i)].width = widths[i]
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1).coordinate
    ws.auto_filter.ref = f"A{HEADER_ROW}:{column_letter(len(columns) - 1)}{HEADER_ROW}"


def _list_validation(ws, column: int, labels: list[str], prompt: str) -> None:
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(labels) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",  # the importer also accepts the codes, so typing one is allowed
        error="Chọn một giá trị trong danh sách.",
        prompt=prompt,
        showInputMessage=True,
    )
    letter = column_letter(column)
    dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{HEADER_ROW + VALIDATION_ROWS}")
    ws.add_data_validation(dv)


def units_below(unit: Unit, period: str) -> list[Unit]:
    """The base units under ``unit`` (those with nobody under them) that existed during the period:
    a district's communes, a province's communes (and its districts' before July 2025)."""
    from chitieu.orgs.selectors import unit_subtree_ids

    p = parse_period(period)
    ids = unit_subtree_ids(unit.pk, include_self=False)
    units = [u for u in Unit.objects.filter(pk__in=ids) if u.overlaps(p.start, p.end)]
    parents = {u.parent_id for u in units}
    return sorted((u for u in units if u.pk not in parents), key=lambda u: u.name)


def build_template(
    unit: Unit, period: str, resolution: Resolution | None = None, *, below: bool = False
) -> bytes:
    """The import workbook for one unit and period (raises PeriodError on a bad period code).
    ``below``: rows for every base unit under it instead (a district's or province's communes),
    each with the indicators the unit or they report."""
    p = parse_period(period)
    indicators = relevant_indicators(unit, p.code, resolution)
    row_units = [unit]
    if below:
        row_units = units_below(unit, p.code) or [unit]
        seen = {i.pk for i in indicators}
        for u in row_units:
            indicators += [i for i in relevant_indicators(u, p.code) if i.pk not in seen]
            seen |= {i.pk for i in indicators}
        indicators = [i for i in indicators if i.aggregation != "count_meeting"]  # counted from below
    results = {
        (r.unit_id, r.indicator_id): r
        for r in Result.objects.filter(unit__in=row_units, period=p.code, indicator__in=indicators)
    }
    status_default = default_status(unit, p.code)

    wb = Workbook()
    ws = wb.active
    ws.title = RESULTS_SHEET
    title = f"Kết quả thực hiện: {unit.name} ({unit.code}), {p.label('vi')} ({p.code})"
    if below:
        title = f"Kết quả thực hiện: các đơn vị thuộc {unit.name} ({unit.code}), {p.label('vi')} ({p.code})"
    if resolution is not None:
        title += f"; {resolution}"
    write(ws, 1, 1, title).font = _TITLE_FONT
    write(
        ws,
        2,
        1,
        (
            "Nhập số dạng số hoặc viết kiểu Việt Nam (101.761; 59,9). Không dùng công thức, không gộp ô, "
            "không đổi tiêu đề cột. Để trống ô Giá trị khi chưa có số liệu. Kỳ đã duyệt rồi mở lại: ghi lý do "
            "sửa ở cột cuối."
        ),
    ).font = _HINT_FONT
    _header(ws, RESULT_COLUMNS, RESULT_WIDTHS)
    row = HEADER_ROW + 1
    for row_unit, ind in ((u, i) for u in row_units for i in indicators):
        r = results.get((row_unit.pk, ind.pk))
        values = [
            row_unit.code,
            row_unit.name,
            ind.code,
            ind.name,
            ind.measure_unit.symbol,
            p.code,
            cell_number(r.value) if r else None,
            cell_number(r.numerator) if r else None,
            cell_number(r.denominator) if r else None,
            STATUS_LABELS.get(r.status if r else status_default, ""),
            r.note if r else None,
            None,  # the reason for a change, asked for only in a reopened period
        ]
        for col, value in enumerate(values, start=1):
            write(ws, row, col, value)
        row += 1
    _list_validation(ws, 9, list(STATUS_LABELS.values()), "thực hiện hoặc ước")

    wt = wb.create_sheet(TARGETS_SHEET)
    write(wt, 1, 1, f"Chỉ tiêu: {unit.name} ({unit.code}), {p.code}").font = _TITLE_FONT
    write(
        wt,
        2,
        1,
        "Cơ sở, Loại chỉ tiêu: chọn trong danh sách. Một dòng cho mỗi đơn vị, chỉ tiêu, kỳ và cơ sở.",
    ).font = _HINT_FONT
    _header(wt, TARGET_COLUMNS, TARGET_WIDTHS)
    applicable = [p.code]
    if p.year_period() is not None and p.year_period().code != p.code:
        applicable.append(p.year_period().code)
    targets = Target.objects.filter(unit__in=row_units, period__in=applicable, indicator__in=indicators)
    if resolution is not None:
        targets = targets | Target.objects.filter(resolution=resolution)
    targets = list(
        targets.select_related("indicator__measure_unit", "unit").order_by(
            "unit__code", "indicator__field", "indicator__sort_order", "indicator__code", "period", "basis"
        )
    )
    row = HEADER_ROW + 1
    for t in targets:
        values = [
            t.unit.code,
            t.indicator.code,
            t.indicator.name,
            t.indicator.measure_unit.symbol,
            t.period,
            BASIS_LABELS.get(t.basis, t.basis),
            KIND_LABELS.get(t.kind, t.kind),
            cell_number(t.value),
            t.note or None,
        ]
        for col, value in enumerate(values, start=1):
            write(wt, row, col, value)
        row += 1
    # Blank target rows only for a one-unit template: for a district's communes they would be thousands.
    with_target = (
        {t.indicator_id for t in targets if t.unit_id == unit.pk} if not below else set(ind_ids(indicators))
    )
    blank_period = resolution.period_code if resolution and resolution.period_code else None
    blank_period = blank_period or (p.year_period().code if p.year_period() else p.code)
    blank_basis = BASIS_LABELS["resolution"] if resolution is not None else None
    for ind in indicators:
        if ind.pk in with_target:
            continue
        values = [
            unit.code,
            ind.code,
            ind.name,
            ind.measure_unit.symbol,
            blank_period,
            blank_basis,
            KIND_LABELS["level"],
            None,
            None,
        ]
        for col, value in enumerate(values, start=1):
            write(wt, row, col, value)
        row += 1
    _list_validation(wt, 5, list(BASIS_LABELS.values()), "Cơ sở của chỉ tiêu")
    _list_validation(wt, 6, list(KIND_LABELS.values()), "Loại chỉ tiêu")

    wm = wb.create_sheet(META_SHEET)
    meta = [
        ("format", FORMAT_NAME),
        ("version", FORMAT_VERSION),
        ("unit", unit.code),
        ("period", p.code),
        ("resolution", resolution.pk if resolution is not None else None),
        ("generated_at", timezone.localtime().isoformat(timespec="seconds")),
        ("scope", "below" if below else "unit"),  # last: earlier rows keep their places
    ]
    for i, (key, value) in enumerate(meta, start=1):
        write(wm, i, 1, key)
        write(wm, i, 2, value)
    wm.sheet_state = "hidden"

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
