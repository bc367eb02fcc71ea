import io
import zipfile
from decimal import Decimal as D

import pytest

from chitieu.imports.importer import MAX_BYTES, import_workbook
from chitieu.imports.layout import META_SHEET, RESULTS_SHEET, TARGETS_SHEET
from chitieu.imports.template import build_template
from chitieu.indicators.models import Target
from chitieu.reporting.models import Result

from .conftest import book, edit, load, row_of, save, stored

pytestmark = pytest.mark.django_db


def run(data, actor=None, **kw):
    kw.setdefault("allowed_results", None)
    kw.setdefault("allowed_targets", None)
    return import_workbook(data, actor=actor, **kw)


def refused(data, **kw):
    """Import, expecting a refusal that writes nothing; the issues."""
    before = stored()
    report = run(data, **kw)
    assert report.errors, "expected the workbook to be refused"
    assert not report.written
    assert stored() == before
    return report.errors


@pytest.fixture
def tpl(seeded):
    """The district's 2023-H1 template with one valid new figure (rice), and the rows of its indicators."""
    data = build_template(seeded.district, "2023-H1")
    rows = {code: row_of(data, RESULTS_SHEET, code) for code in ("lua", "thu-ns", "bhyt")}
    return edit(data, RESULTS_SHEET, {f"G{rows['lua']}": 30000}), rows


def only(issues):
    assert len(issues) == 1, [str(i) for i in issues]
    return issues[0]


@pytest.mark.parametrize("text", ["N/A", "–", "x", "abc"])
def test_text_in_a_number_cell_is_refused_and_the_message_names_the_cell(tpl, text):
    data, rows = tpl
    r = rows["thu-ns"]
    issue = only(refused(edit(data, RESULTS_SHEET, {f"G{r}": text})))
    assert (issue.sheet, issue.cell, issue.indicator) == (RESULTS_SHEET, f"G{r}", "thu-ns")
    assert str(issue).startswith(f"Kết quả!G{r} (thu-ns): “{text}” is not a number.")


def test_a_number_written_the_english_way_is_refused(tpl):
    data, rows = tpl
    issue = only(refused(edit(data, RESULTS_SHEET, {f"H{rows['bhyt']}": "1,234.5"})))
    assert issue.cell == f"H{rows['bhyt']}" and "English way" in issue.message


def test_numbers_written_the_vietnamese_way_are_read(tpl, clerk):
    data, rows = tpl
    data = edit(data, RESULTS_SHEET, {f"G{rows['thu-ns']}": "1.234,5", f"G{rows['bhyt']}": "59,9%"})
    report = run(data, clerk)
    assert report.errors == []
    assert Result.objects.get(indicator__code="thu-ns", period="2023-H1").value == D("1234.5")
    assert Result.objects.get(indicator__code="bhyt", period="2023-H1").value == D("59.9")


def test_too_many_decimals_are_refused(tpl):
    data, rows = tpl
    issue = only(refused(edit(data, RESULTS_SHEET, {f"G{rows['thu-ns']}": "1,1234567"})))
    assert "decimal places" in issue.message


def test_a_formula_where_a_number_belongs_is_refused_rather_than_its_cached_value_guessed(tpl):
    data, rows = tpl
    r = rows["thu-ns"]
    issue = only(refused(edit(data, RESULTS_SHEET, {f"G{r}": f"=G{rows['lua']}*2"})))
    assert issue.cell == f"G{r}" and "formula" in issue.message and f"=G{rows['lua']}*2" in issue.message


def test_a_merged_cell_over_a_value_cell_is_refused(tpl):
    data, rows = tpl
    wb = load(data)
    r = rows["thu-ns"]
    wb[RESULTS_SHEET].merge_cells(f"G{r}:H{r}")
    issue = only(refused(save(wb)))
    assert issue.cell == f"G{r}" and f"G{r}:H{r}" in issue.message and "merged" in issue.message


def test_a_percentage_formatted_cell_is_refused(tpl):
    data, rows = tpl
    wb = load(data)
    cell = wb[RESULTS_SHEET][f"G{rows['bhyt']}"]
    cell.value = 0.599
    cell.number_format = "0.0%"
    issue = only(refused(save(wb)))
    assert issue.cell == f"G{rows['bhyt']}" and "59,9" in issue.message


def test_a_unit_of_measure_other_than_the_indicators_is_refused(tpl):
    data, rows = tpl
    r = rows["thu-ns"]
    issue = only(refused(edit(data, RESULTS_SHEET, {f"E{r}": "triệu đồng"})))
    assert issue.cell == f"E{r}" and "tỷ đồng" in issue.message and "wrong unit" in issue.message


def test_an_unknown_or_deleted_indicator_code_is_refused(tpl):
    data, rows = tpl
    r = rows["thu-ns"]
    issue = only(refused(edit(data, RESULTS_SHEET, {f"C{r}": "thu-ns-cu"})))
    assert (issue.cell, issue.indicator) == (f"C{r}", "thu-ns-cu") and "no indicator" in issue.message


def test_an_unknown_unit_code_is_refused(tpl):
    data, rows = tpl
    issue = only(refused(edit(data, RESULTS_SHEET, {f"A{rows['thu-ns']}": "huyen-z"})))
    assert issue.cell == f"A{rows['thu-ns']}" and "huyen-z" in issue.message


def test_a_unit_outside_the_importers_scope_is_refused(tpl, seeded):
    data, rows = tpl
    communes = {c.pk for c in seeded.communes}
    issues = refused(data, allowed_results=communes)
    assert {i.cell for i in issues} == {f"A{r}" for r in rows.values()}
    assert "may not enter results for Huyện D" in issues[0].message


def test_targets_outside_scope_are_refused_only_where_they_would_change(tpl, seeded, clerk):
    data, rows = tpl
    assert run(data, clerk, allowed_targets=set()).errors == []  # the stored targets, unchanged
    t = row_of(data, TARGETS_SHEET, "thu-ns", column="B")
    issue = only(refused(edit(data, TARGETS_SHEET, {f"H{t}": 130}), allowed_targets=set()))
    assert (issue.sheet, issue.cell) == (TARGETS_SHEET, f"A{t}") and "may not set targets" in issue.message


def test_a_bad_period_code_is_refused(tpl):
    data, rows = tpl
    issue = only(refused(edit(data, RESULTS_SHEET, {f"F{rows['lua']}": "2023-Q5"})))
    assert issue.cell == f"F{rows['lua']}" and "2023-Q5" in issue.message


@pytest.mark.parametrize("words", ["6 tháng đầu năm 2023", "6 tháng năm 2023", " 6 THÁNG ĐẦU NĂM 2023 "])
def test_a_period_written_in_words_as_the_pages_print_it_is_read(tpl, clerk, words):
    data, rows = tpl
    report = run(edit(data, RESULTS_SHEET, {f"F{rows['lua']}": words}), clerk)
    assert report.errors == []
    assert Result.objects.get(indicator__code="lua", period="2023-H1").value == 30000


def test_a_period_excel_turned_into_a_date_is_refused(tpl):
    import datetime as dt

    data, rows = tpl
    issue = only(refused(edit(data, RESULTS_SHEET, {f"F{rows['lua']}": dt.datetime(2023, 6, 1)})))
    assert "date" in issue.message


def test_a_status_not_in_the_list_is_refused(tpl):
    data, rows = tpl
    issue = only(refused(edit(data, RESULTS_SHEET, {f"J{rows['lua']}": "tạm tính"})))
    assert issue.cell == f"J{rows['lua']}" and "“ước”" in issue.message


def test_statuses_bases_and_kinds_may_be_written_as_codes_or_without_diacritics(tpl, clerk):
    data, rows = tpl
    t = row_of(data, TARGETS_SHEET, "lua", column="B")
    data = edit(data, RESULTS_SHEET, {f"J{rows['lua']}": "ACTUAL"})
    data = edit(data, TARGETS_SHEET, {f"F{t}": "ke hoach", f"G{t}": "floor", f"H{t}": 1})
    assert run(data, clerk).errors == []
    assert Target.objects.get(indicator__code="lua").kind == "floor"


def test_a_duplicate_row_for_the_same_unit_indicator_and_period_is_refused(tpl):
    data, rows = tpl
    wb = load(data)
    ws = wb[RESULTS_SHEET]
    new = ws.max_row + 1
    for col in "ABCDEFGHIJK":
        ws[f"{col}{new}"] = ws[f"{col}{rows['lua']}"].value
    issue = only(refused(save(wb)))
    assert issue.cell == f"C{new}" and f"Row {rows['lua']} already" in issue.message


def test_a_missing_sheet_is_refused(tpl):
    data, _rows = tpl
    wb = load(data)
    del wb[TARGETS_SHEET]
    issue = only(refused(save(wb)))
    assert issue.sheet == TARGETS_SHEET and "missing" in issue.message


def test_a_changed_header_is_refused(tpl):
    data, _rows = tpl
    issue = only(refused(edit(data, RESULTS_SHEET, {"G3": "Số liệu"})))
    assert issue.cell == "G3" and "“Giá trị”" in issue.message


def test_a_workbook_from_a_newer_chitieu_is_refused(tpl):
    data, _rows = tpl
    issue = only(refused(edit(data, META_SHEET, {"B2": 2})))
    assert issue.sheet == META_SHEET and "newer" in issue.message


@pytest.mark.parametrize(
    "content, words",
    [
        (b"unit,indicator,value\nhuyen-d,thu-ns,1\n", "not an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
        (b"PK\x03\x04 truncated", "damaged"),
        (b"", "empty"),
    ],
    ids=["csv", "old-xls", "broken-zip", "empty"],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(seeded, content, words):
    issue = only(refused(content))
    assert issue.sheet == "" and words in issue.message


def test_a_zip_that_is_not_a_workbook_is_refused(seeded):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    assert "not an Excel workbook" in only(refused(buf.getvalue())).message


def test_a_file_over_50_mb_is_refused_by_its_size_before_it_is_read(seeded, tmp_path):
    path = tmp_path / "big.xlsx"
    with open(path, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: nothing is written to disk
    issue = only(refused(str(path)))
    assert "up to 50 MB" in issue.message


def test_a_refusal_by_the_save_rules_rolls_back_the_rows_written_before_it(tpl, clerk):
    data, rows = tpl
    wb = load(data)
    ws = wb[RESULTS_SHEET]
    new = ws.max_row + 1
    for col, value in zip("ACEFGJ", ["huyen-d", "thu-ns", "tỷ đồng", "2099-H1", 5, "thực hiện"], strict=True):
        ws[f"{col}{new}"] = value
    before = stored()
    report = run(save(wb), clerk)
    issue = only(report.errors)
    assert (issue.cell, issue.indicator) == (f"J{new}", "thu-ns") and "not over yet" in issue.message
    assert report.created == 1  # the rice row before it was written, then rolled back
    assert stored() == before and not Result.objects.filter(indicator__code="lua", period="2023-H1").exists()


def test_a_dry_run_checks_the_save_rules_and_writes_nothing(tpl, clerk):
    data, _rows = tpl
    before = stored()
    report = run(data, clerk, dry_run=True)
    assert report.errors == [] and not report.written
    assert (report.created, report.unchanged) == (1, 3)
    assert "nothing written" in report.summary()
    assert stored() == before


def test_the_progress_callback_follows_the_rows(tpl, clerk):
    data, _rows = tpl
    calls = []
    report = run(data, clerk, progress=lambda done, total: calls.append((done, total)))
    assert report.errors == []
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)
    assert [d for d, _t in calls] == [0, 1, 2, 3, 4]


def test_a_hand_made_workbook_without_metadata_or_title_rows_is_read(seeded, clerk):
    data = book(
        results=[["xa-1", "", "lua", "", "tấn", "2023", "1.500", None, None, "", "ghi chú"]],
        targets=[["xa-1", "lua", "", "tấn", 2023, "kế hoạch", "", 2000, ""]],
    )
    report = run(data, clerk)
    assert report.errors == [] and report.created == 2
    r = Result.objects.get(unit__code="xa-1")
    assert (r.value, r.status, r.note) == (D("1500"), "actual", "ghi chú")
    assert Target.objects.get(unit__code="xa-1").kind == "level"


def test_an_empty_status_in_an_unfinished_period_means_an_estimate(seeded, clerk):
    data = book(results=[["xa-1", "", "lua", "", "tấn", "2099", 3, None, None, None, None]])
    assert run(data, clerk).errors == []
    assert Result.objects.get(unit__code="xa-1").status == "estimate"


def test_every_problem_is_reported_at_once(tpl):
    data, rows = tpl
    data = edit(data, RESULTS_SHEET, {f"G{rows['thu-ns']}": "N/A", f"J{rows['lua']}": "?"})
    t = row_of(data, TARGETS_SHEET, "thu-ns", column="B")
    data = edit(data, TARGETS_SHEET, {f"F{t}": "??", f"H{t}": "1.5"})
    issues = refused(data)
    assert {(i.sheet, i.cell) for i in issues} == {
        (RESULTS_SHEET, f"G{rows['thu-ns']}"),
        (RESULTS_SHEET, f"J{rows['lua']}"),
        (TARGETS_SHEET, f"F{t}"),
        (TARGETS_SHEET, f"H{t}"),
    }


def _reopen(seeded, clerk):
    from chitieu.reporting.workflow import submission_approve, submission_reopen, submission_submit
    from chitieu.testing import make_user

    submission_submit(actor=clerk, unit=seeded.district, period="2023-H1")
    # another approver than the submitter (separation of duties)
    submission_approve(actor=make_user("approver", superuser=True), unit=seeded.district, period="2023-H1")
    submission_reopen(actor=clerk, unit=seeded.district, period="2023-H1", reason="số liệu thu ngân sách sai")


def test_a_change_in_a_reopened_period_without_a_reason_is_refused_naming_the_reason_column(
    tpl, seeded, clerk
):
    data, rows = tpl
    _reopen(seeded, clerk)
    issue = only(refused(edit(data, RESULTS_SHEET, {f"G{rows['thu-ns']}": 41.2}), actor=clerk))
    assert (issue.cell, issue.indicator) == (f"L{rows['thu-ns']}", "thu-ns")
    assert "reopened" in issue.message and "Lý do sửa" in issue.message


def test_a_change_in_a_reopened_period_with_its_reason_is_saved_and_the_reason_audited(tpl, seeded, clerk):
    from chitieu.audit.models import AuditEntry

    data, rows = tpl
    _reopen(seeded, clerk)
    r = rows["thu-ns"]
    report = run(edit(data, RESULTS_SHEET, {f"G{r}": 41.2, f"L{r}": "Kho bạc báo lại"}), clerk)
    assert not report.errors and report.changed == 1
    assert Result.objects.get(indicator__code="thu-ns", period="2023-H1").value == D("41.2")
    entry = AuditEntry.objects.filter(object_type="reporting.result", action="update").latest("id")
    assert entry.reason == "Kho bạc báo lại"


def test_a_template_from_before_the_reason_column_still_imports(tpl, clerk):
    data, rows = tpl
    wb = load(data)
    ws = wb[RESULTS_SHEET]
    ws.delete_cols(12)  # what templates downloaded before the column was added look like
    report = run(save(wb), clerk)
    assert not report.errors and report.created == 1
