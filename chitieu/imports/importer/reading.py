"""Opening an import workbook and reading its sheets cell by cell.

:func:`open_workbook` checks the upload (size, file type, then the archive's bounds through
``chitieu.imports.archive``) before openpyxl reads it, in its streaming (read-only) mode so that memory
does not grow with the sheet, and raises :class:`WorkbookRefused` with a message saying why a file
cannot be read; :class:`SheetReader` finds a sheet's header, reports merged cells and yields each
non-blank data row as :class:`Cell` values keyed by column, within the import's time budget. The
small helpers and limits used when a cell's value is interpreted live here too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from chitieu.lib.vnnum import format_number

from ..archive import ArchiveScan, Deadline, Limits, WorkbookRefused, inspect_archive
from ..layout import HEADER_SEARCH_ROWS, OPTIONAL_COLUMNS, column_letter, norm
from .report import ImportIssue

MAX_BYTES = 50 * 1024 * 1024
# A small .xlsx can unpack to gigabytes; refused before anything parses it (see chitieu.imports.archive).
MAX_UNPACKED_BYTES = Limits.max_unpacked
MAX_DECIMALS = 6
# Text people write in a number cell for "no figure".
NO_FIGURE_MARKS = {"n/a", "na", "-", "–", "—", "x", "...", "…", "không", "khong", "kxđ", "chưa có"}
# How often (in rows) the reader looks at the clock.
CLOCK_EVERY = 512


def max_bytes() -> int:
    return settings.CHITIEU_IMPORT_MAX_BYTES


@dataclass(frozen=True)
class Cell:
    coord: str
    value: object = None
    formula: bool = False
    number_format: str = "General"

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


def code_of(cell: Cell) -> str:
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
    import io

    return io.BytesIO(bytes(data)) if isinstance(data, bytes | bytearray | memoryview) else data


@dataclass
class Workbook:
    """An opened workbook: openpyxl's streaming workbook, what the archive scan found, the budget."""

    book: object
    scan: ArchiveScan = field(default_factory=ArchiveScan)
    deadline: Deadline | None = None

    @property
    def worksheets(self):
        return self.book.worksheets

    def close(self) -> None:
        self.book.close()


def open_workbook(data, *, deadline: Deadline | None = None, limits: Limits | None = None) -> Workbook:
    """The workbook, or raise :class:`WorkbookRefused` with a message saying why it cannot be read."""
    limits = limits or Limits.from_settings()
    deadline = deadline or Deadline(limits.seconds)
    limit = max_bytes()
    size = _size_of(data)
    if size > limit:
        raise WorkbookRefused(
            _(
                "The file is {size} MB; chitieu imports files up to {limit} MB. Split it into several "
                "workbooks (for example one per unit)."
            ).format(size=format_number(Decimal(size) / 2**20, 1), limit=limit // 2**20)
        )
    if size == 0:
        raise WorkbookRefused(_("The file is empty."))
    head = _head(data)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise WorkbookRefused(
            _(
                "This is an old Excel 97–2003 workbook (.xls) or a password-protected one: open it in Excel "
                "and save it as an Excel Workbook (.xlsx) without a password."
            )
        )
    if not head.startswith(b"PK"):
        raise WorkbookRefused(
            _("The file is not an Excel workbook (.xlsx): use the template downloaded from chitieu.")
        )
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(_source(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise WorkbookRefused(
            _("The file is damaged or not an Excel workbook (.xlsx): it cannot be opened as one.")
        ) from None
    if b"opendocument.spreadsheet" in mimetype:
        raise WorkbookRefused(
            _("This is an OpenDocument spreadsheet (.ods): save it as an Excel Workbook (.xlsx).")
        )
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused(
            _(
                "The file is a zip archive but not an Excel workbook (.xlsx) (a Word document, perhaps?): "
                "use the template downloaded from chitieu."
            )
        )
    scan = inspect_archive(data, limits=limits, deadline=deadline)
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(
                _source(data), read_only=True, data_only=False, keep_links=False, rich_text=False
            )
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise WorkbookRefused(unreadable(exc)) from None
    return Workbook(book, scan, deadline)


def unreadable(exc: BaseException) -> str:
    return _("The workbook cannot be read ({problem}): save it again from Excel as .xlsx.").format(
        problem=exc.__class__.__name__
    )


# -- reading cells ---------------------------------------------------------------------------------


def _is_formula(cell) -> bool:
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    return cell.data_type == "f" or isinstance(cell.value, ArrayFormula | DataTableFormula)


def formula_text(value) -> str:
    text = getattr(value, "text", None) or str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def decimal_from_float(v: float) -> Decimal:
    # Excel keeps 15 significant digits; read 40.7 as 40.7, not 40.70000000000000284.
    return Decimal(format(v, ".15g"))


class SheetReader:
    """Reads one sheet's data rows into cells keyed by column key; records layout problems."""

    def __init__(self, wb: Workbook, name: str, columns, issues: list[ImportIssue]):
        self.name = name
        self.columns = columns
        self.issues = issues
        self.ws = None
        self.header_row = 0
        self.merged: list[str] = []
        self.deadline = wb.deadline
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
        self.merged = wb.scan.merged.get(ws.title, [])

    def add(self, coord: str, indicator: str, message: str) -> None:
        self.issues.append(ImportIssue(self.name, coord, indicator, message))

    def _top_rows(self) -> list[tuple]:
        """The first rows (where the header is looked for), each as a tuple of values."""
        ncols = len(self.columns)
        rows = self.ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, max_col=ncols, values_only=True)
        return [tuple(row) + (None,) * (ncols - len(row)) for row in rows]

    def find_header(self) -> bool:
        first = norm(self.columns[0][0])
        top = self._top_rows()
        for r, row in enumerate(top, start=1):
            v = row[0] if row else None
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
        header = top[self.header_row - 1]
        for i, (title, key) in enumerate(self.columns):
            coord = f"{column_letter(i)}{self.header_row}"
            v = header[i]
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
        from openpyxl.utils.cell import range_boundaries

        rows: set[int] = set()
        last_col = len(self.columns)
        ranges = []
        for ref in self.merged:
            try:
                min_col, min_row, max_col, max_row = range_boundaries(ref)
            except (ValueError, TypeError):
                continue
            if None in (min_col, min_row, max_col, max_row):
                continue
            ranges.append((min_row, min_col, max_row, ref))
        for min_row, min_col, max_row, ref in sorted(ranges):
            if max_row < self.header_row or min_col > last_col:
                continue
            self.add(
                ref.split(":")[0],
                "",
                _(
                    "Cells {range} are merged: a merged cell hides the values under it. Unmerge them and give "
                    "each row its own values."
                ).format(range=ref),
            )
            rows.update(range(max(min_row, self.header_row + 1), max_row + 1))
        return rows

    def rows(self):
        """(row number, {key: Cell}) for each data row that is not blank, in order."""
        ncols = len(self.columns)
        for n, row in enumerate(self.ws.iter_rows(min_row=self.header_row + 1, max_col=ncols)):
            if self.deadline is not None and n % CLOCK_EVERY == 0:
                self.deadline.check()
            r = self.header_row + 1 + n
            cells = {}
            for i, (_title, key) in enumerate(self.columns):
                coord = f"{column_letter(i)}{r}"
                cell = row[i] if i < len(row) else None
                if cell is None or cell.value is None:
                    cells[key] = Cell(coord)
                else:
                    cells[key] = Cell(coord, cell.value, _is_formula(cell), cell.number_format or "General")
            if all(c.empty for c in cells.values()):
                continue
            yield r, cells
