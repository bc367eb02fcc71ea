"""Hostile zip files (issue 11): each is built here and must be refused with a clear reason, within a
memory and time bound, by chitieu.lib.safezip and by the reader that uses it."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from chitieu.extraction import ExtractionError, read_document
from chitieu.lib.bounded import Deadline, LimitExceeded
from chitieu.lib.safezip import ZipLimits, open_zip

ROOT = Path(__file__).resolve().parents[3]
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
W_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
)
W_CLOSE = "</w:t></w:r></w:p></w:body></w:document>"


def docx_with_document(path: Path, xml_parts, method=zipfile.ZIP_DEFLATED) -> Path:
    """A .docx whose word/document.xml is written by streaming ``xml_parts`` (bytes chunks)."""
    with zipfile.ZipFile(path, "w", method) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            for part in xml_parts:
                f.write(part)
    return path


def text_bomb(megabytes: int):
    yield W_OPEN.encode()
    chunk = b"A" * (1 << 20)
    for _ in range(megabytes):
        yield chunk
    yield W_CLOSE.encode()


def forge_sizes(path: Path, member: str, declared: int) -> None:
    """Rewrite the uncompressed size of ``member`` in its local header and central directory entry
    (in the zip64 extra field, where the streamed entry keeps it)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    # (signature, offset of the 32-bit size, of the name length, of the extra length, header length)
    for sig, size_at, name_len_at, _extra_len_at, header_len in (
        (b"PK\x03\x04", 22, 26, 28, 30),
        (b"PK\x01\x02", 24, 28, 30, 46),
    ):
        pos = data.find(sig)
        while pos != -1:
            n, extra_len = struct.unpack_from("<HH", data, pos + name_len_at)
            if data[pos + header_len : pos + header_len + n] == name:
                break
            pos = data.find(sig, pos + 4)
        assert pos != -1, f"no {sig!r} header for {member}"
        struct.pack_into("<I", data, pos + size_at, declared)
        extra = pos + header_len + n
        end = extra + extra_len
        while extra + 4 <= end:
            tag, size = struct.unpack_from("<HH", data, extra)
            if tag == 1:  # zip64: the uncompressed size comes first
                struct.pack_into("<I", data, pos + size_at, 0xFFFFFFFF)
                struct.pack_into("<Q", data, extra + 4, declared)
            extra += 4 + size
    path.write_bytes(bytes(data))


def patch_header_field(path: Path, offset_lfh: int, offset_cd: int, value: int) -> None:
    data = bytearray(path.read_bytes())
    for sig, off in ((b"PK\x03\x04", offset_lfh), (b"PK\x01\x02", offset_cd)):
        pos = data.index(sig)
        while pos != -1:
            old = struct.unpack_from("<H", data, pos + off)[0]
            struct.pack_into("<H", data, pos + off, value(old) if callable(value) else value)
            pos = data.find(sig, pos + 4)
    path.write_bytes(bytes(data))


def run_isolated(path: Path) -> dict:
    """Read ``path`` in a fresh interpreter; its peak memory, time and the refusal it printed."""
    code = f"""
import json, sys, time
sys.path.insert(0, {str(ROOT)!r})
from chitieu.extraction import ExtractionError, read_document
t = time.monotonic()
try:
    read_document({str(path)!r}); out = {{"error": None}}
except ExtractionError as e:
    out = {{"error": str(e), "code": e.code}}
out["seconds"] = time.monotonic() - t
# VmHWM, not ru_maxrss: the latter keeps the forking parent's peak across exec
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
out["peak_mb"] = int(hwm.split()[1]) / 1024
print(json.dumps(out))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def baseline_mb(tmp_path_factory):
    """Peak memory of reading a small, sound .docx in a fresh interpreter (the imports' share)."""
    import docx

    p = tmp_path_factory.mktemp("ok") / "ok.docx"
    d = docx.Document()
    d.add_paragraph("Thu ngân sách đạt 40,7 tỷ đồng. " * 2000)
    d.save(p)
    got = run_isolated(p)
    assert got["error"] is None, got
    return got["peak_mb"]


def test_a_small_docx_that_unpacks_to_600_mb_is_refused_from_its_header_in_little_memory(
    tmp_path, baseline_mb
):
    p = docx_with_document(tmp_path / "bomb.docx", text_bomb(600))
    assert p.stat().st_size < 2 * 1024 * 1024  # the case: a 1.6 MB file
    got = run_isolated(p)
    assert got["code"] == "zip_member_too_large", got
    assert got["error"] == "bomb.docx: word/document.xml unpacks to more than the limit of 48 MB"
    assert got["peak_mb"] < baseline_mb + 50 and got["seconds"] < 5, (got, baseline_mb)


def test_millions_of_tiny_elements_within_the_size_caps_are_refused_before_parsing(tmp_path, baseline_mb):
    import random

    rng = random.Random(5)

    def paragraphs():
        yield W_OPEN.replace("<w:p><w:r><w:t>", "").encode()
        for _ in range(50):
            yield "".join(
                f"<w:p><w:r><w:t>{rng.randrange(10**6)}</w:t></w:r></w:p>" for _ in range(10_000)
            ).encode()
        yield b"</w:body></w:document>"

    p = docx_with_document(tmp_path / "tiny.docx", paragraphs())
    with zipfile.ZipFile(p) as z:
        info = z.getinfo("word/document.xml")
        assert info.file_size < 48 << 20 and info.file_size < 250 * info.compress_size  # within the caps
    got = run_isolated(p)
    assert got["error"] == "tiny.docx: word/document.xml holds more than the limit of 2000000 XML tags", got
    assert got["peak_mb"] < baseline_mb + 50 and got["seconds"] < 10, (got, baseline_mb)


def test_a_forged_size_header_does_not_make_the_reader_inflate_the_real_size(tmp_path, baseline_mb):
    p = docx_with_document(tmp_path / "forged.docx", text_bomb(600))
    forge_sizes(p, "word/document.xml", 4096)
    with zipfile.ZipFile(p) as z:
        assert z.getinfo("word/document.xml").file_size == 4096
    got = run_isolated(p)
    assert got["code"] == "zip_size_mismatch", got
    assert "forged.docx: word/document.xml does not match its declared size" in got["error"]
    assert got["peak_mb"] < baseline_mb + 50 and got["seconds"] < 5, (got, baseline_mb)


def test_the_total_of_many_entries_is_capped_too(tmp_path):
    p = tmp_path / "many.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(5):
            z.writestr(f"part{i}.bin", b"\0" * (3 << 20))
    with pytest.raises(LimitExceeded) as e:
        open_zip(p.read_bytes(), ZipLimits(max_total_bytes=10 << 20, max_ratio=10**6))
    assert (
        e.value.code == "zip_too_large"
        and str(e.value) == "the archive unpacks to more than the limit of 10 MB"
    )


def test_an_archive_of_too_many_entries_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i in range(60):
            z.writestr(f"e{i}", b"x")
    with pytest.raises(LimitExceeded, match="the archive has 60 entries; the limit is 50") as e:
        open_zip(buf.getvalue(), ZipLimits(max_entries=50))
    assert e.value.code == "zip_entries"


def test_an_entry_compressed_a_thousand_to_one_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/zeros.bin", b"\0" * (20 << 20))
    with pytest.raises(
        LimitExceeded, match=r"word/media/zeros\.bin is compressed \d+:1, past the limit of 250:1"
    ):
        open_zip(buf.getvalue())


def test_an_unsupported_compression_method_is_a_refusal_not_a_crash(tmp_path):
    p = docx_with_document(
        tmp_path / "deflate64.docx", [W_OPEN.encode(), b"Thu ng\xc3\xa2n s\xc3\xa1ch", W_CLOSE.encode()]
    )
    patch_header_field(p, 8, 10, 9)  # method 9: Deflate64, which zipfile cannot read
    with zipfile.ZipFile(p) as z, pytest.raises(NotImplementedError):
        z.read("word/document.xml")  # what escaped before
    with pytest.raises(ExtractionError) as e:
        read_document(p)
    assert e.value.code == "zip_unsupported"
    assert str(e.value).startswith(
        "deflate64.docx: [Content_Types].xml uses a compression method that cannot be read"
    )


def test_an_encrypted_entry_is_refused(tmp_path):
    p = docx_with_document(
        tmp_path / "enc.docx", [W_OPEN.encode(), b"abc", W_CLOSE.encode()], zipfile.ZIP_STORED
    )
    patch_header_field(p, 6, 8, lambda flags: flags | 1)
    with pytest.raises(ExtractionError, match=r"enc\.docx: \[Content_Types\]\.xml is encrypted") as e:
        read_document(p)
    assert e.value.code == "zip_encrypted"


def test_an_entity_expansion_bomb_is_refused_before_any_parser_sees_it(tmp_path):
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
            for i in range(1, 10)
        )
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
        "<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    p = docx_with_document(tmp_path / "laughs.docx", [laughs.encode()])
    t = time.monotonic()
    with pytest.raises(ExtractionError, match=r"laughs\.docx: word/document\.xml declares a DTD or entities"):
        read_document(p)
    assert time.monotonic() - t < 2


def test_xml_nested_past_the_limit_is_refused(tmp_path):
    deep = "<a>" * 300 + "</a>" * 300
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("x.xml", deep)
    with pytest.raises(LimitExceeded, match=r"x\.xml nests XML elements deeper than the limit of 200 levels"):
        open_zip(buf.getvalue())
    import docx

    real = tmp_path / "real.docx"
    docx.Document().save(real)  # a sound package whose document.xml is then made 300 levels deep
    deep = W_OPEN.replace("<w:t>", "") + "<w:x>" * 300 + "</w:x>" * 300 + "</w:r></w:p></w:body></w:document>"
    p = tmp_path / "deep.docx"
    with zipfile.ZipFile(real) as src, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            body = deep.encode() if item.filename == "word/document.xml" else src.read(item)
            out.writestr(item.filename, body)
    with pytest.raises(  # the Word reader leaves the depth to libxml2's own limit
        ExtractionError,
        match=r"deep\.docx: word/document\.xml nests XML elements deeper than the limit of 256 levels",
    ):
        read_document(p)


def test_a_truncated_docx_is_damaged_not_a_traceback(tmp_path):
    p = docx_with_document(tmp_path / "cut.docx", [W_OPEN.encode(), b"x" * 5000, W_CLOSE.encode()])
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(ExtractionError, match=r"^cut\.docx: not a Word document \(\.docx\): not a zip file$"):
        read_document(p)


def test_the_time_budget_covers_the_unpacking(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.xml", "<a>" + "b" * (1 << 20) + "</a>")
    with pytest.raises(LimitExceeded, match=r"reading took longer than the limit of 0 s \(checking a\.xml\)"):
        open_zip(buf.getvalue(), deadline=Deadline(0.0))


def test_the_cli_reports_a_hostile_file_in_one_line_and_reads_the_others(tmp_path, capsys):
    from chitieu.extraction.cli import main

    bad = docx_with_document(tmp_path / "nen.docx", [W_OPEN.encode(), b"abc", W_CLOSE.encode()])
    patch_header_field(bad, 8, 10, 9)
    good = tmp_path / "ok.txt"
    good.write_text("Thu ngân sách đạt 40,7 tỷ đồng.", encoding="utf-8")
    assert main([str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"chitieu extract: {bad}: [Content_Types].xml uses a compression method that cannot be read (method 9)"
    ]
    assert "Traceback" not in captured.err and '"ok.txt"' in captured.out
