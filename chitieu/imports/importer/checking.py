"""The checking pass: every cell of both sheets is read and checked before anything is written.

:class:`Checker` turns each cell into a unit, indicator, period, number or choice, recording an
:class:`ImportIssue` (and raising ``_Bad``) for each cell it cannot accept; it then assembles the
sheets' rows into :class:`ResultRow` and :class:`TargetRow` lists, refusing duplicates and units
outside the importer's scope, and checks the template's metadata sheet.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

from chitieu.indicators.choices import Dimension
from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.lib.periods import PeriodError, parse_any, parse_period
from chitieu.lib.vnnum import NumberParseError, format_number, parse_number
from chitieu.orgs.models import Unit

from ..layout import (
    BASIS_LABELS,
    BASIS_LOOKUP,
    FORMAT_VERSION,
    KIND_LABELS,
    KIND_LOOKUP,
    META_SHEET,
    STATUS_LABELS,
    STATUS_LOOKUP,
    fold,
    norm,
)
from .reading import (
    MAX_DECIMALS,
    NO_FIGURE_MARKS,
    Cell,
    SheetReader,
    code_of,
    decimal_from_float,
    formula_text,
)
from .report import ImportIssue, ImportReport, ResultRow, TargetRow
from .unchanged import target_unchanged


class _Bad(Exception):
    """A cell that could not be read; the issue is already recorded."""


class Checker:
    def __init__(self, *, allowed_results, allowed_targets):
        self.allowed_results = allowed_results
        self.allowed_targets = allowed_targets
        self.issues: list[ImportIssue] = []
        self.units: dict[str, Unit] = {}
        self.indicators: dict[str, Indicator] = {}
        self.resolution: Resolution | None = None
        self._status_default: dict[tuple[int, str], str] = {}

    # -- cell readers (each records its issue and raises _Bad) --

    def _add(self, sheet: str, cell: Cell, code: str, message: str) -> None:
        self.issues.append(ImportIssue(sheet, cell.coord, code, message))

    def _no_formula(self, sheet, cell: Cell, code: str, *, number: bool = False) -> None:
        if not cell.formula:
            return
        if number:
            msg = _(
                "The cell holds a formula ({formula}); chitieu does not read the results of formulas. Replace "
                "it by the number itself (Copy, then Paste Special › Values)."
            )
        else:
            msg = _("The cell holds a formula ({formula}); write the text itself.")
        self._add(sheet, cell, code, msg.format(formula=formula_text(cell.value)))
        raise _Bad

    def text(self, sheet, cell: Cell, code: str) -> str:
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

    def code(self, sheet, cell: Cell, code: str, empty_message: str) -> str:
        text = self.text(sheet, cell, code)
        if not text:
            self._add(sheet, cell, code, empty_message)
            raise _Bad
        return text

    def number(self, sheet, cell: Cell, code: str, indicator: Indicator | None) -> Decimal | None:
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
            d = decimal_from_float(v) if isinstance(v, float) else Decimal(v)
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
            if indicator is not None and indicator.measure_unit.dimension != Dimension.PERCENT:
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

    def choice(self, sheet, cell: Cell, code: str, lookup: dict[str, str], labels: dict[str, str]) -> str:
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

    def unit(self, sheet, cell: Cell, code: str, allowed: set[int] | None, results: bool) -> Unit:
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

    def indicator(self, sheet, cell: Cell) -> Indicator:
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

    def period(self, sheet, cell: Cell, code: str) -> str:
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
            # A code or the period as the pages print it ("6 tháng đầu năm 2023", "quý I/2023").
            return parse_any(text).code
        except PeriodError:
            self._add(
                sheet,
                cell,
                code,
                _(
                    "“{code}” is not a period. Write a code (2023, 2023-H1, 2023-Q1, 2023-9M, 2023-06, "
                    "2020-2025) or the period in words (quý I/2023, 6 tháng đầu năm 2023)."
                ).format(code=text),
            )
            raise _Bad from None

    def measure_unit(self, sheet, cell: Cell, code: str, indicator: Indicator) -> None:
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

    def prefetch(self, sheets: list[tuple[SheetReader, list]]) -> None:
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
        from ..template import default_status

        key = (unit.pk, period)
        if key not in self._status_default:
            self._status_default[key] = default_status(unit, period)
        return self._status_default[key]

    def result_rows(self, reader: SheetReader, rows, skip: set[int], report: ImportReport) -> list[ResultRow]:
        sheet = reader.name
        out: list[ResultRow] = []
        seen: dict[tuple[int, int, str], int] = {}
        for r, c in rows:
            if r in skip:
                continue
            report.rows += 1
            before = len(self.issues)
            code = code_of(c["indicator"])
            unit = indicator = period = None
            values: dict[str, Decimal | None] = {}
            status = note = reason = ""
            for step in (
                "unit",
                "indicator",
                "period",
                "measure_unit",
                "numbers",
                "status",
                "note",
                "reason",
            ):
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
                    elif step == "reason":
                        reason = self.text(sheet, c["reason"], code)
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
                    reason=reason,
                )
            )
        return out

    def target_rows(self, reader: SheetReader, rows, skip: set[int], report: ImportReport) -> list[TargetRow]:
        sheet = reader.name
        out: list[TargetRow] = []
        seen: dict[tuple[int, int, str, str], int] = {}
        for r, c in rows:
            if r in skip:
                continue
            report.rows += 1
            before = len(self.issues)
            code = code_of(c["indicator"])
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
                if target_unchanged(stored, probe):
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
        rows = ws.iter_rows(min_row=1, max_row=50, max_col=2, values_only=True)
        for r, row in enumerate(rows, start=1):
            key, value = (tuple(row) + (None, None))[:2]
            if isinstance(key, str):
                meta[key.strip()] = (value, f"B{r}")
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
                self.resolution = Resolution.objects.select_related("term", "unit").get(pk=int(res_id))
                if not self._may_name(self.resolution.unit_id):
                    raise Resolution.DoesNotExist  # one the importer may not see is as good as none
            except (ValueError, TypeError, OverflowError, Resolution.DoesNotExist):
                self.resolution = None
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

    def _may_name(self, unit_id: int) -> bool:
        """Whether the importer may refer to an object of this unit (a unit it writes to)."""
        if self.allowed_results is None or self.allowed_targets is None:
            return True
        return unit_id in self.allowed_results or unit_id in self.allowed_targets

    def resolution_for(self, row: TargetRow) -> Resolution | None:
        """The template's resolution for a new target of its own unit within the resolution's period."""
        res = self.resolution
        if res is None or res.unit_id != row.unit.pk or not res.period_code:
            return None
        rp, p = parse_period(res.period_code), parse_period(row.period)
        return res if rp.contains(p) or p.contains(rp) else None
