"""The appendix .xlsx read back with openpyxl."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import openpyxl
import pytest

from chitieu.documents import render_appendix_xlsx, samples
from chitieu.documents.xlsx import FIRST_DATA_ROW, HEADER_ROWS


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    path = render_appendix_xlsx(samples.party_report(), tmp_path_factory.mktemp("xlsx") / "appendix.xlsx")
    return openpyxl.load_workbook(path).active


def header(ws) -> dict[str, int]:
    """Column index of each top header label (the first column of a merged basis label)."""
    out: dict[str, int] = {}
    for c in range(1, ws.max_column + 1):
        label = ws.cell(HEADER_ROWS[0], c).value
        if label and label not in out:
            out[label] = c
    return out


def test_the_title_row_holds_the_unit_and_the_period(sheet):
    title = sheet["A1"].value
    assert "Thị ủy Kinh Môn" in title and "6 tháng đầu năm 2022" in title
    assert sheet["A2"].value.startswith("(Kèm theo Báo cáo số 123-BC/TU")


def test_the_panes_are_frozen_under_the_header(sheet):
    assert sheet.freeze_panes == "D5" and FIRST_DATA_ROW == 5


def test_there_is_one_row_per_indicator_with_numbers_stored_as_numbers(sheet):
    appendix = samples.party_report().appendix
    cols = header(sheet)
    rows = appendix.rows
    notes = len(appendix.note.splitlines()) if appendix.note else 0
    assert sheet.max_row == FIRST_DATA_ROW + len(rows) - 1 + (
        notes + 1 if notes else 0
    )  # a blank row, the notes
    for r, row in enumerate(rows, start=FIRST_DATA_ROW):
        assert sheet.cell(r, cols["Chỉ tiêu"]).value.removeprefix("- ") == row.indicator
        value = sheet.cell(r, cols["Thực hiện"])
        if row.value is None:
            assert value.value == "chưa có số liệu"
            continue
        assert value.data_type == "n" and Decimal(str(value.value)) == row.value
        assert value.number_format.startswith("#,##0")
        status = sheet.cell(r, cols["Đánh giá"])
        assert status.value == (row.status or None)


def test_percentages_are_fractions_with_a_percent_format(sheet):
    cols = header(sheet)
    plan = cols["Kế hoạch năm 2022"] + 1  # its "% thực hiện" sub-column
    assert sheet.cell(HEADER_ROWS[1], plan).value == "% thực hiện"
    total = sheet.cell(FIRST_DATA_ROW, plan)
    assert total.data_type == "n" and total.value == pytest.approx(0.517) and total.number_format == "0.0%"
    change = sheet.cell(FIRST_DATA_ROW, cols["So với cùng kỳ"])
    assert change.value == pytest.approx(0.159) and change.number_format == "+0.0%;-0.0%;0.0%"
    budget = sheet.cell(FIRST_DATA_ROW + 4, cols["Dự toán năm 2022"] + 1)
    assert budget.value == pytest.approx(1.06) and budget.number_format == "0%"


def test_a_change_in_points_is_stored_as_points(sheet):
    cols = header(sheet)
    rows = samples.party_report().appendix.rows
    r = FIRST_DATA_ROW + next(i for i, row in enumerate(rows) if row.change_kind == "points")
    cell = sheet.cell(r, cols["So với cùng kỳ"])
    assert cell.value == pytest.approx(1.2) and "điểm %" in cell.number_format


def test_a_count_of_units_keeps_its_denominator_in_its_own_numeric_column(sheet):
    cols = header(sheet)
    rows = samples.party_report().appendix.rows
    r = FIRST_DATA_ROW + next(i for i, row in enumerate(rows) if row.denominator is not None)
    assert sheet.cell(r, cols["Thực hiện"]).value == 8
    assert (
        sheet.cell(r, cols["Trên tổng số"]).value == 9
        and sheet.cell(r, cols["Trên tổng số"]).data_type == "n"
    )


def test_column_widths_are_set(sheet):
    assert sheet.column_dimensions["C"].width >= 40
    assert all(sheet.column_dimensions[c].width for c in "ABDEF")


def test_a_report_without_appendix_is_refused(tmp_path):
    with pytest.raises(ValueError):
        render_appendix_xlsx(replace(samples.party_report(), appendix=None), tmp_path / "x.xlsx")
