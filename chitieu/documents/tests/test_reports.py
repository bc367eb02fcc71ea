"""Draft reports built from the database, read back with python-docx and openpyxl."""

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from docx import Document
from openpyxl import load_workbook

from chitieu.demo.loader import load_demo
from chitieu.documents import render_appendix_xlsx, render_notice_docx, render_report_docx
from chitieu.documents.builder import ReportError, build_notice, build_report
from chitieu.indicators.models import Resolution
from chitieu.lib.vnnum import parse_number
from chitieu.meetings.models import Conference
from chitieu.meetings.services import conference_create, task_create, task_progress
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result
from chitieu.reporting.services import target_save

pytestmark = pytest.mark.django_db
NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


@pytest.fixture
def demo(db):
    load_demo()


def kinh_mon(**kw):
    unit = Unit.objects.get(code="kinh-mon")
    conf = Conference.objects.get(unit=unit)
    return build_report(
        unit=unit, resolution=Resolution.objects.get(unit=unit), period="2022-H1", conference=conf, **kw
    )


def body_lines(path):
    return [p.text for p in Document(path).paragraphs if p.text.strip()]


def test_the_party_report_has_its_header_blocks_number_and_date_line(demo, tmp_path):
    path = render_report_docx(kinh_mon(), tmp_path / "r.docx")
    doc = Document(path)
    header = doc.tables[0]
    cells = [c.text for c in header.rows[0].cells]
    assert "ĐẢNG BỘ TỈNH HẢI DƯƠNG" in cells[0] and "THỊ ỦY KINH MÔN" in cells[0] and "*" in cells[0]
    assert re.search(r"Số\s+-BC/TU", cells[0]) and "Số:" not in cells[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells[1]
    assert "Kinh Môn, ngày 13 tháng 7 năm 2022" in cells[1]
    borders = header._tbl.xpath(".//w:tblBorders/*")
    assert all(
        b.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") in ("nil", "none")
        for b in borders
    )
    assert "BÁO CÁO" in body_lines(path)


def test_the_state_report_uses_the_national_title_and_colon_number(demo, tmp_path):
    path = render_report_docx(kinh_mon(family="state"), tmp_path / "s.docx")
    cells = [c.text for c in Document(path).tables[0].rows[0].cells]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells[1] and "Độc lập - Tự do - Hạnh phúc" in cells[1]
    assert re.search(r"Số:\s+/BC-UBND", cells[0])


def test_every_number_in_the_results_sentences_is_in_the_data(demo, tmp_path):
    path = render_report_docx(kinh_mon(), tmp_path / "r.docx")
    lines = body_lines(path)
    start = lines.index("I. KẾT QUẢ ĐẠT ĐƯỢC")
    end = next(i for i, t in enumerate(lines) if t.startswith("II."))
    sentences = [t for t in lines[start:end] if t.startswith("- ")]
    assert sentences, lines[start:end]
    allowed = set()
    for r in Result.objects.filter(unit__code="kinh-mon", period="2022-H1").prefetch_related("stated"):
        allowed.add(r.value.normalize())
        allowed |= {s.percent.normalize() for s in r.stated.all()}
    for sentence in sentences:
        for raw in NUMBER.findall(sentence):
            assert parse_number(raw).normalize() in allowed, (raw, sentence)
    joined = " ".join(sentences)
    assert (
        "ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch năm (đúng tiến độ), tăng 15,9% so với cùng kỳ" in joined
    )
    assert "905,653 tỷ đồng, đạt 106%, vượt dự toán năm" in joined


def test_limitations_and_tasks_come_from_the_conference(demo, tmp_path):
    lines = body_lines(render_report_docx(kinh_mon(), tmp_path / "r.docx"))
    text = "\n".join(lines)
    assert "TỒN TẠI, HẠN CHẾ" in text and "đơn thư trùng lặp" in text
    assert "Chỉ thị 05" in text


def test_a_missing_figure_says_no_data_instead_of_failing(demo, tmp_path):
    unit = Unit.objects.get(code="kinh-mon")
    from chitieu.indicators.models import Indicator

    target_save(
        actor=None,
        indicator=Indicator.objects.get(code="trong-rung"),
        unit=unit,
        period="2022",
        basis="plan",
        value=D(50),
        resolution=Resolution.objects.get(unit=unit),
    )
    lines = body_lines(render_report_docx(kinh_mon(), tmp_path / "r.docx"))
    assert any("Diện tích trồng rừng tập trung" in t and "chưa có số liệu" in t for t in lines)


def test_a_report_for_a_period_without_results_is_refused_clearly(demo):
    unit = Unit.objects.get(code="kinh-mon")
    with pytest.raises(ReportError) as exc:
        build_report(unit=unit, resolution=None, period="2021-H1")
    assert "chưa có kết quả" in str(exc.value)


def test_the_appendix_xlsx_holds_numbers_with_a_frozen_header_and_a_titled_unit_and_period(demo, tmp_path):
    path = render_appendix_xlsx(kinh_mon(), tmp_path / "a.xlsx")
    ws = load_workbook(path).active
    title = " ".join(str(c.value) for row in ws.iter_rows(max_row=3) for c in row if c.value)
    assert "6 tháng đầu năm 2022" in title and "Kinh Môn" in title
    assert ws.freeze_panes is not None
    values = [c for row in ws.iter_rows() for c in row if c.value == 31167]
    assert values and values[0].data_type == "n" and "#,##0" in values[0].number_format


def test_the_next_conference_reports_what_became_of_the_previous_tasks(demo, tmp_path):
    unit = Unit.objects.get(code="kinh-mon")
    first = Conference.objects.get(unit=unit)
    done = first.tasks.order_by("id").first()
    task_progress(
        actor=None, task=done, date=dt.date(2022, 9, 1), text="Đã giải quyết 12/15 đơn thư", status="done"
    )
    nxt = conference_create(
        unit=unit, body="executive", date=dt.date(2023, 1, 10), term=first.term, period="2022"
    )
    task_create(text="Thu ngân sách quý I", unit=unit, conference=nxt, deadline=dt.date(2023, 3, 31))
    Result.objects.filter(unit=unit, period="2022-H1").update(period="2022")
    ctx = build_report(unit=unit, resolution=Resolution.objects.get(unit=unit), period="2022", conference=nxt)
    lines = body_lines(render_report_docx(ctx, tmp_path / "n.docx"))
    text = "\n".join(lines)
    assert "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO KẾT LUẬN HỘI NGHỊ KỲ TRƯỚC" in text
    assert "Đã hoàn thành" in text and "Đã giải quyết 12/15 đơn thư" in text
    assert "Quá hạn" in text or "Chưa thực hiện" in text


def test_the_conclusions_notice_names_the_conference_and_its_tasks(demo, tmp_path):
    conf = Conference.objects.get(unit__code="kinh-mon")
    doc = Document(render_notice_docx(build_notice(conf), tmp_path / "tb.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "THÔNG BÁO" in text and "Hội nghị lần thứ 9" in text
    assert "Sái Thị Yến" in text and "Chỉ thị 05" in text
    assert re.search(r"Số\s+-TB/TU", doc.tables[0].rows[0].cells[0].text)


def test_the_report_context_costs_the_same_queries_however_many_previous_tasks(demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    unit = Unit.objects.get(code="kinh-mon")
    first = Conference.objects.get(unit=unit)
    nxt = conference_create(
        unit=unit, body="executive", date=dt.date(2023, 1, 10), term=first.term, period="2022-H1"
    )
    res = Resolution.objects.get(unit=unit)

    def queries() -> int:
        with CaptureQueriesContext(connection) as q:
            build_report(unit=unit, resolution=res, period="2022-H1", conference=nxt)
        return len(q.captured_queries)

    queries()  # warm: what a process reads once (content types) is not counted
    few = queries()
    for i in range(6):
        t = task_create(text=f"Nhiệm vụ {i}", unit=unit, conference=first, deadline=dt.date(2022, 12, 31))
        task_progress(actor=None, task=t, date=dt.date(2022, 9, 1), text=f"tiến độ {i}", status="in_progress")
    assert queries() == few
