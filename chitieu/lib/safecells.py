"""Text that a spreadsheet must not run: OWASP's CSV-injection guidance for chitieu's exports.

A text cell or CSV field that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
taken by Excel and LibreOffice for a formula (``=HYPERLINK(...)``, ``@SUM(...)``, ``-2+3``). Stored
text — a note, an indicator's or a unit's name, an audit reason — can begin so. Such text is written
as text:

* in an .xlsx, a string cell (never openpyxl's formula type) with the "quote prefix" style, so that
  Excel shows it as typed and keeps it text when the cell is edited; the value itself is unchanged,
  so chitieu's own files import back exactly as they were written;
* in a CSV, the field with a leading apostrophe (OWASP's recommendation; a CSV has no types).

Numbers are never touched: a negative figure stays a number.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_field(value):
    """A CSV field that a spreadsheet will read as text."""
    return "'" + value if is_formula_like(value) else value


def csv_row(values) -> list:
    return [csv_field(v) for v in values]


def set_cell(cell, value):
    """Put ``value`` in an openpyxl cell; text that looks like a formula stays text. Returns the cell."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl types a str beginning with "=" as a formula
        if is_formula_like(value):
            cell.quotePrefix = True
    return cell


def write(ws, row: int, column: int, value):
    """``ws.cell(row, column, value)`` for text that must stay text."""
    return set_cell(ws.cell(row=row, column=column), value)
