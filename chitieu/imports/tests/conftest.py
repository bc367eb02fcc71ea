"""Helpers for the import tests: workbooks built with openpyxl and a snapshot of what is stored."""

from __future__ import annotations

import io
from decimal import Decimal as D

import openpyxl
import pytest

from chitieu.imports.layout import HEADER_ROW, RESULT_COLUMNS, RESULTS_SHEET, TARGET_COLUMNS, TARGETS_SHEET
from chitieu.indicators.models import Target
from chitieu.reporting.models import Result


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def save(wb: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def edit(data: bytes, sheet: str, cells: dict[str, object]) -> bytes:
    """The workbook with some cells of one sheet overwritten."""
    wb = load(data)
    ws = wb[sheet]
    for coord, value in cells.items():
        ws[coord] = value
    return save(wb)


def row_of(data: bytes, sheet: str, indicator: str, column: str = "C") -> int:
    """The row number of an indicator in a sheet (column C on Kết quả, B on Chỉ tiêu)."""
    ws = load(data)[sheet]
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws[f"{column}{r}"].value == indicator:
            return r
    raise AssertionError(f"{indicator} not in {sheet}")


def book(results: list[list] = (), targets: list[list] = ()) -> bytes:
    """A workbook made by hand in the template's layout (no metadata sheet)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = RESULTS_SHEET
    ws["A1"] = "hand-made"
    for i, (title, _k) in enumerate(RESULT_COLUMNS, start=1):
        ws.cell(row=HEADER_ROW, column=i, value=title)
    for n, row in enumerate(results, start=HEADER_ROW + 1):
        for i, v in enumerate(row, start=1):
            ws.cell(row=n, column=i, value=v)
    wt = wb.create_sheet(TARGETS_SHEET)
    for i, (title, _k) in enumerate(TARGET_COLUMNS, start=1):
        wt.cell(row=HEADER_ROW, column=i, value=title)
    for n, row in enumerate(targets, start=HEADER_ROW + 1):
        for i, v in enumerate(row, start=1):
            wt.cell(row=n, column=i, value=v)
    return save(wb)


def stored() -> tuple[list, list]:
    """Everything the importer could write, to assert that nothing changed."""
    results = sorted(
        Result.objects.values_list(
            "unit__code",
            "indicator__code",
            "period",
            "value",
            "numerator",
            "denominator",
            "status",
            "note",
            "version",
        )
    )
    targets = sorted(
        Target.objects.values_list(
            "unit__code", "indicator__code", "period", "basis", "kind", "value", "note", "version"
        )
    )
    return results, targets


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The clerk fixture hashes a password; the default hasher takes a third of a second."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English (the msgids); the UI's default is Vietnamese."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def seeded(world):
    """The world with a 2023 target and a stored 2023-H1 figure for the district, and last year's rice."""
    Target.objects.create(
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="plan",
        value=D("120"),
        note="KH huyện",
    )
    Target.objects.create(
        indicator=world.coverage,
        unit=world.district,
        period="2023",
        basis="resolution",
        kind="floor",
        value=D("92"),
    )
    Result.objects.create(
        indicator=world.revenue, unit=world.district, period="2023-H1", value=D("40.7"), status="actual"
    )
    Result.objects.create(indicator=world.rice, unit=world.district, period="2022-H1", value=D("31167"))
    return world
