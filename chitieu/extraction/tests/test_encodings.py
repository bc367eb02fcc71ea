"""Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) and decomposed Unicode, detected and
converted: round trips on our own sentences, the TCVN3 chart checked against glibc's, text files
and .docx runs in legacy fonts."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from decimal import Decimal

import docx
import pytest

from chitieu.extraction import extract
from chitieu.extraction.cli import main
from chitieu.extraction.encodings import (
    TCVN3_DECODE,
    decode_tcvn3,
    decode_vni,
    detect_text,
    encode_tcvn3,
    encode_vni,
    font_encoding,
    is_syllable,
    vietnamese_score,
)
from chitieu.extraction.reader import read

from .helpers import cp1258_bytes

SENTENCES = [
    "Thu ngân sách nhà nước trên địa bàn ước đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao.",
    "Tổng giá trị sản xuất đạt 31.167 tỷ đồng, tăng 15,9% so với cùng kỳ; thu nhập bình quân đầu người 72,5 triệu đồng.",
    "Đến nay toàn huyện có 8/9 xã đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm còn 2,8%.",
    "Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ huyện Hữu Lũng khóa XXV, nhiệm kỳ 2020-2025.",
    "Quyết tâm hoàn thành thắng lợi các mục tiêu; khuyến khích người dân giữ gìn trật tự, ưu tiên đường làng ngõ xóm.",
]
UPPER = "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM; ỦY BAN NHÂN DÂN XÃ ĐỨC THỌ"


@pytest.mark.parametrize("sentence", SENTENCES + [UPPER])
def test_tcvn3_vni_and_windows_1258_round_trip(sentence):
    assert decode_tcvn3(encode_tcvn3(sentence)) == sentence
    assert decode_vni(encode_vni(sentence)) == sentence
    assert unicodedata.normalize("NFC", cp1258_bytes(sentence).decode("cp1258")) == sentence


def test_the_tcvn3_chart_agrees_with_glibcs_tcvn5712_1():
    iconv = shutil.which("iconv")
    if iconv is None:
        pytest.skip("iconv (libc-bin) is not installed")
    for b in range(0x80, 0x100):
        done = subprocess.run(
            [iconv, "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([b]), capture_output=True
        )
        if done.returncode != 0:
            continue
        want = unicodedata.normalize("NFC", done.stdout.decode("utf-8"))
        assert unicodedata.normalize("NFC", TCVN3_DECODE[b]) == want, hex(b)


def test_vni_spells_the_known_key_sequences():
    assert encode_vni("á ầ ặ ơ ư đ Đ ỉ ỵ") == "aù aà aë ô ö ñ Ñ æ î".encode("cp1252")
    assert encode_tcvn3("ngân sách ư") == "ng©n s¸ch \xad".encode("latin-1")


def test_the_syllable_check_tells_vietnamese_from_misread_bytes():
    assert all(is_syllable(w) for w in "nghiêng người khuyến quyết giữ ương khuya".split())
    assert not any(is_syllable(w) for w in ["ng©n", "saùch", "nöôùc", "thực1"])
    assert vietnamese_score(SENTENCES[0]) > 0.9
    assert vietnamese_score(encode_vni(SENTENCES[0]).decode("cp1252")) < 0.5


@pytest.mark.parametrize(
    "encoding,encode",
    [
        ("tcvn3", encode_tcvn3),
        ("vni", encode_vni),
        ("cp1258", cp1258_bytes),
    ],
)
def test_a_text_file_in_a_legacy_encoding_is_detected_and_read(tmp_path, encoding, encode, capsys):
    p = tmp_path / "bao-cao.txt"
    p.write_bytes(encode("\n".join(SENTENCES)))
    reading = read(p)
    assert reading.encoding == encoding
    assert reading.text == "\n".join(SENTENCES)
    assert [(f.value, f.unit) for f in extract(reading.text)][:2] == [
        (Decimal("40.7"), "tỷ đồng"),
        (Decimal(31167), "tỷ đồng"),
    ]
    assert main([str(p), "--format", "table"]) == 0
    label = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI Windows", "cp1258": "Windows-1258"}[encoding]
    out = capsys.readouterr().out
    assert out.startswith("== bao-cao.txt: ") and label in out.splitlines()[0]


def test_decomposed_unicode_is_composed_and_said_so(tmp_path):
    p = tmp_path / "nfd.txt"
    p.write_text(unicodedata.normalize("NFD", SENTENCES[0]), encoding="utf-8")
    reading = read(p)
    assert reading.encoding == "utf-8-nfd" and reading.text == SENTENCES[0]


def test_tcvn3_text_pasted_into_a_utf8_file_is_converted(tmp_path):
    p = tmp_path / "dan.txt"
    p.write_text(encode_tcvn3(SENTENCES[2]).decode("cp1252"), encoding="utf-8")
    reading = read(p)
    assert reading.encoding == "tcvn3" and reading.text == SENTENCES[2]


def test_plain_unicode_and_english_are_left_alone():
    assert detect_text(SENTENCES[1]) == ("unicode", SENTENCES[1])
    assert detect_text("Café déjà vu, naïve résumé.")[0] == "unicode"


def test_fonts_name_their_encoding():
    assert font_encoding(".VnTime") == ("tcvn3", False)
    assert font_encoding(".VnTimeH") == ("tcvn3", True)
    assert font_encoding(".VnArial NarrowH") == ("tcvn3", True)
    assert font_encoding("VNI-Times") == ("vni", False)
    assert font_encoding("Times New Roman") is None and font_encoding(None) is None


def _run(paragraph, text: str, font: str) -> None:
    run = paragraph.add_run(text)
    run.font.name = font


def test_docx_runs_in_vntime_and_vni_fonts_are_converted_run_by_run(tmp_path):
    d = docx.Document()
    p = d.add_paragraph()
    _run(p, encode_tcvn3("Báo cáo").decode("cp1252"), ".VnTimeH")  # an upper-case font
    _run(p, " của Huyện ủy", "Times New Roman")
    d.add_paragraph().add_run(encode_tcvn3(SENTENCES[0]).decode("cp1252")).font.name = ".VnTime"
    d.add_paragraph().add_run(encode_vni(SENTENCES[2]).decode("cp1252")).font.name = "VNI-Times"
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(0, 1).text = "Kết quả"
    table.cell(1, 0).paragraphs[0].add_run(
        encode_tcvn3("Sản lượng lúa").decode("cp1252")
    ).font.name = ".VnTime"
    table.cell(1, 1).text = "101.761 tấn"
    path = tmp_path / "cu.docx"
    d.save(path)
    reading = read(path)
    assert reading.encoding == "mixed"
    lines = reading.text.splitlines()
    assert lines[0] == "BÁO CÁO của Huyện ủy"
    assert lines[1] == SENTENCES[0] and lines[2] == SENTENCES[2]
    assert "Sản lượng lúa | 101.761 tấn" in reading.text


def test_a_whole_docx_in_vntime_style_fonts_is_detected_without_font_names(tmp_path):
    d = docx.Document()
    for s in SENTENCES:
        d.add_paragraph(encode_tcvn3(s).decode("cp1252"))
    path = tmp_path / "khong-font.docx"
    d.save(path)
    reading = read(path)
    assert reading.encoding == "tcvn3" and reading.text.splitlines()[:5] == SENTENCES
