"""Shared helpers for the extraction tests: a figure summary and hand-built test documents."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from chitieu.extraction import Figure, extract


def summary(fig: Figure) -> tuple:
    """(value, unit, denominator, [(basis, kind, percent)]) with numbers as plain ints/floats."""

    def num(x: Decimal | None) -> int | float | None:
        if x is None:
            return None
        return int(x) if x == x.to_integral_value() else float(x)

    return (
        num(fig.value),
        fig.unit,
        num(fig.denominator),
        [(c.basis, c.kind, num(c.percent)) for c in fig.comparisons],
    )


def summaries(text: str) -> list[tuple]:
    return [summary(f) for f in extract(text)]


def only(text: str) -> Figure:
    figs = extract(text)
    assert len(figs) == 1, [summary(f) for f in figs]
    return figs[0]


def cp1258_bytes(text: str) -> bytes:
    """Text the way Vietnamese Windows writes it: base letters (with ă â ê ô ơ ư đ) plus combining tones."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = [c for c in parts if c in tones]
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(tone))
    return "".join(out).encode("cp1258")


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer.  Non-ASCII characters are given one-byte codes that a
    /ToUnicode CMap maps back to Unicode, which is how PDF writers make Vietnamese extractable."""
    codes: dict[str, int] = {}
    for ch in "".join(lines):
        if ord(ch) > 126 and ch not in codes:
            codes[ch] = 0x80 + len(codes)
    assert len(codes) < 128

    def encode(line: str) -> str:
        out = []
        for ch in line:
            b = codes.get(ch, ord(ch))
            out.append(f"\\{b:03o}" if b > 126 or ch in "()\\" else ch)
        return "".join(out)

    content = "BT /F1 11 Tf 50 780 Td 14 TL\n" + "".join(f"({encode(ln)}) '\n" for ln in lines) + "ET\n"
    bfchar = "".join(f"<{ord(c) if c not in codes else codes[c]:02X}> <{ord(c):04X}>\n" for c in codes)
    ascii_map = "".join(f"<{i:02X}> <{i:04X}>\n" for i in range(32, 127))
    entries = len(codes) + 95
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{entries} beginbfchar\n{ascii_map}{bfchar}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        f"<< /Length {len(cmap.encode('latin-1'))} >>\nstream\n{cmap}endstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode("latin-1")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode(
        "latin-1"
    )
    return bytes(out)


def make_scanned_pdf() -> bytes:
    """A PDF whose page has no text at all (what a scanner produces, minus the image)."""
    content = "q 0 0 1 rg 50 50 100 100 re f Q\n"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode("latin-1")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode(
        "latin-1"
    )
    return bytes(out)
