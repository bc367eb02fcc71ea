"""The conclusions notice .docx read back with python-docx."""

from __future__ import annotations

from dataclasses import replace

import docx
import pytest

from chitieu.documents import render_notice_docx, samples
from chitieu.documents.context import Signature
from chitieu.documents.docx_common import S
from chitieu.documents.tests.test_docx_report import assert_borderless, texts


@pytest.fixture(scope="module")
def notice(rendered):
    return docx.Document(str(rendered["notice"]))


def test_the_notice_header_holds_the_tb_number_and_the_date(notice):
    header = notice.tables[0]
    assert_borderless(header)
    left, right = header.rows[0].cells
    assert texts(left) == ["ĐẢNG BỘ TỈNH HẢI DƯƠNG", "THỊ ỦY KINH MÔN", "*", "Số 45-TB/TU"]
    assert texts(right)[-1] == "Kinh Môn, ngày 15 tháng 7 năm 2022"


def test_the_notice_title_is_thong_bao_with_its_subject(notice):
    assert (notice.paragraphs[0].text, notice.paragraphs[0].style.name) == ("THÔNG BÁO", S.TITLE)
    assert notice.paragraphs[1].text.startswith("kết luận của Ban Thường vụ Thị ủy tại Hội nghị lần thứ 9")


def test_the_conclusions_are_numbered_after_the_lead_and_the_tasks_carry_owner_and_deadline(notice):
    body = [p.text for p in notice.paragraphs]
    lead = body.index("Sau khi nghe các báo cáo và ý kiến thảo luận, Ban Thường vụ Thị ủy kết luận như sau:")
    numbered = [t for t in body[lead:] if t[:2] in ("1.", "2.", "3.")]
    assert [t[:2] for t in numbered] == ["1.", "2.", "3."]
    assert any(t.startswith("- Các đồng chí Ủy viên Ban Chấp hành") for t in body)  # a detail under point 2
    tasks = [t for t in body if "chủ trì thực hiện" in t]
    assert len(tasks) == 2 and tasks[0].endswith("hoàn thành trước ngày 31/12/2022.")


def test_the_notice_is_signed_in_a_borderless_closing_table(notice):
    closing = notice.tables[1]
    assert_borderless(closing)
    left, right = closing.rows[0].cells
    assert texts(right) == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Bùi Xuân Lộc"]
    assert texts(left)[-1] == "- Lưu Văn phòng Thị ủy."


def test_a_notice_signed_by_the_office_reads_t_l_ban_thuong_vu(tmp_path):
    ctx = replace(
        samples.party_notice(), signature=Signature(("T/L BAN THƯỜNG VỤ",), "CHÁNH VĂN PHÒNG", "Nguyễn Văn A")
    )
    doc = docx.Document(str(render_notice_docx(ctx, tmp_path / "n.docx")))
    assert texts(doc.tables[1].rows[0].cells[1])[:2] == ["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"]


def test_a_state_notice_uses_the_state_header(tmp_path):
    base = samples.party_notice()
    ctx = replace(base, meta=replace(base.meta, family="state", issuer=samples.STATE_ISSUER))
    doc = docx.Document(str(render_notice_docx(ctx, tmp_path / "s.docx")))
    left, right = doc.tables[0].rows[0].cells
    assert texts(left)[-1] == "Số: 45/TB-UBND"
    assert texts(right)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
