"""Indicator tables of .docx reports read into figures, each saying which cell it came from."""

from __future__ import annotations

import json
from decimal import Decimal

from chitieu.extraction.cli import main
from chitieu.extraction.document import document_figures
from chitieu.extraction.reader import read

from . import docx_tables


def _table_figs(path):
    reading = read(path)
    found, _w = document_figures(reading)
    return reading, found


def _summary(f):
    j = f.to_json()
    return (
        j["indicator"],
        j["value"],
        j["unit"],
        j["denominator"],
        [(c["basis"], c["kind"], c["percent"]) for c in j["comparisons"]],
        [(t["basis"], t["value"]) for t in j.get("targets", [])],
    )


def test_an_appendix_with_a_two_row_merged_header_is_read_row_by_row(tmp_path):
    reading, found = _table_figs(docx_tables.appendix(tmp_path / "bieu.docx"))
    assert reading.source == "docx" and [layout is not None for _g, layout in reading.tables] == [True]
    tables = [f for f in found if f.cell is not None]
    assert [_summary(f) for f in tables] == [
        (
            "Tổng giá trị sản xuất (giá SS 2010)",
            31167,
            "tỷ đồng",
            None,
            [("plan", "of", 51.7), ("same_period", "of", 115.9)],
            [("plan", 60294)],
        ),
        (
            "Tổng giá trị sản xuất (giá SS 2010) - Nông, lâm nghiệp, thủy sản",
            1712,
            "tỷ đồng",
            None,
            [("plan", "of", 51.1), ("same_period", "of", 103.2)],
            [("plan", 3350)],
        ),
        (
            "Tổng giá trị sản xuất (giá SS 2010) - Công nghiệp - xây dựng",
            27150,
            "tỷ đồng",
            None,
            [("plan", "of", 52.2), ("same_period", "of", 117)],
            [("plan", 52000)],
        ),
        (
            "Thu ngân sách nhà nước trên địa bàn",
            40700,
            "triệu đồng",
            None,
            [("plan", "of", 28.1), ("same_period", "of", 92.5)],
            [("plan", 145000)],
        ),
        ("Tỷ lệ hộ nghèo", 3.2, "%", None, [], [("plan", 3.5)]),
        ("Số xã đạt chuẩn nông thôn mới", 8, "xã", 9, [("plan", "of", 88.9)], [("plan", 9)]),
        ("Tỷ lệ tham gia bảo hiểm y tế", 95.5, "%", None, [("same_period", "of", 100.6)], [("plan", 95)]),
        ("Tổng cộng Một số chỉ tiêu chủ yếu 6 tháng đầu năm 2024", 60029, None, None, [], []),
    ]
    first = tables[0]
    assert first.cell.to_json() == {"table": 1, "row": 5, "column": 5, "header": "Ước thực hiện 6 tháng"}
    assert reading.text[first.figure.start : first.figure.end] == "31.167"
    assert "estimated" in first.figure.qualifiers
    assert tables[6].figure.qualifiers == ["over", "estimated"]
    # the sub-rows point at their parent row; the "-" production row and group rows give nothing
    index = {id(f): i for i, f in enumerate(found)}
    assert tables[1].figure.parent == index[id(first)] and tables[2].figure.parent == index[id(first)]
    assert not any("lương thực" in f.figure.indicator for f in found)
    # each comparison's cell is highlighted where it is
    assert reading.text[first.figure.comparisons[0].start : first.figure.comparisons[0].end] == "51,7"
    # prose around the table is still read, and the table's numbers are not read twice as prose
    prose = [f for f in found if f.cell is None]
    assert [(f.figure.value, f.figure.unit) for f in prose] == [(Decimal("40.7"), "tỷ đồng"), (8, "xã")]
    assert reading.notes == []


def test_a_one_row_header_with_numbering_in_the_indicator_column_and_the_unit_in_the_caption(tmp_path):
    reading, found = _table_figs(docx_tables.one_row_header(tmp_path / "pl2.docx"))
    assert [_summary(f) for f in found] == [
        (
            "Diện tích lúa Đông Xuân",
            5150.5,
            "ha",
            None,
            [("plan", "of", 99), ("same_period", "of", 100.6)],
            [("plan", 5200)],
        ),
        (
            "Diện tích ngô",
            980,
            "ha",
            None,
            [("plan", "of", 98), ("same_period", "of", 96.1)],
            [("plan", 1000)],
        ),
        (
            "Sản lượng lúa cả năm",
            31250,
            "tấn",
            None,
            [("plan", "of", 100.8), ("same_period", "of", 102.5)],
            [("plan", 31000)],
        ),
    ]
    assert found[0].cell.header == "Thực hiện 9 tháng 2024" and found[0].figure.qualifiers == []


def test_a_three_row_header_with_resolution_and_plan_targets_and_a_change_column(tmp_path):
    reading, found = _table_figs(docx_tables.three_row_header(tmp_path / "b3.docx"))
    assert [_summary(f) for f in found] == [
        (
            "Thu nhập bình quân đầu người",
            72.5,
            "triệu đồng",
            None,
            [("same_period", "change", 8.2)],
            [("resolution", 75), ("plan", 70)],
        ),
        (
            "Tỷ lệ hộ nghèo",
            2.8,
            "%",
            None,
            [("same_period", "change", -0.9)],
            [("resolution", 2), ("plan", 2.5)],
        ),
        ("Số đảng viên mới kết nạp", 135, "đảng viên", None, [], [("plan", 120)]),
    ]
    assert found[0].targets[0].label == "Chỉ tiêu Nghị quyết"


def test_a_table_whose_header_is_not_understood_is_named_and_the_rest_is_read(tmp_path, capsys):
    path = docx_tables.not_understood(tmp_path / "lạ.docx")
    reading, found = _table_figs(path)
    assert [n.message for n in reading.notes] == [
        "table 1: header not understood (Mã | Q1 | Q2 | Q3); its figures were not read"
    ]
    assert [(f.figure.value, f.figure.unit) for f in found] == [(1250, "tỷ đồng")]
    assert main([str(path)]) == 0
    captured = capsys.readouterr()
    assert f"chitieu extract: {path}: table 1: header not understood (Mã | Q1 | Q2 | Q3)" in captured.err
    doc = json.loads(captured.out)
    assert len(doc["figures"]) == 1 and doc["reading"]["tables"] == [
        {"table": 1, "rows": 3, "understood": False}
    ]


def test_a_letterhead_layout_table_is_text_not_an_indicator_table(tmp_path):
    reading, found = _table_figs(docx_tables.letterhead(tmp_path / "bc.docx"))
    assert reading.notes == [] and reading.masked == []
    assert "HUYỆN ỦY HỮU LŨNG | ĐẢNG CỘNG SẢN VIỆT NAM" in reading.text
    assert [(f.figure.value, f.figure.unit, f.cell) for f in found] == [(101761, "tấn", None)]


def test_the_cli_table_names_the_cell_of_each_table_figure(tmp_path, capsys):
    path = docx_tables.appendix(tmp_path / "bieu.docx", prose=False)
    assert main([str(path), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "== bieu.docx: 9 figure(s) (docx)" in out
    line = next(ln for ln in out.splitlines() if ln.startswith("Thu ngân sách nhà nước"))
    assert "40700" in line and "plan of 28.1%" in line and line.rstrip().endswith("T1 R9 C5")
