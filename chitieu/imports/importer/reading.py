"""Opening an import workbook and reading its sheets cell by cell.

:func:`open_workbook` checks the upload (size, file type, zip bomb) before openpyxl loads it and raises
``_Refused`` with a message saying why a file cannot be read; :class:`_SheetReader` finds a sheet's
header, reports merged cells and yields each non-blank data row as :class:`_Cell` values keyed by
column. The small helpers and limits used when a cell's value is interpreted live here too.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from chitieu.lib.vnnum import format_number

from ..layout import HEADER_SEARCH_ROWS, OPTIONAL_COLUMNS, column_letter, norm
from .report import ImportIssue

MAX_BYTES = 50 * 1024 * 1024
# A small .xlsx can unpack to gigabytes; refuse before openpyxl builds it in memory.
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_DECIMALS = 6
# Text people write in a number cell for "no figure".
NO_FIGURE_MARKS = {"n/a", "na", "-", "–", "—", "x", "...", "…", "không", "khong", "kxđ", "chưa có"}


def max_bytes() -> int:
    return settings.CHITIEU_IMPORT_MAX_BYTES


@dataclass(frozen=True)
class _Cell:
    coord: str
    value: object = None
    formula: bool = False
    number_format: str = "General"

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


def _code_of(cell: _Cell) -> str:
    """The indicator code as written, for messages."""
    return "" if cell.empty or cell.formula else str(cell.value).strip()


# -- opening the file ------------------------------------------------------------------------------


def _size_of(data) -> int:
    if isinstance(data, bytes | bytearray | memoryview):
        return len(data)
    return os.path.getsize(data)


def _head(data, n: int = 8) -> bytes:
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data[:n])
    with open(data, "rb") as fh:
        return fh.read(n)


def _source(data):
    return io.BytesIO(bytes(data)) if isinstance(data, bytes | bytearray | memoryview) else data


def open_workbook(data):
    """The openpyxl workbook, or raise ``_Refused`` with a message saying why the file cannot be read."""
    limit = max_bytes()
    size = _size_of(data)
    if size > limit:
        raise _Refused(
            _(
                "The file is {size} MB; chitieu imports files up to {limit} MB. Split it into several "
                "workbooks (for example one per unit)."
            ).format(size=format_number(Decimal(size) / 2**20, 1), limit=limit // 2**20)
        )
    if size == 0:
        raise _Refused(_("The file is empty."))
    head = _head(data)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _Refused(
            _(
                "This is an old Excel 97–2003 workbook (.xls) or a password-protected one: open it in Excel "
                "and save it as an Excel Workbook (.xlsx) without a password."
            )
        )
    if not head.startswith(b"PK"):
        raise _Refused(
            _("The file is not an Excel workbook (.xlsx): use the template downloaded from chitieu.")
        )
    try:
        with zipfile.ZipFile(_source(data)) as zf:
            names = set(zf.namelist())
            unpacked = sum(i.file_size for i in zf.infolist())
            mimetype = zf.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _Refused(
            _("The file is damaged or not an Excel workbook (.xlsx): it cannot be opened as one.")
        ) from None
    if b"opendocument.spreadsheet" in mimetype:
        raise _Refused(_("This is an OpenDocument spreadsheet (.ods): save it as an Excel Workbook (.xlsx)."))
    if "xl/workbook.xml" not in names:
        raise _Refused(
            _(
                "The file is a zip archive but not an Excel workbook (.xlsx) (a Word document, perhaps?): "
                "use the template downloaded from chitieu."
            )
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise _Refused(
            _("The workbook unpacks to more than {limit} MB: split it into several workbooks.").format(
                limit=MAX_UNPACKED_BYTES // 2**20
            )
        )
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(_source(data), data_only=False, keep_links=False, rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise _Refused(
            _("The workbook cannot be read ({problem}): save it again from Excel as .xlsx.").format(
                problem=exc.__class__.__name__
            )
        ) from None


class _Refused(Exception):
    pass


# -- reading cells ---------------------------------------------------------------------------------


def _is_formula(cell) -> bool:
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    return cell.data_type == "f" or isinstance(cell.value, ArrayFormula | DataTableFormula)


def _formula_text(value) -> str:
    text = getattr(value, "text", None) or str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _decimal_from_float(v: float) -> Decimal:
    # Excel keeps 15 significant digits; read 40.7 as 40.7, not 40.70000000000000284.
    return Decimal(format(v, ".15g"))


class _SheetReader:
    """Reads one sheet's data rows into cells keyed by column key; records layout problems."""

    def __init__(self, wb, name: str, columns, issues: list[ImportIssue]):
        self.name = name
        self.columns = columns
        self.issues = issues
        self.ws = None
        self.header_row = 0
        sheets = {norm(ws.title): ws for ws in wb.worksheets}
        ws = sheets.get(norm(name))
        if ws is None:
            issues.append(
                ImportIssue(
                    name,
                    "",
                    "",
                    _(
                        "The sheet “{sheet}” is missing. Keep both sheets of the template (Kết quả and Chỉ tiêu), "
                        "even one left empty, and do not rename them."
                    ).format(sheet=name),
                )
            )
            return
        self.ws = ws
        self.name = ws.title

    def add(self, coord: str, indicator: str, message: str) -> None:
        self.issues.append(ImportIssue(self.name, coord, indicator, message))

    def find_header(self) -> bool:
        ws = self.ws
        first = norm(self.columns[0][0])
        for r in range(1, HEADER_SEARCH_ROWS + 1):
            v = ws.cell(row=r, column=1).value
            if isinstance(v, str) and norm(v) == first:
                self.header_row = r
                break
        else:
            self.add(
                "",
                "",
                _(
                    "The header row was not found: the first column should be headed “{title}” within the "
                    "first {n} rows. Use the template downloaded from chitieu."
                ).format(title=self.columns[0][0], n=HEADER_SEARCH_ROWS),
            )
            return False
        ok = True
        for i, (title, key) in enumerate(self.columns):
            coord = f"{column_letter(i)}{self.header_row}"
            v = ws.cell(row=self.header_row, column=i + 1).value
            found = "" if v is None else str(v)
            if key in OPTIONAL_COLUMNS and not found.strip():
                continue  # a template from before the column was added
            if norm(found) != norm(title):
                ok = False
                self.add(
                    coord,
                    "",
                    _(
                        "The header should read “{expected}”, not “{found}”: a column was moved, renamed, added "
                        "or removed. Keep the template's columns as they are."
                    ).format(expected=title, found=found.strip() or _("(empty)")),
                )
        return ok

    def merged_rows(self) -> set[int]:
        """Rows covered by a merged range at or below the header (each range reported once)."""
        rows: set[int] = set()
        last_col = len(self.columns)
        for rng in sorted(self.ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            if rng.max_row < self.header_row or rng.min_col > last_col:
                continue
            self.add(
                rng.coord.split(":")[0],
                "",
                _(
                    "Cells {range} are merged: a merged cell hides the values under it. Unmerge them and give "
                    "each row its own values."
                ).format(range=rng.coord),
            )
            rows.update(range(max(rng.min_row, self.header_row + 1), rng.max_row + 1))
        return rows

    def rows(self):
        """(row number, {key: _Cell}) for each data row that is not blank, in order."""
        ncols = len(self.columns)
        by_row: dict[int, dict[int, object]] = {}
        # Only the cells the file holds: iter_rows() would create every empty cell up to max_row.
        for (r, c), cell in self.ws._cells.items():
            if r > self.header_row and c <= ncols:
                by_row.setdefault(r, {})[c] = cell
        for r in sorted(by_row):
            cells = {}
            for i, (_title, key) in enumerate(self.columns):
                coord = f"{column_letter(i)}{r}"
                cell = by_row[r].get(i + 1)
                if cell is None or cell.value is None:
                    cells[key] = _Cell(coord)
                else:
                    cells[key] = _Cell(coord, cell.value, _is_formula(cell), cell.number_format or "General")
            if all(c.empty for c in cells.values()):
                continue
            yield r, cells
