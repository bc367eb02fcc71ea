"""The import template for every unit below a district or province: one row per commune and
indicator, which the importer reads back whole."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse

from chitieu.imports.importer import import_workbook
from chitieu.imports.layout import HEADER_ROW, RESULTS_SHEET
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result, Rollup
from chitieu.reporting.services import result_save, target_save

from .conftest import load, save

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(world):
    target_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", basis="plan", value=D(900)
    )
    result_save(
        actor=None,
        indicator=world.rice,
        unit=world.communes[1],
        period="2023-H1",
        value=D(40),
        today=dt.date(2024, 1, 1),
    )
    # A commune dissolved before the period is not a row.
    Unit.objects.create(
        code="xa-cu",
        name="Xã Cũ",
        kind="commune",
        parent=world.district,
        valid_from=dt.date(2010, 1, 1),
        valid_to=dt.date(2020, 1, 1),
    )
    return world


def rows(data: bytes) -> list[tuple]:
    ws = load(data)[RESULTS_SHEET]
    return [
        tuple(c.value for c in r[:7])
        for r in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=ws.max_row)
        if r[0].value
    ]


def test_the_district_template_has_a_row_for_each_commune_and_indicator(vi_client, planned):
    resp = vi_client.get(reverse("imports:template", args=["huyen-d", "2023-H1"]), {"below": "1"})
    assert resp.status_code == 200 and "don-vi-truc-thuoc" in resp["Content-Disposition"]
    got = rows(resp.content)
    units = sorted({r[0] for r in got})
    assert units == ["xa-1", "xa-2", "xa-3"]  # not the district, not the dissolved commune
    assert {r[2] for r in got} == {"thu-ns", "lua"}  # the district's plan and a commune's figure
    assert ("xa-2", "Xã X2", "lua") == got[[r[:3] for r in got].index(("xa-2", "Xã X2", "lua"))][:3]
    assert next(r for r in got if r[0] == "xa-2" and r[2] == "lua")[6] == 40  # stored figure filled in


def test_a_filled_district_template_imports_every_communes_figures(planned, clerk):
    from chitieu.imports.template import build_template

    data = build_template(planned.district, "2023-H1", below=True)
    wb = load(data)
    ws = wb[RESULTS_SHEET]
    for r in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=ws.max_row):
        if r[2].value == "thu-ns":
            r[6].value = {"xa-1": 100, "xa-2": 200, "xa-3": 300}[r[0].value]
    report = import_workbook(save(wb), actor=clerk, allowed_results=None, allowed_targets=None)
    assert not report.errors, report.errors
    stored = dict(
        Result.objects.filter(indicator=planned.revenue, period="2023-H1").values_list("unit__code", "value")
    )
    assert stored == {"xa-1": D(100), "xa-2": D(200), "xa-3": D(300)}
    assert Rollup.objects.get(unit=planned.district, indicator=planned.revenue, period="2023-H1").total == D(
        600
    )
