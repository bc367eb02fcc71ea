"""The importer's plain data: the issues and report an import returns, and the rows it writes.

:class:`ImportIssue` is one problem, with its sheet, cell and indicator; :class:`ImportReport` is what
:func:`import_workbook` returns (counts, issues, whether anything was written). :class:`ResultRow` and
:class:`TargetRow` are the checked rows handed from the checking pass to the writing pass. This module
imports nothing from the rest of the package, so every other module can import it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chitieu.indicators.models import Indicator
from chitieu.orgs.models import Unit

Progress = Callable[[int, int], None]


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
    findings: list[ImportIssue] = field(default_factory=list)  # soft validation findings, by row
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
    reason: str = ""  # why a figure of a reopened period changes (the audit trail keeps it)


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
