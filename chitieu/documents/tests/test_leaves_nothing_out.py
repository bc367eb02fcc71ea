"""The draft report leaves nothing out: for each of the five demo reviews, every figure stored for the
unit and period — values, X/Y counts, percentage-only figures with each comparison, the hedges (ước,
trên) and the precision reported — is found in the .docx (Party and State) and in the .xlsx appendix,
read back with python-docx and openpyxl. And the personnel vote appears where the reader may see it."""

from decimal import Decimal as D

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from chitieu.access.models import RoleAssignment
from chitieu.demo.facts import REVIEWS
from chitieu.demo.loader import load_demo
from chitieu.documents import render_appendix_xlsx, render_notice_docx, render_report_docx
from chitieu.documents.builder import build_notice, build_report
from chitieu.indicators.models import Resolution
from chitieu.lib.vnnum import format_number
from chitieu.meetings.models import Conference
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
HEDGE = {"over": "trên", "nearly": "gần", "about": "khoảng"}


@pytest.fixture
def demo_db(db):
    load_demo()


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def _decimals(x: D) -> int:
    exp = x.normalize().as_tuple().exponent
    return max(0, -exp)


def written(value: D) -> str:
    return format_number(value, _decimals(value))


def expectations(result: Result) -> list[str]:
    """What the documents must say of one stored figure, as Vietnamese text."""
    out = []
    if result.value is not None:
        text = written(result.value)
        if result.denominator is not None and result.indicator.measure == "count_meeting":
            text += "/" + written(result.denominator)
        if result.qualifier:
            text = f"{HEDGE[result.qualifier]} {text}"
        out.append(text)
    for s in result.stated.all():
        pct = format_number(s.percent, _decimals(s.percent)) + "%"
        out.append(f"{HEDGE[s.qualifier]} {pct}" if s.qualifier else pct)
    return out


def stored(review) -> list[Result]:
    unit = Unit.objects.get(code=review.unit)
    return list(
        Result.objects.filter(unit=unit, period=review.period)
        .select_related("indicator")
        .prefetch_related("stated")
    )


def report_of(review, family="party", **kw):
    unit = Unit.objects.get(code=review.unit)
    return build_report(
        unit=unit,
        resolution=Resolution.objects.get(unit=unit, title=review.resolution["title"]),
        period=review.period,
        conference=Conference.objects.filter(unit=unit, period=review.period).first(),
        family=family,
        **kw,
    )


@pytest.mark.parametrize("review", REVIEWS, ids=[r.unit for r in REVIEWS])
def test_every_stored_figure_of_the_seed_is_in_both_reports_and_the_appendix(demo_db, review, tmp_path):
    results = stored(review)
    assert results
    party = docx_text(render_report_docx(report_of(review), tmp_path / "p.docx"))
    state = docx_text(render_report_docx(report_of(review, "state"), tmp_path / "s.docx"))
    sheet = load_workbook(render_appendix_xlsx(report_of(review), tmp_path / "a.xlsx")).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    for r in results:
        for text in expectations(r):
            assert text in party, (r.indicator.code, text)
            assert text in state, (r.indicator.code, text)
        if r.status == "estimate" and r.value is not None:
            assert "ước" in party
        # the appendix: numbers as numbers, the hedge and precision in their number formats
        if r.value is not None:
            hits = [c for c in cells if isinstance(c.value, (int, float)) and D(str(c.value)) == r.value]
            assert hits, (r.indicator.code, r.value)
            if r.qualifier:
                assert any(HEDGE[r.qualifier] in c.number_format for c in hits), r.indicator.code
        for s in r.stated.all():
            share = s.percent / 100 if s.kind == "of" else s.percent / 100
            hits = [
                c
                for c in cells
                if isinstance(c.value, (int, float)) and abs(D(str(c.value)) - share) < D("0.0000001")
            ]
            assert hits, (r.indicator.code, s.percent)
            places = _decimals(s.percent)
            assert any(
                c.number_format.split("%")[0].split(".")[-1].count("0") == places
                or (places == 0 and "." not in c.number_format.split("%")[0])
                for c in hits
            ), (r.indicator.code, s.percent, [c.number_format for c in hits])
            if s.qualifier:
                assert any("trên" in c.number_format for c in hits), r.indicator.code


def test_vinh_hung_carries_the_communes_figures_it_cites_and_names_the_one_not_meeting_the_standard(
    demo_db, tmp_path
):
    review = next(r for r in REVIEWS if r.unit == "vinh-hung")
    text = docx_text(render_report_docx(report_of(review), tmp_path / "v.docx"))
    for s in ("8/9", "15/19", "5/9", "95,49", "100,51%", "10/10", "Xã Vĩnh Bình", "Xã Tuyên Bình Tây"):
        assert s in text, s


def test_a_target_worked_back_from_a_percentage_is_marked_as_such(demo_db, tmp_path):
    review = next(r for r in REVIEWS if r.unit == "kinh-mon")
    text = docx_text(render_report_docx(report_of(review), tmp_path / "k.docx"))
    assert "60.284,3*" in text and "tính ngược từ tỷ lệ %" in text
    sheet = load_workbook(render_appendix_xlsx(report_of(review), tmp_path / "k.xlsx")).active
    target = next(
        c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, float) and round(c.value, 1) == 60284.3
    )
    assert '"*"' in target.number_format


def test_no_share_below_a_hundred_is_called_exceeded_and_kien_tuongs_budget_is_behind(demo_db, tmp_path):
    for review in REVIEWS:
        ctx = report_of(review)
        for row in ctx.appendix.rows:
            for t in row.targets:
                if t is not None and t.percent is not None and t.percent < 100:
                    assert not row.status.startswith("Vượt kế hoạch"), (review.unit, row.indicator)
    kt = report_of(next(r for r in REVIEWS if r.unit == "kien-tuong"))
    budget = next(r for r in kt.appendix.rows if r.indicator.startswith("Tổng thu ngân sách"))
    assert budget.status == "Chậm tiến độ"
    text = docx_text(render_report_docx(kt, tmp_path / "kt.docx"))
    assert "đạt 31% kế hoạch thị xã năm (chậm tiến độ)" in text


def test_lang_cans_report_computes_how_many_of_its_numbered_targets_are_met(demo_db, tmp_path):
    review = next(r for r in REVIEWS if r.unit == "lang-can")
    text = docx_text(render_report_docx(report_of(review), tmp_path / "l.docx"))
    assert "Đến nay đã đạt 8/10 chỉ tiêu Nghị quyết Đại hội (80%); báo cáo nêu trên 70% các chỉ tiêu." in text


def test_the_personnel_structure_vote_is_in_the_notice_and_the_report_only_for_readers_who_may_see_it(
    demo_db, client, tmp_path
):
    review = next(r for r in REVIEWS if r.unit == "kinh-mon")
    blocs = "Khối Đảng 11 đồng chí; Khối chính quyền 14 đồng chí; Khối Mặt trận Tổ quốc và đoàn thể chính trị 5 đồng chí; Khối nội chính 4 đồng chí; Khối xã/phường 7 đồng chí"
    assert blocs in docx_text(render_report_docx(report_of(review, show_personnel=True), tmp_path / "r.docx"))
    assert "Khối Đảng" not in docx_text(render_report_docx(report_of(review), tmp_path / "r2.docx"))
    conf = Conference.objects.get(unit__code="kinh-mon")
    assert blocs in docx_text(
        render_notice_docx(build_notice(conf, show_personnel=True), tmp_path / "n.docx")
    )
    assert "Khối Đảng" not in docx_text(render_notice_docx(build_notice(conf), tmp_path / "n2.docx"))
    # through the downloads: a leader sees it, a reporter does not
    unit = Unit.objects.get(code="kinh-mon")
    for role, present in (("leader", True), ("reporter", False)):
        user = make_user(role)
        RoleAssignment.objects.create(user=user, unit=unit, role=role)
        client.force_login(user)
        response = client.get(reverse("documents:notice_docx", args=[conf.pk]))
        path = tmp_path / f"{role}.docx"
        path.write_bytes(b"".join(response.streaming_content))
        assert ("Khối Đảng 11 đồng chí" in docx_text(path)) is present, role
        response = client.get(
            reverse("documents:report_docx", args=["kinh-mon"]), {"period": "2022-H1", "conference": conf.pk}
        )
        path.write_bytes(b"".join(response.streaming_content))
        assert ("Khối Đảng 11 đồng chí" in docx_text(path)) is present, role
