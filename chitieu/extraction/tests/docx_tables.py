"""Word files with indicator tables in the shapes offices make, built with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx


def _merge(table, r1, c1, r2, c2, text):
    cell = table.cell(r1, c1).merge(table.cell(r2, c2))
    cell.text = text
    return cell


# Biểu 01: STT | Chỉ tiêu | ĐVT | KH năm | Ước TH 6 tháng | So sánh (%) over TH/KH and Cùng kỳ,
# merged over two header rows, a column-number row, Roman group rows, "-" sub-rows, a total row.
APPENDIX_ROWS = [
    ["I", "CHỈ TIÊU KINH TẾ", "", "", "", "", ""],
    ["1", "Tổng giá trị sản xuất (giá SS 2010)", "tỷ đồng", "60.294", "31.167", "51,7", "115,9"],
    ["-", "Nông, lâm nghiệp, thủy sản", "tỷ đồng", "3.350", "1.712", "51,1", "103,2"],
    ["-", "Công nghiệp - xây dựng", "tỷ đồng", "52.000", "27.150", "52,2", "117,0"],
    ["2", "Sản lượng lương thực có hạt", "tấn", "101.761", "-", "", ""],
    ["3", "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "145.000", "40.700", "28,1", "92,5"],
    ["II", "CHỈ TIÊU XÃ HỘI", "", "", "", "", ""],
    ["4", "Tỷ lệ hộ nghèo", "%", "3,5", "3,2", "", ""],
    ["5", "Số xã đạt chuẩn nông thôn mới", "xã", "9", "8/9", "88,9", ""],
    ["6", "Tỷ lệ tham gia bảo hiểm y tế", "%", "95", "trên 95,5", "", "100,6"],
]


def appendix(path: Path, *, prose: bool = True) -> Path:
    d = docx.Document()
    d.add_paragraph("ỦY BAN NHÂN DÂN HUYỆN HỮU LŨNG")
    if prose:
        d.add_paragraph("Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao.")
    d.add_paragraph("Biểu 01: Một số chỉ tiêu chủ yếu 6 tháng đầu năm 2024")
    t = d.add_table(rows=3 + len(APPENDIX_ROWS) + 1, cols=7)
    t.style = "Table Grid"
    for c, text in enumerate(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Ước thực hiện 6 tháng"]):
        _merge(t, 0, c, 1, c, text)
    _merge(t, 0, 5, 0, 6, "So sánh (%)")
    t.cell(1, 5).text = "TH/KH"
    t.cell(1, 6).text = "Cùng kỳ"
    for c, text in enumerate(["A", "B", "C", "1", "2", "3=2/1", "4"]):
        t.cell(2, c).text = text
    for r, row in enumerate(APPENDIX_ROWS):
        for c, text in enumerate(row):
            t.cell(3 + r, c).text = text
    last = 3 + len(APPENDIX_ROWS)
    _merge(t, last, 0, last, 1, "Tổng cộng")
    t.cell(last, 4).text = "60.029"
    d.add_paragraph("Có 8/9 xã đạt chuẩn nông thôn mới.")
    d.save(path)
    return path


def one_row_header(path: Path) -> Path:
    """Numbering inside the indicator column, a unit in the caption, "% so với" headers in one row,
    a cùng kỳ value column, and the unit written in the indicator ("(ha)")."""
    d = docx.Document()
    d.add_paragraph("Phụ lục 2. Kết quả sản xuất nông nghiệp 9 tháng năm 2024")
    d.add_paragraph("Đơn vị tính: ha")
    rows = [
        [
            "Chỉ tiêu",
            "Cùng kỳ năm 2023",
            "Kế hoạch năm 2024",
            "Thực hiện 9 tháng 2024",
            "% so với KH",
            "% so với cùng kỳ",
        ],
        ["1. Diện tích lúa Đông Xuân", "5.120", "5.200", "5.150,5", "99,0", "100,6"],
        ["2. Diện tích ngô", "1.020", "1.000", "980", "98,0", "96,1"],
        ["3. Sản lượng lúa cả năm (tấn)", "30.500", "31.000", "31.250", "100,8", "102,5"],
        ["a) Ghi chú không có số", "", "", "", "", ""],
    ]
    t = d.add_table(rows=len(rows), cols=6)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(path)
    return path


def three_row_header(path: Path) -> Path:
    """A header merged over three rows: Nghị quyết and Kế hoạch targets, Thực hiện over (Số lượng,
    Tỷ lệ %), and a 'Tăng, giảm (%)' change column."""
    d = docx.Document()
    d.add_paragraph("Biểu số 03: Kết quả thực hiện các chỉ tiêu Nghị quyết năm 2024")
    t = d.add_table(rows=6, cols=7)
    _merge(t, 0, 0, 2, 0, "TT")
    _merge(t, 0, 1, 2, 1, "Nội dung")
    _merge(t, 0, 2, 2, 2, "Đơn vị tính")
    _merge(t, 0, 3, 0, 4, "Chỉ tiêu")
    _merge(t, 1, 3, 2, 3, "Nghị quyết")
    _merge(t, 1, 4, 2, 4, "Kế hoạch")
    _merge(t, 0, 5, 0, 6, "Năm 2024")
    _merge(t, 1, 5, 2, 5, "Ước thực hiện")
    _merge(t, 1, 6, 2, 6, "Tăng, giảm so cùng kỳ (%)")
    data = [
        ["1", "Thu nhập bình quân đầu người", "triệu đồng", "75", "70", "72,5", "8,2"],
        ["2", "Tỷ lệ hộ nghèo", "%", "2", "2,5", "2,8", "-0,9"],
        ["3", "Số đảng viên mới kết nạp", "đảng viên", "-", "120", "135", "x"],
    ]
    for r, row in enumerate(data, start=3):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(path)
    return path


def not_understood(path: Path) -> Path:
    """A table of numbers whose header names no indicator or value column, beside readable prose."""
    d = docx.Document()
    d.add_paragraph("Tổng vốn đầu tư toàn xã hội ước đạt 1.250 tỷ đồng, tăng 12% so với cùng kỳ.")
    t = d.add_table(rows=3, cols=4)
    for r, row in enumerate([["Mã", "Q1", "Q2", "Q3"], ["A01", "12", "15", "17"], ["B02", "3", "4", "5"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(path)
    return path


def letterhead(path: Path) -> Path:
    """The two-column layout table of an official letter head: text, not an indicator table."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "HUYỆN ỦY HỮU LŨNG"
    t.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    t.cell(1, 0).text = "Số 125-BC/HU"
    t.cell(1, 1).text = "Hữu Lũng, ngày 15 tháng 6 năm 2024"
    d.add_paragraph("Sản lượng lúa đạt 101.761 tấn, bằng 102% kế hoạch.")
    d.save(path)
    return path
