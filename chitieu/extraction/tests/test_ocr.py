"""Scanned PDFs and photos read by real Tesseract: the figures of a scan match those of its text."""

from __future__ import annotations

import importlib.util
import json
import os
import struct
import time
import zlib
from pathlib import Path

import pytest

from chitieu.extraction import ExtractionError, extract
from chitieu.extraction.document import document_figures
from chitieu.extraction.ocr import missing_packages
from chitieu.extraction.reader import read_bytes
from chitieu.lib.bounded import Deadline

from .scans import font_path, photo, scanned_pdf

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "extraction"
SENTENCE = "Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao; sản lượng lúa đạt 101.761 tấn."


@pytest.fixture(autouse=True)
def tesseract():
    missing = missing_packages()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"OCR is required under CI: install the Debian packages {missing}")
        pytest.skip(f"OCR not installed: apt-get install {missing}")
    if font_path() is None:
        pytest.fail("fonts-liberation2 (or fonts-dejavu-core) is needed to draw the test scans")


def _score():
    path = SHARED / "score.py"
    if not path.is_file():
        pytest.skip(f"the scorer is not here: {path}")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _f1(counts):
    tp, n_gold, n_pred = counts
    return 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 1.0


def test_numbers_f1_on_scans_of_the_dev_documents_is_within_003_of_the_text():
    score = _score()
    totals = {"text": [0, 0, 0], "scan": [0, 0, 0]}
    pages = seconds = 0.0
    for stem in ("001_65f0ce935d2ca2c3", "004_49ac751fb926b147"):
        text = (SHARED / "dev" / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads((SHARED / "dev" / "gold" / f"{stem}.json").read_text(encoding="utf-8"))["figures"]
        pdf = scanned_pdf(text, angle=1.3, noise=0.02, seed=7)
        started = time.monotonic()
        reading = read_bytes(pdf, f"{stem}.pdf")
        seconds += time.monotonic() - started
        pages += len(reading.pages)
        assert reading.source == "scan" and reading.confidence > 85
        found, _w = document_figures(reading)
        for key, figs in (
            ("text", [f.to_json() for f in extract(text)]),
            ("scan", [f.to_json() for f in found]),
        ):
            got = score.score_doc(gold, figs)["numbers"]
            totals[key] = [a + b for a, b in zip(totals[key], got, strict=True)]
    text_f1, scan_f1 = _f1(totals["text"]), _f1(totals["scan"])
    assert scan_f1 >= text_f1 - 0.03, (text_f1, scan_f1, totals)
    assert seconds / pages < 8, f"{seconds / pages:.1f} s per page"


def test_a_photo_of_a_page_is_read_like_its_text_with_a_confidence_per_figure():
    for fmt, name in (("JPEG", "anh.jpg"), ("PNG", "anh.png")):
        reading = read_bytes(photo(SENTENCE, fmt=fmt, angle=-0.8, dpi=200), name)
        found, _w = document_figures(reading)
        assert reading.source == "image" and len(reading.pages) == 1
        assert [(f.figure.value, f.figure.unit) for f in found] == [
            (f.value, f.unit) for f in extract(SENTENCE)
        ], reading.text
        assert all(f.confidence is not None and 50 < f.confidence <= 100 for f in found)
        assert reading.pages[0].preview[:3] == b"\xff\xd8\xff"  # the JPEG shown beside the text


def test_a_signed_and_stamped_scan_is_read_through_its_seal_and_signature():
    text = (
        "Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao.\n"
        "Sản lượng lúa đạt 101.761 tấn, tăng 2,5% so với cùng kỳ.\n"
        "Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch."
    )

    def numbers(figures):
        return sorted(
            [f.value for f in figures if f.value is not None]
            + [c.percent for f in figures for c in f.comparisons]
        )

    for seed, angle in ((4, 0.9), (1, -1.5)):
        reading = read_bytes(scanned_pdf(text, stamp=True, angle=angle, seed=seed), "dong-dau.pdf")
        found, _w = document_figures(reading)
        assert numbers([f.figure for f in found]) == numbers(extract(text)), reading.text
        assert "ỦY BAN" not in reading.text  # the seal's words are not read as text


def test_an_image_without_text_is_refused_by_name():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (1200, 1600), 255).save(out, "PNG")
    with pytest.raises(ExtractionError, match=r"^trang\.png: OCR found no text in the scan$") as e:
        read_bytes(out.getvalue(), "trang.png")
    assert e.value.code == "ocr_no_text"


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_an_image_bomb_is_refused_from_its_header():
    started = time.monotonic()
    with pytest.raises(ExtractionError, match=r"^bom\.png: the image has 81 megapixels; the limit is 60$"):
        read_bytes(_png_header(9000, 9000), "bom.png")
    with pytest.raises(
        ExtractionError, match=r"^bom2\.png: the image has > 178 megapixels; the limit is 60$"
    ):
        read_bytes(_png_header(40000, 40000), "bom2.png")
    assert time.monotonic() - started < 2


def test_ocr_stops_at_the_time_budget_and_names_it():
    pdf = scanned_pdf(SENTENCE * 30, seed=2)
    started = time.monotonic()
    with pytest.raises(ExtractionError) as e:
        read_bytes(pdf, "dai.pdf", deadline=Deadline(0.5))
    assert e.value.code == "time_limit"
    assert str(e.value).startswith("dai.pdf: reading took longer than the limit of 0.5 s (")
    assert time.monotonic() - started < 4


def test_without_tesseract_the_refusal_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExtractionError) as e:
        read_bytes(photo(SENTENCE), "anh.jpg")
    assert e.value.code == "ocr_missing"
    assert str(e.value) == (
        "anh.jpg: the document is a scan and OCR is not installed here: install the Debian packages "
        "tesseract-ocr tesseract-ocr-vie"
    )
