"""A bounded hypothesis run over the Excel reader (issue 11, item 8): whatever the bytes or the cells
of a workbook, an import returns a report — it never raises, never half-writes, and ends within
its time budget. Seeds: a real template and the corpus of known-bad files (corpus/)."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from chitieu.imports.importer import ImportReport, import_workbook
from chitieu.imports.layout import RESULTS_SHEET, TARGETS_SHEET
from chitieu.imports.template import build_template

from .conftest import stored

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).resolve().parent / "corpus"
BOUNDED = settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


CALLS: list[int] = []


def checked_import(data: bytes, clerk) -> ImportReport:
    CALLS.append(1)
    before = stored()
    started = time.monotonic()
    report = import_workbook(data, actor=clerk, allowed_results=None, allowed_targets=None)
    assert time.monotonic() - started < 20
    assert isinstance(report, ImportReport)
    if report.errors:
        assert not report.written and stored() == before
    return report


@pytest.fixture
def seeds(seeded):
    template = build_template(seeded.district, "2023-H1", seeded.resolution)
    return [template, *(p.read_bytes() for p in sorted(CORPUS.glob("*.xlsx")))]


def test_random_damage_to_the_bytes_is_refused_or_read_never_raised(seeds, clerk, settings):
    settings.CHITIEU_IMPORT_PARSE_SECONDS = 10

    @BOUNDED
    @given(
        which=st.integers(min_value=0, max_value=len(seeds) - 1),
        flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8),
        cut=st.one_of(st.none(), st.integers(min_value=0)),
    )
    def damaged(which, flips, cut):
        data = bytearray(seeds[which])
        for pos, byte in flips:
            data[pos % len(data)] = byte
        if cut is not None:
            data = data[: cut % (len(data) + 1)]
        checked_import(bytes(data), clerk)

    CALLS.clear()
    damaged()
    assert len(CALLS) >= BOUNDED.max_examples  # the run was not vacuous


CELL_VALUES = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(
        ["=1+1", "+84", "-", "@SUM(A1)", "\t", '=HYPERLINK("x")', "N/A", "1.234,5", "1,234.5", "2023-13"]
    ),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.just("x" * 2001),
)
CELL = st.tuples(
    st.sampled_from([RESULTS_SHEET, TARGETS_SHEET]),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=14),
    CELL_VALUES,
)


def test_any_cell_values_are_checked_and_named_never_raised(seeds, clerk):
    template = seeds[0]

    @BOUNDED
    @given(cells=st.lists(CELL, min_size=1, max_size=10))
    def edited(cells):
        wb = openpyxl.load_workbook(io.BytesIO(template))
        for sheet, row, col, value in cells:
            try:
                wb[sheet].cell(row=row, column=col).value = value
            except (ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses some values itself
                continue
        buf = io.BytesIO()
        wb.save(buf)
        report = checked_import(buf.getvalue(), clerk)
        for issue in report.errors:
            assert issue.message

    CALLS.clear()
    edited()
    assert len(CALLS) >= BOUNDED.max_examples  # the run was not vacuous


@st.composite
def hostile_xml(draw) -> str:
    depth = draw(st.integers(min_value=0, max_value=200))
    tag = draw(st.sampled_from(["row", "c", "v", "x", "is", "t"]))
    inner = draw(st.text(alphabet="<>&;=a1\"' ", max_size=30))
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + f"<{tag}>" * depth
        + inner
        + f"</{tag}>" * depth
        + "</sheetData></worksheet>"
    )


def test_a_hostile_sheet_inside_a_real_workbook_is_refused_or_read_never_raised(seeds, clerk):
    template = seeds[0]

    @BOUNDED
    @given(sheet=hostile_xml())
    def replaced(sheet):
        src = zipfile.ZipFile(io.BytesIO(template))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                data = src.read(info)
                out.writestr(info, sheet if info.filename == "xl/worksheets/sheet1.xml" else data)
        checked_import(buf.getvalue(), clerk)

    CALLS.clear()
    replaced()
    assert len(CALLS) >= BOUNDED.max_examples  # the run was not vacuous
