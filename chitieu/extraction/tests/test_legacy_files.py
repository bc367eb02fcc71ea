"""Old Word files through real LibreOffice, and password-protected or oversized .docx/.pdf files."""

from __future__ import annotations

import io
import os
import subprocess
import time

import docx
import pytest

from chitieu.extraction import ExtractionError
from chitieu.extraction.document import document_figures
from chitieu.extraction.encodings import encode_tcvn3
from chitieu.extraction.reader import read, read_bytes
from chitieu.extraction.wordfile import soffice
from chitieu.lib.bounded import Deadline

from . import docx_tables


@pytest.fixture
def libreoffice():
    exe = soffice()
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is required under CI: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice not installed: apt-get install libreoffice-writer-nogui")
    return exe


def to_doc(exe: str, src, tmp_path):
    """Save a .docx as Word 97-2003 with LibreOffice (how an old .doc is made here)."""
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    out = tmp_path / (src.stem + ".doc")
    assert out.is_file()
    return out


def test_an_old_word_file_is_converted_and_its_table_and_vntime_text_read(libreoffice, tmp_path):
    src = docx_tables.appendix(tmp_path / "bieu.docx")
    d = docx.Document(src)
    d.add_paragraph().add_run(
        encode_tcvn3("Sản lượng lúa đạt 101.761 tấn.").decode("cp1252")
    ).font.name = ".VnTime"
    d.save(src)
    want, _w = document_figures(read(src))
    doc = to_doc(libreoffice, src, tmp_path / "old")
    started = time.monotonic()
    reading = read(doc)
    seconds = time.monotonic() - started
    assert reading.source == "doc" and reading.encoding == "tcvn3"
    got, _w = document_figures(reading)
    summary = [(f.figure.indicator, f.figure.value, f.figure.unit, f.cell and f.cell.to_json()) for f in got]
    assert summary == [
        (f.figure.indicator, f.figure.value, f.figure.unit, f.cell and f.cell.to_json()) for f in want
    ]
    assert "Sản lượng lúa đạt 101.761 tấn." in reading.text
    assert seconds < 60


def test_a_damaged_old_word_file_is_refused_by_name(libreoffice, tmp_path):
    p = tmp_path / "hong.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000))
    with pytest.raises(ExtractionError, match=r"^hong\.doc: LibreOffice could not convert the old Word file"):
        read(p)
    q = tmp_path / "chu.doc"
    q.write_text("không phải tệp Word", encoding="utf-8")
    with pytest.raises(ExtractionError) as e:
        read(q)
    assert e.value.code == "doc_convert_failed"


def test_the_conversion_has_a_time_limit(libreoffice, tmp_path):
    src = docx_tables.letterhead(tmp_path / "a.docx")
    doc = to_doc(libreoffice, src, tmp_path / "old")
    started = time.monotonic()
    with pytest.raises(
        ExtractionError,
        match=r"a\.doc: reading took longer than the limit of 0\.3 s \(LibreOffice conversion\)",
    ):
        read_bytes(doc.read_bytes(), "a.doc", deadline=Deadline(0.3))
    assert time.monotonic() - started < 8


def test_without_libreoffice_the_refusal_says_what_to_install(tmp_path, monkeypatch):
    p = tmp_path / "cu.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExtractionError) as e:
        read(p)
    assert e.value.code == "doc_converter_missing"
    assert "install the Debian package libreoffice-writer-nogui" in str(e.value)


def test_a_password_protected_docx_is_refused_as_such(tmp_path):
    import msoffcrypto

    plain = docx_tables.letterhead(tmp_path / "mo.docx")
    locked = io.BytesIO()
    with plain.open("rb") as fh:
        office = msoffcrypto.OfficeFile(fh)
        office.encrypt("mat-khau", locked)
    p = tmp_path / "khoa.docx"
    p.write_bytes(locked.getvalue())
    with pytest.raises(ExtractionError, match=r"^khoa\.docx: password-protected Word document") as e:
        read(p)
    assert e.value.code == "docx_encrypted"


def _pdf(pages=1, width=595, height=842, password=None) -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(width=width, height=height)
    if password:
        w.encrypt(password)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def test_a_password_protected_pdf_is_refused_as_such():
    with pytest.raises(ExtractionError, match=r"^khoa\.pdf: password-protected PDF$"):
        read_bytes(_pdf(password="mat-khau"), "khoa.pdf")


def test_a_pdf_of_too_many_pages_or_a_giant_page_is_refused():
    with pytest.raises(ExtractionError, match=r"^dai\.pdf: the PDF has 501 pages; the limit is 500$"):
        read_bytes(_pdf(pages=501), "dai.pdf")
    started = time.monotonic()
    with pytest.raises(ExtractionError, match=r"^to\.pdf: page 1 is too large to render \(508 × 508 cm\)$"):
        read_bytes(_pdf(width=14400, height=14400), "to.pdf")
    assert time.monotonic() - started < 3
