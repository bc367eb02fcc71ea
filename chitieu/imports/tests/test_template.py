from decimal import Decimal as D

import pytest

from chitieu.imports.importer import import_workbook
from chitieu.imports.layout import (
    HEADER_ROW,
    META_SHEET,
    RESULT_COLUMNS,
    RESULTS_SHEET,
    TARGET_COLUMNS,
    TARGETS_SHEET,
)
from chitieu.imports.template import build_template
from chitieu.indicators.models import Target
from chitieu.reporting.models import Result

from .conftest import edit, load, row_of

pytestmark = pytest.mark.django_db


def run(data, actor=None, **kw):
    kw.setdefault("allowed_results", None)
    kw.setdefault("allowed_targets", None)
    return import_workbook(data, actor=actor, **kw)


def test_the_template_lists_the_relevant_indicators_with_their_stored_figures(seeded):
    wb = load(build_template(seeded.district, "2023-H1"))
    assert wb.sheetnames == [RESULTS_SHEET, TARGETS_SHEET, META_SHEET]
    ws = wb[RESULTS_SHEET]
    assert "Huyện D" in ws["A1"].value and "2023-H1" in ws["A1"].value
    assert [c.value for c in ws[HEADER_ROW]] == [t for t, _k in RESULT_COLUMNS]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.column_dimensions["D"].width > 30
    rows = {ws[f"C{r}"].value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    # a target in the year (thu-ns, bhyt) or a result last year (lua)
    assert set(rows) == {"thu-ns", "lua", "bhyt"}
    r = rows["thu-ns"]
    assert [ws[f"{c}{r}"].value for c in "ABCDEF"] == [
        "huyen-d",
        "Huyện D",
        "thu-ns",
        "Thu ngân sách",
        "tỷ đồng",
        "2023-H1",
    ]
    assert ws[f"G{r}"].value == 40.7 and ws[f"G{r}"].data_type == "n"
    assert ws[f"J{r}"].value == "thực hiện"
    assert ws[f"G{rows['lua']}"].value is None
    validations = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert validations[f"J{HEADER_ROW + 1}"] == '"thực hiện,ước"'

    wt = wb[TARGETS_SHEET]
    assert [c.value for c in wt[HEADER_ROW]] == [t for t, _k in TARGET_COLUMNS]
    targets = {wt[f"B{r}"].value: [c.value for c in wt[r]] for r in range(HEADER_ROW + 1, wt.max_row + 1)}
    assert targets["thu-ns"] == [
        "huyen-d",
        "thu-ns",
        "Thu ngân sách",
        "tỷ đồng",
        "2023",
        "kế hoạch",
        "mức",
        120,
        "KH huyện",
    ]
    assert targets["bhyt"][5:8] == ["nghị quyết", "trở lên", 92]
    assert targets["lua"][4:8] == ["2023", None, "mức", None]  # an empty row to add a target
    lists = {str(dv.sqref).split(":")[0][0] for dv in wt.data_validations.dataValidation}
    assert lists == {"F", "G"}

    meta = wb[META_SHEET]
    assert meta.sheet_state == "hidden"
    values = {meta[f"A{r}"].value: meta[f"B{r}"].value for r in range(1, meta.max_row + 1)}
    assert values["format"] == "chitieu-import" and values["version"] == 1
    assert values["unit"] == "huyen-d" and values["period"] == "2023-H1" and values["resolution"] is None
    assert values["generated_at"]


def test_a_filled_template_imports_and_importing_it_again_changes_nothing(seeded, clerk):
    data = build_template(seeded.district, "2023-H1")
    r_rice, r_cov = row_of(data, RESULTS_SHEET, "lua"), row_of(data, RESULTS_SHEET, "bhyt")
    r_rev = row_of(data, RESULTS_SHEET, "thu-ns")
    t_rice = row_of(data, TARGETS_SHEET, "lua", column="B")
    filled = edit(
        data,
        RESULTS_SHEET,
        {f"G{r_rice}": "101.761", f"H{r_cov}": 900, f"I{r_cov}": 1000, f"G{r_rev}": "41,5"},
    )
    filled = edit(filled, TARGETS_SHEET, {f"F{t_rice}": "kế hoạch", f"H{t_rice}": 200000})

    report = run(filled, clerk, filename="huyen-d.xlsx")
    assert report.errors == []
    assert (report.created, report.changed, report.unchanged) == (3, 1, 2)
    assert report.written
    rice = Result.objects.get(indicator=seeded.rice, period="2023-H1")
    assert rice.value == D("101761") and rice.status == "actual" and rice.source == "imported"
    assert "huyen-d.xlsx" in rice.source_ref
    assert Result.objects.get(indicator=seeded.coverage, period="2023-H1").value == D("90")
    assert Result.objects.get(indicator=seeded.revenue, period="2023-H1").value == D("41.5")
    assert Target.objects.get(indicator=seeded.rice, period="2023").value == D("200000")

    again = run(filled, clerk)
    assert again.errors == []
    assert (again.created, again.changed, again.unchanged) == (0, 0, 6)
    assert "0 changed, 6 unchanged" in again.summary()

    # a fresh template of the imported figures also reads back as unchanged
    fresh = run(build_template(seeded.district, "2023-H1"), clerk)
    assert (fresh.created, fresh.changed, fresh.unchanged) == (0, 0, 6)


def test_a_resolution_template_lists_its_targets_and_new_targets_join_the_resolution(seeded, clerk):
    res = seeded.resolution  # annual 2023 of the district
    Target.objects.filter(indicator=seeded.coverage).update(resolution=res)
    data = build_template(seeded.district, "2023-H1", res)
    meta = load(data)[META_SHEET]
    assert meta["B5"].value == res.pk
    t_rice = row_of(data, TARGETS_SHEET, "lua", column="B")
    assert load(data)[TARGETS_SHEET][f"F{t_rice}"].value == "nghị quyết"
    report = run(edit(data, TARGETS_SHEET, {f"H{t_rice}": 150000}), clerk)
    assert report.errors == [] and report.created == 1
    assert Target.objects.get(indicator=seeded.rice).resolution == res
    assert Target.objects.get(indicator=seeded.coverage).resolution == res  # kept


def test_an_unfinished_period_is_offered_as_an_estimate(world):
    wb = load(build_template(world.district, "2099-H1"))
    ws = wb[RESULTS_SHEET]
    assert ws.max_row == HEADER_ROW  # nothing relevant yet: just the header
    Target.objects.create(indicator=world.rice, unit=world.district, period="2099", basis="plan", value=1)
    ws = load(build_template(world.district, "2099-H1"))[RESULTS_SHEET]
    assert ws[f"J{HEADER_ROW + 1}"].value == "ước"
