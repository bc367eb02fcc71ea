import random
import zipfile
from decimal import Decimal

import docx
import pytest

from chitieu.extraction import ExtractionError, extract, read_document
from chitieu.extraction.reader import MAX_BYTES

from .helpers import cp1258_bytes, make_pdf, make_scanned_pdf, summaries

SENTENCE = "Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao."


def test_it_reads_utf8_text(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(SENTENCE, encoding="utf-8")
    assert read_document(p) == SENTENCE


def test_it_reads_utf16_with_a_bom(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(SENTENCE.encode("utf-16"))
    assert read_document(p) == SENTENCE


def test_it_reads_windows_1258(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(cp1258_bytes(SENTENCE))
    assert summaries(read_document(p)) == [(40.7, "tỷ đồng", None, [("estimate", "of", 27.9)])]


def test_it_reads_paragraphs_and_tables_of_a_docx(tmp_path):
    document = docx.Document()
    document.add_paragraph("Báo cáo kết quả 6 tháng đầu năm 2024")
    document.add_paragraph(SENTENCE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(0, 1).text = "Kết quả"
    table.cell(1, 0).text = "Sản lượng lúa"
    table.cell(1, 1).text = "101.761 tấn"
    document.add_paragraph("Có 8/9 xã đạt chuẩn nông thôn mới.")
    p = tmp_path / "r.docx"
    document.save(p)
    text = read_document(p)
    assert "Sản lượng lúa | 101.761 tấn" in text
    assert text.index("101.761") < text.index("8/9")
    assert [(f.indicator, f.value, f.unit) for f in extract(text)] == [
        ("thu ngân sách", Decimal("40.7"), "tỷ đồng"),
        ("sản lượng lúa", Decimal(101761), "tấn"),
        ("xã đạt chuẩn nông thôn mới", Decimal(8), "xã"),
    ]


def test_it_reads_the_text_layer_of_a_pdf(tmp_path):
    p = tmp_path / "r.pdf"
    p.write_bytes(make_pdf(["Báo cáo của Huyện ủy", SENTENCE]))
    assert summaries(read_document(p)) == [(40.7, "tỷ đồng", None, [("estimate", "of", 27.9)])]


def test_it_refuses_a_scanned_pdf(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(make_scanned_pdf())
    with pytest.raises(ExtractionError, match=r"scan\.pdf: OCR found no text in the scan"):
        read_document(p)


PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hội nghị Ban Chấp hành</title></head>
<body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tt">Tin tức</a></li>
<li><a href="/kt">Kinh tế 2024</a></li><li><a href="/en">English</a></li></ul></nav></header>
<main><article>
<h1>Ban Chấp hành Đảng bộ huyện tổ chức Hội nghị lần thứ 15</h1>
<p>Ngày 7/4, Ban Chấp hành Đảng bộ huyện Hữu Lũng tổ chức kỳ họp lần thứ 15 nhằm đánh giá kết quả thực hiện
các mặt công tác quý I, triển khai phương hướng, nhiệm vụ quý II/2023.</p>
<p>Trong quý I/2023, Ban Chấp hành Đảng bộ, Ban Thường vụ Huyện ủy đã nêu cao tinh thần đoàn kết, chủ động
trong lãnh đạo, chỉ đạo triển khai thực hiện toàn diện trên các lĩnh vực, qua đó đạt được một số kết quả tích cực.</p>
<p>Cụ thể, sản xuất nông lâm nghiệp được triển khai theo đúng kế hoạch; thu ngân sách đạt 40,7 tỷ đồng, bằng
27,9% dự toán tỉnh giao. Lĩnh vực văn hóa, xã hội tiếp tục được quan tâm; hoàn thành tốt các nhiệm vụ trong
lĩnh vực giáo dục; thực hiện tốt công tác khám chữa bệnh và chăm sóc sức khỏe cho Nhân dân.</p>
</article>
<aside><h3>Tin khác</h3><ul>
<li><a href="/a">Huyện thu ngân sách đạt 80% kế hoạch năm 2022</a></li>
<li><a href="/b">Đón 5.000 lượt khách dịp Tết</a></li></ul></aside></main>
<footer><p>Chia sẻ bài viết</p><p>Bản quyền thuộc Huyện ủy. Điện thoại 0205.3825.123</p></footer>
</body></html>"""


def test_it_reads_the_article_of_an_html_page_without_its_furniture(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    text = read_document(p)
    assert "thu ngân sách đạt 40,7 tỷ đồng" in text
    for furniture in ("Trang chủ", "Tin khác", "5.000 lượt khách", "Chia sẻ", "0205"):
        assert furniture not in text
    assert summaries(text) == [(40.7, "tỷ đồng", None, [("estimate", "of", 27.9)])]


def test_it_refuses_an_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(ExtractionError, match=r"^empty\.txt: empty file$"):
        read_document(p)


def test_it_refuses_binary_junk(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(random.Random(7).randbytes(4096))
    with pytest.raises(ExtractionError, match=r"junk\.txt: (binary data|not text)"):
        read_document(p)


def test_it_refuses_a_file_over_20_mb_without_reading_it(tmp_path):
    p = tmp_path / "big.txt"
    with p.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(ExtractionError, match=r"big\.txt: file too large \(20\.0 MB; the limit is 20 MB\)"):
        read_document(p)


def test_it_refuses_a_docx_that_is_a_zip_of_something_else(tmp_path):
    p = tmp_path / "fake.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "not a word document")
    with pytest.raises(ExtractionError, match=r"fake\.docx: not a Word document"):
        read_document(p)
    q = tmp_path / "text.docx"
    q.write_text("plain text with a .docx name", encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"text\.docx: not a Word document"):
        read_document(q)


def test_it_refuses_a_broken_pdf(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(ExtractionError, match=r"broken\.pdf: "):
        read_document(p)


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(ExtractionError, match=r"nope\.txt: no such file"):
        read_document(tmp_path / "nope.txt")
