"""Read an import workbook (see ``template``) and write its results and targets.

Two phases. First every cell of both sheets is read and checked; each problem becomes an
:class:`ImportIssue` naming its sheet, cell and indicator. Only when there is none are the rows
written, all in one transaction, through ``result_save`` and ``target_save``; a row the services
refuse is reported with its cell and the whole transaction is rolled back, so a file is imported
entirely or not at all. Rows whose figures equal the stored ones are not saved again: importing the
same file twice changes nothing the second time.
"""

from __future__ import annotations

import io
import math
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.lib.vnnum import NumberParseError, format_number, parse_number
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result, ResultSource
from chitieu.reporting.services import result_save, target_save

from .layout import (
    BASIS_LABELS,
    BASIS_LOOKUP,
    FORMAT_VERSION,
    HEADER_SEARCH_ROWS,
    KIND_LABELS,
    KIND_LOOKUP,
    META_SHEET,
    RESULT_COLUMNS,
    RESULTS_SHEET,
    STATUS_LABELS,
    STATUS_LOOKUP,
    TARGET_COLUMNS,
    TARGETS_SHEET,
    column_letter,
    fold,
    norm,
)

MAX_BYTES = 50 * 1024 * 1024
# A small .xlsx can unpack to gigabytes; refuse before openpyxl builds it in memory.
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_DECIMALS = 6
# Text people write in a number cell for "no figure".
NO_FIGURE_MARKS = {"n/a", "na", "-", "–", "—", "x", "...", "…", "không", "khong", "kxđ", "chưa có"}

Progress = Callable[[int, int], None]


def max_bytes() -> int:
    return int(getattr(settings, "CHITIEU_IMPORT_MAX_BYTES", MAX_BYTES))


@dataclass
class ImportIssue:
    sheet: str = ""
    cell: str = ""
    indicator: str = ""
    message: str = ""

    @property
    def place(self) -> str:
        if not self.sheet:
            return ""
        place = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{place} ({self.indicator})" if self.indicator else place

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message

    def as_dict(self) -> dict[str, str]:
        return {"sheet": self.sheet, "cell": self.cell, "indicator": self.indicator, "message": self.message}


@dataclass
class ImportReport:
    filename: str = ""
    rows: int = 0  # data rows read (both sheets), blank rows excluded
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    empty: int = 0  # rows without a figure: nothing to save
    errors: list[ImportIssue] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        counts = _(
            "{created} created, {changed} changed, {unchanged} unchanged, {empty} without a figure"
        ).format(created=self.created, changed=self.changed, unchanged=self.unchanged, empty=self.empty)
        if self.errors:
            n = len(self.errors)
            return ngettext("{n} error: nothing was written.", "{n} errors: nothing was written.", n).format(
                n=n
            )
        if self.dry_run:
            return _("Check only, nothing written: {counts}.").format(counts=counts)
        return _("Imported: {counts}.").format(counts=counts)


@dataclass
class ResultRow:
    row: int
    unit: Unit
    indicator: Indicator
    period: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str
    note: str


@dataclass
class TargetRow:
    row: int
    unit: Unit
    indicator: Indicator
    period: str
    basis: str
    kind: str
    value: Decimal
    note: str


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


class _Bad(Exception):
    """A cell that could not be read; the issue is already recorded."""


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
        for i, (title, _key) in enumerate(self.columns):
            coord = f"{column_letter(i)}{self.header_row}"
            v = ws.cell(row=self.header_row, column=i + 1).value
            found = "" if v is None else str(v)
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


class _Importer:
    def __init__(self, *, allowed_results, allowed_targets):
        self.allowed_results = allowed_results
        self.allowed_targets = allowed_targets
        self.issues: list[ImportIssue] = []
        self.units: dict[str, Unit] = {}
        self.indicators: dict[str, Indicator] = {}
        self.resolution: Resolution | None = None
        self._status_default: dict[tuple[int, str], str] = {}

    # -- cell readers (each records its issue and raises _Bad) --

    def _add(self, sheet: str, cell: _Cell, code: str, message: str) -> None:
        self.issues.append(ImportIssue(sheet, cell.coord, code, message))

    def _no_formula(self, sheet, cell: _Cell, code: str, *, number: bool = False) -> None:
        if not cell.formula:
            return
        if number:
            msg = _(
                "The cell holds a formula ({formula}); chitieu does not read the results of formulas. Replace "
                "it by the number itself (Copy, then Paste Special › Values)."
            )
        else:
            msg = _("The cell holds a formula ({formula}); write the text itself.")
        self._add(sheet, cell, code, msg.format(formula=_formula_text(cell.value)))
        raise _Bad

    def text(self, sheet, cell: _Cell, code: str) -> str:
        self._no_formula(sheet, cell, code)
        v = cell.value
        if v is None:
            return ""
        if isinstance(v, str):
            return v.strip()
        if isinstance(v, bool):
            return "TRUE" if v else "FALSE"
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        if isinstance(v, datetime):
            return v.strftime("%d/%m/%Y %H:%M") if v.time() != time(0) else v.strftime("%d/%m/%Y")
        if isinstance(v, date):
            return v.strftime("%d/%m/%Y")
        return str(v)

    def code(self, sheet, cell: _Cell, code: str, empty_message: str) -> str:
        text = self.text(sheet, cell, code)
        if not text:
            self._add(sheet, cell, code, empty_message)
            raise _Bad
        return text

    def number(self, sheet, cell: _Cell, code: str, indicator: Indicator | None) -> Decimal | None:
        self._no_formula(sheet, cell, code, number=True)
        v = cell.value
        if cell.empty:
            return None
        if isinstance(v, bool):
            self._add(sheet, cell, code, _("“{text}” is not a number.").format(text="TRUE" if v else "FALSE"))
            raise _Bad
        if isinstance(v, datetime | date | time | timedelta):
            self._add(
                sheet,
                cell,
                code,
                _(
                    "The cell holds a date or time, not a number (Excel turns some typed text into dates). "
                    "Format the cell as a number and type the figure again."
                ),
            )
            raise _Bad
        if isinstance(v, int | float | Decimal):
            if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
                self._add(sheet, cell, code, _("The cell does not hold a finite number."))
                raise _Bad
            if "%" in cell.number_format:
                shown = format_number(Decimal(str(v)) * 100, lang="vi")
                self._add(
                    sheet,
                    cell,
                    code,
                    _(
                        "The cell is formatted as a percentage: Excel stores {shown}% as {stored}, and chitieu "
                        "will not guess which is meant. Format the cell as a number and type {shown}."
                    ).format(shown=shown, stored=format_number(Decimal(str(v)), lang="vi")),
                )
                raise _Bad
            d = _decimal_from_float(v) if isinstance(v, float) else Decimal(v)
            if -d.as_tuple().exponent > MAX_DECIMALS and d != d.quantize(Decimal(1).scaleb(-MAX_DECIMALS)):
                self._add(
                    sheet,
                    cell,
                    code,
                    _("{value} has more than {n} decimal places.").format(value=str(d), n=MAX_DECIMALS),
                )
                raise _Bad
            return d
        text = str(v).strip()
        if fold(text) in NO_FIGURE_MARKS or text in NO_FIGURE_MARKS:
            self._add(
                sheet,
                cell,
                code,
                _("“{text}” is not a number. Leave the cell empty when there is no figure.").format(
                    text=text
                ),
            )
            raise _Bad
        body = text
        if body.endswith("%"):
            if indicator is not None and indicator.measure_unit.dimension != "percent":
                self._add(
                    sheet,
                    cell,
                    code,
                    _("“{text}” is a percentage but {indicator} is measured in {unit}.").format(
                        text=text, indicator=indicator.code, unit=indicator.measure_unit.symbol
                    ),
                )
                raise _Bad
            body = body[:-1]
        try:
            return parse_number(body, lang="vi", max_decimals=MAX_DECIMALS)
        except NumberParseError as exc:
            if exc.code == NumberParseError.AMBIGUOUS:
                msg = _(
                    "“{text}” is written the English way. In Vietnamese a dot separates thousands and a comma "
                    "the decimals (1.234,5; 0,5); or enter the figure as a number cell."
                )
            elif exc.code == NumberParseError.TOO_MANY_DECIMALS:
                msg = _("“{text}” has more than {n} decimal places.")
            else:
                msg = _("“{text}” is not a number.")
            self._add(sheet, cell, code, msg.format(text=text, n=MAX_DECIMALS))
            raise _Bad from None

    def choice(self, sheet, cell: _Cell, code: str, lookup: dict[str, str], labels: dict[str, str]) -> str:
        text = self.text(sheet, cell, code)
        if not text:
            return ""
        found = lookup.get(fold(text))
        if found is None:
            self._add(
                sheet,
                cell,
                code,
                _("“{text}” is not in the list: write one of {choices}.").format(
                    text=text, choices=", ".join(f"“{v}”" for v in labels.values())
                ),
            )
            raise _Bad
        return found

    def unit(self, sheet, cell: _Cell, code: str, allowed: set[int] | None, results: bool) -> Unit:
        text = self.code(sheet, cell, code, _("The unit code is empty."))
        unit = self.units.get(text) or self.units.get(text.lower())
        if unit is None:
            self._add(sheet, cell, code, _("There is no unit with the code “{code}”.").format(code=text))
            raise _Bad
        if allowed is not None and unit.pk not in allowed:
            msg = (
                _("You may not enter results for {unit} ({code}).")
                if results
                else _("You may not set targets for {unit} ({code}).")
            )
            self._add(sheet, cell, code, msg.format(unit=unit.name, code=unit.code))
            raise _Bad
        return unit

    def indicator(self, sheet, cell: _Cell) -> Indicator:
        text = self.code(sheet, cell, "", _("The indicator code is empty."))
        ind = self.indicators.get(text) or self.indicators.get(text.lower())
        if ind is None:
            self._add(
                sheet,
                cell,
                text,
                _(
                    "There is no indicator with the code “{code}”: it was deleted or the code was changed. "
                    "Download a fresh template."
                ).format(code=text),
            )
            raise _Bad
        return ind

    def period(self, sheet, cell: _Cell, code: str) -> str:
        if isinstance(cell.value, datetime | date) and not cell.formula:
            self._add(
                sheet,
                cell,
                code,
                _(
                    "Excel turned the period into a date ({date}): format the cell as text and write the "
                    "period code, e.g. 2023-06."
                ).format(date=self.text(sheet, cell, code)),
            )
            raise _Bad
        text = self.code(sheet, cell, code, _("The period is empty."))
        try:
            return parse_period(text).code
        except PeriodError:
            self._add(
                sheet,
                cell,
                code,
                _(
                    "“{code}” is not a period code. Use e.g. 2023, 2023-H1, 2023-Q1, 2023-9M, 2023-06 or 2020-2025."
                ).format(code=text),
            )
            raise _Bad from None

    def measure_unit(self, sheet, cell: _Cell, code: str, indicator: Indicator) -> None:
        text = self.text(sheet, cell, code)
        mu = indicator.measure_unit
        accepted = {norm(mu.symbol), norm(mu.code)} | ({norm(mu.symbol_en)} if mu.symbol_en else set())
        if not text:
            self._add(
                sheet,
                cell,
                code,
                _("The unit of measure is empty: {indicator} is measured in “{unit}”.").format(
                    indicator=indicator.code, unit=mu.symbol
                ),
            )
            raise _Bad
        if norm(text) not in accepted:
            self._add(
                sheet,
                cell,
                code,
                _(
                    "The unit of measure is “{written}” but {indicator} is measured in “{unit}”: the figures "
                    "would be read in the wrong unit. Convert them to {unit} and write “{unit}”."
                ).format(written=text, indicator=indicator.code, unit=mu.symbol),
            )
            raise _Bad

    # -- rows --

    def prefetch(self, sheets: list[tuple[_SheetReader, list]]) -> None:
        unit_codes, ind_codes = set(), set()
        for _reader, rows in sheets:
            for _r, cells in rows:
                for key, bucket in (("unit", unit_codes), ("indicator", ind_codes)):
                    v = cells[key].value
                    if v is not None and not cells[key].formula:
                        s = str(v).strip()
                        bucket.update({s, s.lower()})
        self.units = {u.code: u for u in Unit.objects.filter(code__in=unit_codes)}
        self.indicators = {
            i.code: i for i in Indicator.objects.filter(code__in=ind_codes).select_related("measure_unit")
        }

    def status_default(self, unit: Unit, period: str) -> str:
        from .template import default_status

        key = (unit.pk, period)
        if key not in self._status_default:
            self._status_default[key] = default_status(unit, period)
        return self._status_default[key]

    def result_rows(
        self, reader: _SheetReader, rows, skip: set[int], report: ImportReport
    ) -> list[ResultRow]:
        sheet = reader.name
        out: list[ResultRow] = []
        seen: dict[tuple[int, int, str], int] = {}
        for r, c in rows:
            if r in skip:
                continue
            report.rows += 1
            before = len(self.issues)
            code = _code_of(c["indicator"])
            unit = indicator = period = None
            values: dict[str, Decimal | None] = {}
            status = note = ""
            for step in ("unit", "indicator", "period", "measure_unit", "numbers", "status", "note"):
                try:
                    if step == "unit":
                        unit = self.unit(sheet, c["unit"], code, self.allowed_results, True)
                    elif step == "indicator":
                        indicator = self.indicator(sheet, c["indicator"])
                    elif step == "period":
                        period = self.period(sheet, c["period"], code)
                    elif step == "measure_unit" and indicator is not None:
                        self.measure_unit(sheet, c["measure_unit"], code, indicator)
                    elif step == "numbers":
                        for key in ("value", "numerator", "denominator"):
                            try:
                                values[key] = self.number(sheet, c[key], code, indicator)
                            except _Bad:
                                values[key] = None
                    elif step == "status":
                        status = self.choice(sheet, c["status"], code, STATUS_LOOKUP, STATUS_LABELS)
                    elif step == "note":
                        note = self.text(sheet, c["note"], code)
                except _Bad:
                    continue
            if len(self.issues) > before or unit is None or indicator is None or period is None:
                continue
            key = (unit.pk, indicator.pk, period)
            if key in seen:
                self._add(
                    sheet,
                    c["indicator"],
                    code,
                    _("Row {first} already gives {indicator} for {unit} in {period}: keep one row.").format(
                        first=seen[key], indicator=indicator.code, unit=unit.code, period=period
                    ),
                )
                continue
            seen[key] = r
            if all(values.get(k) is None for k in ("value", "numerator", "denominator")):
                report.empty += 1
                continue
            out.append(
                ResultRow(
                    row=r,
                    unit=unit,
                    indicator=indicator,
                    period=period,
                    value=values["value"],
                    numerator=values["numerator"],
                    denominator=values["denominator"],
                    status=status or self.status_default(unit, period),
                    note=note,
                )
            )
        return out

    def target_rows(
        self, reader: _SheetReader, rows, skip: set[int], report: ImportReport
    ) -> list[TargetRow]:
        sheet = reader.name
        out: list[TargetRow] = []
        seen: dict[tuple[int, int, str, str], int] = {}
        for r, c in rows:
            if r in skip:
                continue
            report.rows += 1
            before = len(self.issues)
            code = _code_of(c["indicator"])
            unit = indicator = period = None
            value = None
            basis = kind = note = ""
            for step in ("unit", "indicator", "period", "measure_unit", "basis", "kind", "value", "note"):
                try:
                    if step == "unit":
                        # Scope is checked below: a stored target shown unchanged is not an error.
                        unit = self.unit(sheet, c["unit"], code, None, False)
                    elif step == "indicator":
                        indicator = self.indicator(sheet, c["indicator"])
                    elif step == "period":
                        period = self.period(sheet, c["period"], code)
                    elif step == "measure_unit" and indicator is not None:
                        self.measure_unit(sheet, c["measure_unit"], code, indicator)
                    elif step == "basis":
                        basis = self.choice(sheet, c["basis"], code, BASIS_LOOKUP, BASIS_LABELS)
                    elif step == "kind":
                        kind = self.choice(sheet, c["kind"], code, KIND_LOOKUP, KIND_LABELS)
                    elif step == "value":
                        value = self.number(sheet, c["value"], code, indicator)
                    elif step == "note":
                        note = self.text(sheet, c["note"], code)
                except _Bad:
                    continue
            if value is not None and not basis and len(self.issues) == before:
                self._add(
                    sheet,
                    c["basis"],
                    code,
                    _("The basis is empty: say what the target is set by ({choices}).").format(
                        choices=", ".join(BASIS_LABELS.values())
                    ),
                )
            if len(self.issues) > before or unit is None or indicator is None or period is None:
                continue
            if value is None:
                report.empty += 1
                continue
            if self.allowed_targets is not None and unit.pk not in self.allowed_targets:
                stored = Target.objects.filter(
                    unit=unit, indicator=indicator, period=period, basis=basis
                ).first()
                probe = TargetRow(r, unit, indicator, period, basis, kind or "level", value, note)
                if _target_unchanged(stored, probe):
                    report.unchanged += 1
                    continue
                self._add(
                    sheet,
                    c["unit"],
                    code,
                    _("You may not set targets for {unit} ({code}).").format(unit=unit.name, code=unit.code),
                )
                continue
            key = (unit.pk, indicator.pk, period, basis)
            if key in seen:
                self._add(
                    sheet,
                    c["indicator"],
                    code,
                    _(
                        "Row {first} already gives the {basis} target of {indicator} for {unit} in {period}: "
                        "keep one row."
                    ).format(
                        first=seen[key],
                        basis=BASIS_LABELS[basis],
                        indicator=indicator.code,
                        unit=unit.code,
                        period=period,
                    ),
                )
                continue
            seen[key] = r
            out.append(
                TargetRow(
                    row=r,
                    unit=unit,
                    indicator=indicator,
                    period=period,
                    basis=basis,
                    kind=kind or "level",
                    value=value,
                    note=note,
                )
            )
        return out

    def metadata(self, wb) -> None:
        ws = next((w for w in wb.worksheets if norm(w.title) == norm(META_SHEET)), None)
        if ws is None:
            return  # a hand-made file: nothing to check
        meta: dict[str, tuple[object, str]] = {}
        for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 50), max_col=2):
            key, value = row[0].value, row[1]
            if isinstance(key, str):
                meta[key.strip()] = (value.value, value.coordinate)
        version, coord = meta.get("version", (None, "B2"))
        try:
            version_n = int(version) if version is not None else FORMAT_VERSION
        except (TypeError, ValueError):
            version_n = FORMAT_VERSION + 1
        if version_n > FORMAT_VERSION:
            self.issues.append(
                ImportIssue(
                    ws.title,
                    coord,
                    "",
                    _(
                        "The workbook was made by a newer chitieu (format {found}); this one reads format {ours}."
                    ).format(found=version, ours=FORMAT_VERSION),
                )
            )
        res_id, coord = meta.get("resolution", (None, ""))
        if res_id not in (None, ""):
            try:
                self.resolution = Resolution.objects.select_related("term").get(pk=int(res_id))
            except (ValueError, TypeError, Resolution.DoesNotExist):
                self.issues.append(
                    ImportIssue(
                        ws.title,
                        coord,
                        "",
                        _("The workbook was made for resolution {id}, which no longer exists.").format(
                            id=res_id
                        ),
                    )
                )

    def resolution_for(self, row: TargetRow) -> Resolution | None:
        """The template's resolution for a new target of its own unit within the resolution's period."""
        res = self.resolution
        if res is None or res.unit_id != row.unit.pk or not res.period_code:
            return None
        rp, p = parse_period(res.period_code), parse_period(row.period)
        return res if rp.contains(p) or p.contains(rp) else None


# -- writing ---------------------------------------------------------------------------------------

RESULT_FIELD_COLUMN = {
    "unit": "unit",
    "indicator": "indicator",
    "period": "period",
    "value": "value",
    "numerator": "numerator",
    "denominator": "denominator",
    "status": "status",
    "note": "note",
}
TARGET_FIELD_COLUMN = {
    "unit": "unit",
    "indicator": "indicator",
    "period": "period",
    "basis": "basis",
    "kind": "kind",
    "value": "value",
    "note": "note",
    "resolution": "period",
}


def _coord(columns, key: str, row: int) -> str:
    keys = [k for _t, k in columns]
    return f"{column_letter(keys.index(key))}{row}"


def _service_issues(
    exc: ValidationError, sheet: str, columns, mapping, row: int, code: str
) -> list[ImportIssue]:
    issues = []
    if hasattr(exc, "error_dict"):
        for fname, messages in exc.message_dict.items():
            col = mapping.get(fname, "value") if fname != NON_FIELD_ERRORS else "value"
            for m in messages:
                issues.append(ImportIssue(sheet, _coord(columns, col, row), code, m))
    else:
        for m in exc.messages:
            issues.append(ImportIssue(sheet, _coord(columns, "value", row), code, m))
    return issues


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    return a == b if a is not None and b is not None else a is None and b is None


def _computed_value(row: ResultRow) -> Decimal | None:
    """The value result_save stores for a ratio given only as numerator and denominator."""
    ind = row.indicator
    if row.value is None and ind.measure == "ratio" and row.numerator is not None and row.denominator:
        scale = 100 if ind.measure_unit.dimension == "percent" else 1
        try:
            return (row.numerator * scale / row.denominator).quantize(Decimal("0.000001"))
        except InvalidOperation:
            return None
    return row.value


def _result_unchanged(ex: Result | None, row: ResultRow) -> bool:
    return (
        ex is not None
        and _same(ex.value, _computed_value(row))
        and _same(ex.numerator, row.numerator)
        and _same(ex.denominator, row.denominator)
        and ex.status == row.status
        and ex.note == row.note
    )


def _target_unchanged(ex: Target | None, row: TargetRow) -> bool:
    return ex is not None and _same(ex.value, row.value) and ex.kind == row.kind and ex.note == row.note


def _write(
    imp: _Importer,
    report: ImportReport,
    results: list[ResultRow],
    targets: list[TargetRow],
    *,
    actor,
    filename: str,
    progress: Progress | None,
    result_sheet: str,
    target_sheet: str,
) -> None:
    total = len(results) + len(targets)
    done = 0
    if progress:
        progress(0, total)
    with transaction.atomic():
        existing_results = (
            {
                (r.unit_id, r.indicator_id, r.period): r
                for r in Result.objects.filter(
                    unit__in={x.unit.pk for x in results},
                    indicator__in={x.indicator.pk for x in results},
                    period__in={x.period for x in results},
                )
            }
            if results
            else {}
        )
        for row in results:
            ex = existing_results.get((row.unit.pk, row.indicator.pk, row.period))
            if _result_unchanged(ex, row):
                report.unchanged += 1
            else:
                ref = (
                    f"{filename} {result_sheet}!A{row.row}".strip()
                    if filename
                    else f"{result_sheet}!A{row.row}"
                )
                try:
                    result_save(
                        actor=actor,
                        indicator=row.indicator,
                        unit=row.unit,
                        period=row.period,
                        value=row.value,
                        numerator=row.numerator,
                        denominator=row.denominator,
                        status=row.status,
                        note=row.note,
                        source=ResultSource.IMPORTED,
                        source_ref=ref[:300],
                        today=None,
                    )
                    if ex is None:
                        report.created += 1
                    else:
                        report.changed += 1
                except ValidationError as exc:
                    report.errors += _service_issues(
                        exc, result_sheet, RESULT_COLUMNS, RESULT_FIELD_COLUMN, row.row, row.indicator.code
                    )
            done += 1
            if progress:
                progress(done, total)
        existing_targets = (
            {
                (t.unit_id, t.indicator_id, t.period, t.basis): t
                for t in Target.objects.filter(
                    unit__in={x.unit.pk for x in targets},
                    indicator__in={x.indicator.pk for x in targets},
                    period__in={x.period for x in targets},
                ).select_related("resolution")
            }
            if targets
            else {}
        )
        for row in targets:
            ex = existing_targets.get((row.unit.pk, row.indicator.pk, row.period, row.basis))
            if _target_unchanged(ex, row):
                report.unchanged += 1
            else:
                try:
                    target_save(
                        actor=actor,
                        indicator=row.indicator,
                        unit=row.unit,
                        period=row.period,
                        basis=row.basis,
                        value=row.value,
                        kind=row.kind,
                        resolution=ex.resolution if ex is not None else imp.resolution_for(row),
                        basis_label=ex.basis_label if ex is not None else "",
                        note=row.note,
                    )
                    if ex is None:
                        report.created += 1
                    else:
                        report.changed += 1
                except ValidationError as exc:
                    report.errors += _service_issues(
                        exc, target_sheet, TARGET_COLUMNS, TARGET_FIELD_COLUMN, row.row, row.indicator.code
                    )
            done += 1
            if progress:
                progress(done, total)
        if report.errors or report.dry_run:
            transaction.set_rollback(True)
        else:
            report.written = True


def import_workbook(
    data: bytes | str | os.PathLike,
    *,
    actor,
    allowed_results: set[int] | None,
    allowed_targets: set[int] | None,
    progress: Progress | None = None,
    filename: str = "",
    dry_run: bool = False,
) -> ImportReport:
    """Check a whole workbook, then write it in one transaction, or write nothing and report why.

    ``allowed_results`` / ``allowed_targets``: ids of the units the actor may enter results for / set
    targets for (``None``: every unit). ``progress(done, total)`` is called as rows are written.
    ``dry_run`` runs the writes (so the services' rules are checked) and rolls them back.
    """
    report = ImportReport(filename=filename, dry_run=dry_run)
    try:
        wb = open_workbook(data)
    except _Refused as exc:
        report.errors.append(ImportIssue(message=str(exc)))
        return report
    imp = _Importer(allowed_results=allowed_results, allowed_targets=allowed_targets)
    imp.metadata(wb)
    readers = [
        _SheetReader(wb, RESULTS_SHEET, RESULT_COLUMNS, imp.issues),
        _SheetReader(wb, TARGETS_SHEET, TARGET_COLUMNS, imp.issues),
    ]
    parsed: list[tuple[_SheetReader, list, set[int]]] = []
    for reader in readers:
        if reader.ws is None or not reader.find_header():
            parsed.append((reader, [], set()))
            continue
        skip = reader.merged_rows()
        parsed.append((reader, list(reader.rows()), skip))
    imp.prefetch([(reader, rows) for reader, rows, _skip in parsed])
    (res_reader, res_rows, res_skip), (tgt_reader, tgt_rows, tgt_skip) = parsed
    results = imp.result_rows(res_reader, res_rows, res_skip, report)
    targets = imp.target_rows(tgt_reader, tgt_rows, tgt_skip, report)
    wb.close()
    if imp.issues:
        report.errors = imp.issues
        return report
    _write(
        imp,
        report,
        results,
        targets,
        actor=actor,
        filename=filename,
        progress=progress,
        result_sheet=res_reader.name,
        target_sheet=tgt_reader.name,
    )
    return report
