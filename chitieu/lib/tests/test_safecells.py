import io

import openpyxl
import pytest

from chitieu.lib.safecells import FORMULA_STARTS, csv_field, is_formula_like, write


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_text_beginning_like_a_formula_gets_an_apostrophe_in_a_csv(start):
    assert csv_field(start + "1+1") == "'" + start + "1+1"


def test_ordinary_text_and_numbers_are_left_as_they_are():
    assert csv_field("Thu ngân sách") == "Thu ngân sách"
    assert csv_field(-5) == -5 and not is_formula_like(-5)
    assert csv_field("") == ""


@pytest.mark.parametrize(
    "text", ["=1+1", "+84 912", "-giảm", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")']
)
def test_an_xlsx_cell_keeps_formula_like_text_as_text_and_reads_back_unchanged(text):
    wb = openpyxl.Workbook()
    write(wb.active, 1, 1, text)
    buf = io.BytesIO()
    wb.save(buf)
    with __import__("zipfile").ZipFile(io.BytesIO(buf.getvalue())) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    cell = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active["A1"]
    assert cell.data_type == "s" and cell.value == text and cell.quotePrefix
