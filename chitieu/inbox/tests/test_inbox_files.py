"""Word tables, scans, old encodings and hostile files through the inbox."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chitieu.demo.loader import LoadReport, load_catalogue, load_units
from chitieu.extraction.encodings import encode_tcvn3
from chitieu.extraction.ocr import missing_packages
from chitieu.extraction.refusals import NOTES, REFUSALS
from chitieu.extraction.tests import docx_tables
from chitieu.extraction.tests.scans import scanned_pdf
from chitieu.inbox import messages
from chitieu.inbox.models import Candidate, ScanPage, SourceDocument
from chitieu.inbox.services import candidate_accept, document_reread
from chitieu.indicators.models import Indicator, Target
from chitieu.reporting.models import Result

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 7, 20)
SCAN_TEXT = (
    "Báo cáo kết quả 6 tháng đầu năm 2024 của Ủy ban nhân dân thị xã Kinh Môn.\n"
    "Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao.\n"
    "Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ."
)


@pytest.fixture
def catalogue(db):
    report = LoadReport()
    load_catalogue(report)
    load_units(report)


def upload(client, name: str, data: bytes, period: str = "2024-H1", **headers):
    f = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(reverse("inbox:index"), {"unit": "kinh-mon", "period": period, "file": f}, **headers)


EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def ocr():
    missing = missing_packages()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"OCR is required under CI: install {missing}")
        pytest.skip(f"OCR not installed: apt-get install {missing}")


def test_every_refusal_and_note_code_has_a_translated_message():
    assert set(REFUSALS) <= messages.refusal_codes()
    assert set(NOTES) <= messages.note_codes()


def test_a_docx_table_is_read_into_figures_with_their_cell_and_accepting_writes_the_stated_target(
    vi_client, clerk, catalogue, tmp_path
):
    resp = upload(vi_client, "bieu.docx", docx_tables.appendix(tmp_path / "bieu.docx").read_bytes())
    assert resp.status_code == 302, resp.content.decode()[:2000]
    doc = SourceDocument.objects.get()
    assert doc.reader == "docx" and doc.notes == []
    c = doc.candidates.get(indicator_text="Thu ngân sách nhà nước trên địa bàn")
    assert c.cell == {"table": 1, "row": 9, "column": 5, "header": "Ước thực hiện 6 tháng"}
    assert doc.text[c.start : c.end] == "40.700" and c.unit_text == "triệu đồng"
    assert [(t["basis"], t["value"], t["label"]) for t in c.targets] == [
        ("plan", "145000", "Kế hoạch năm 2024")
    ]
    page = vi_client.get(reverse("inbox:document", args=[doc.pk])).content.decode()
    assert "bảng 1, dòng 9, cột 5 (Ước thực hiện 6 tháng)" in page
    assert "Đọc từ: tài liệu Word" in page

    result = candidate_accept(
        actor=clerk, candidate=c, indicator=Indicator.objects.get(code="thu-ngan-sach"), today=TODAY
    )
    assert result.value == D("40.7") and result.status == "estimate"
    stated = {(s.basis, s.kind): s.percent for s in result.stated.all()}
    assert stated == {("plan", "of"): D("28.1"), ("same_period", "of"): D("92.5")}
    target = Target.objects.get(indicator__code="thu-ngan-sach", unit__code="kinh-mon", basis="plan")
    assert not target.derived and target.period == "2024" and target.value == D(145)
    assert target.basis_label == "Kế hoạch năm 2024" and (target.source_start, target.source_end) == (
        c.targets[0]["start"],
        c.targets[0]["end"],
    )
    assert doc.text[target.source_start : target.source_end] == "145.000"


def test_a_table_not_understood_is_named_in_vietnamese_and_the_rest_read(vi_client, catalogue, tmp_path):
    resp = upload(vi_client, "la.docx", docx_tables.not_understood(tmp_path / "la.docx").read_bytes())
    doc = SourceDocument.objects.get()
    assert resp.status_code == 302 and doc.candidates.count() == 1
    page = vi_client.get(reverse("inbox:document", args=[doc.pk])).content.decode()
    assert "Bảng 1: không hiểu được tiêu đề (Mã | Q1 | Q2 | Q3)" in page


def test_a_tcvn3_text_file_is_converted_and_the_detection_shown(vi_client, catalogue):
    resp = upload(vi_client, "cu.txt", encode_tcvn3(SCAN_TEXT))
    doc = SourceDocument.objects.get()
    assert resp.status_code == 302 and doc.encoding == "tcvn3" and "Thu ngân sách đạt 40,7" in doc.text
    page = vi_client.get(reverse("inbox:document", args=[doc.pk])).content.decode()
    assert "TCVN3 (ABC), đã chuyển sang Unicode" in page
    page = vi_client.get(reverse("inbox:document", args=[doc.pk]), **EN).content.decode()
    assert "TCVN3 (ABC), converted to Unicode" in page


def _deflate64_docx(tmp_path) -> bytes:
    p = docx_tables.letterhead(tmp_path / "x.docx")
    data = bytearray(p.read_bytes())
    for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        pos = data.find(sig)
        while pos != -1:
            data[pos + off : pos + off + 2] = (9).to_bytes(2, "little")
            pos = data.find(sig, pos + 4)
    return bytes(data)


def test_hostile_files_are_refused_in_the_users_language_naming_the_file_and_nothing_is_written(
    vi_client, catalogue, tmp_path
):
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(100):
                f.write(b"A" * (1 << 20))
    cases = [
        ("bom.docx", bomb.read_bytes(), "bom.docx: word/document.xml giải nén ra hơn giới hạn 48 MB"),
        ("nen.docx", _deflate64_docx(tmp_path), "nen.docx: [Content_Types].xml dùng kiểu nén không đọc được"),
        ("rac.txt", os.urandom(3000).replace(b"\0", b"\1") + b"\0", "rac.txt: tệp chứa dữ liệu nhị phân"),
        ("hong.pdf", b"%PDF-1.4\n garbage", "hong.pdf: tệp PDF bị hỏng"),
    ]
    for name, data, vietnamese in cases:
        resp = upload(vi_client, name, data)
        body = resp.content.decode()
        assert resp.status_code == 400 and vietnamese in body, (
            name,
            body[body.find("errorlist") - 200 :][:600],
        )
    resp = upload(vi_client, "nen.docx", _deflate64_docx(tmp_path), **EN)
    assert "nen.docx: [Content_Types].xml uses a compression method that cannot be read (method 9)" in (
        resp.content.decode()
    )
    assert not SourceDocument.objects.exists() and not Candidate.objects.exists()


def test_without_tesseract_the_inbox_says_what_to_install(vi_client, catalogue, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    resp = upload(vi_client, "scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    body = resp.content.decode()
    assert resp.status_code == 400
    assert "cài các gói Debian tesseract-ocr tesseract-ocr-vie" in body
    assert not SourceDocument.objects.exists()


def test_a_scan_keeps_its_pages_beside_the_text_and_the_corrected_text_is_read_again(
    ocr, vi_client, clerk, catalogue
):
    resp = upload(vi_client, "scan.pdf", scanned_pdf(SCAN_TEXT, angle=1.0, seed=5))
    assert resp.status_code == 302, resp.content.decode()[:1500]
    doc = SourceDocument.objects.get()
    assert doc.reader == "scan" and doc.ocr_confidence > 80
    page = ScanPage.objects.get(document=doc)
    assert page.number == 1 and bytes(page.image)[:3] == b"\xff\xd8\xff" and "40,7" in page.text
    image = vi_client.get(reverse("inbox:scan_page", args=[doc.pk, 1]))
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    values = sorted(c.value for c in doc.candidates.all() if c.value is not None)
    assert values == [D("40.7"), D(31167)]
    assert all(c.confidence is not None and c.confidence > 50 for c in doc.candidates.all())
    review = vi_client.get(reverse("inbox:document", args=[doc.pk])).content.decode()
    assert "Độ tin cậy OCR" in review and reverse("inbox:scan_page", args=[doc.pk, 1]) in review

    # the reviewer corrects the recognised text (here: a figure OCR could have misread) and re-reads
    corrected = doc.text.replace("40,7", "41,7")
    resp = vi_client.post(reverse("inbox:correct", args=[doc.pk]), {"text": corrected})
    assert resp.status_code == 302
    doc.refresh_from_db()
    assert sorted(c.value for c in doc.candidates.all() if c.value is not None) == [D("41.7"), D(31167)]
    assert ScanPage.objects.get(document=doc).text == page.text  # the recognised text is kept

    c = doc.candidates.get(value=D("41.7"))
    candidate_accept(
        actor=clerk, candidate=c, indicator=Indicator.objects.get(code="thu-ngan-sach"), today=TODAY
    )
    resp = vi_client.post(reverse("inbox:correct", args=[doc.pk]), {"text": corrected + " Thêm."})
    assert resp.status_code == 400 and "không thể sửa văn bản" in resp.content.decode()
    assert Result.objects.get().value == D("41.7")


def test_reread_refuses_an_empty_text(clerk, catalogue):
    from chitieu.inbox.services import document_ingest
    from chitieu.orgs.models import Unit

    doc = document_ingest(
        actor=clerk, unit=Unit.objects.get(code="kinh-mon"), period="2024-H1", text=SCAN_TEXT
    )
    with pytest.raises(Exception, match="không có nội dung văn bản|holds no text"):
        document_reread(actor=clerk, document=doc, text="   ")


def test_accepting_through_the_page_with_the_prefilled_value_converts_it_to_the_indicators_unit(
    vi_client, catalogue, tmp_path
):
    upload(vi_client, "bieu.docx", docx_tables.appendix(tmp_path / "bieu.docx").read_bytes())
    c = Candidate.objects.get(indicator_text="Thu ngân sách nhà nước trên địa bàn")
    q = f"c{c.pk}"
    resp = vi_client.post(
        reverse("inbox:decide", args=[c.pk]),
        {
            f"{q}-action": "accept",
            f"{q}-indicator": "thu-ngan-sach",
            f"{q}-unit": "kinh-mon",
            f"{q}-period": "2024-H1",
            f"{q}-value": "40.700",
            f"{q}-status": "estimate",
        },
    )
    assert resp.status_code == 302
    assert Result.objects.get(indicator__code="thu-ngan-sach").value == D("40.7")  # not 40.700 tỷ đồng
