""".docx (and .doc through LibreOffice) as blocks: paragraphs and tables laid out on their grid.

The zip is checked by :func:`chitieu.lib.safezip.open_zip` before python-docx parses it.  Tables keep
their merged cells (``w:gridSpan`` across, ``w:vMerge`` down) as one :class:`Cell` covering several
grid positions, so a header merged over two or three rows reads as one cell above its sub-headers.
Runs in legacy-encoded fonts (``.VnTime``: TCVN3, ``VNI-Times``: VNI) are converted to Unicode run
by run; :attr:`WordDocument.encodings` counts the runs converted.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.lib.bounded import Deadline, LimitExceeded, run_bounded
from chitieu.lib.safezip import ZipLimits, open_zip

from .encodings import convert_run, font_encoding
from .refusals import from_limit, refuse

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# python-docx parses with libxml2's default depth limit (256 levels): no second parse for it here
DOCX_LIMITS = ZipLimits(
    max_member_bytes=48 << 20, max_total_bytes=96 << 20, max_xml_depth=None, max_xml_tags=2_000_000
)
XML_DEPTH_LIMIT = 256
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(eq=False)
class Cell:
    text: str
    row: int  # grid position of the top-left corner, 0-based
    col: int
    rowspan: int = 1
    colspan: int = 1
    start: int = -1  # offsets of the text in the document text, once laid out
    end: int = -1


@dataclass(eq=False)
class Grid:
    """A table: ``rows[r][c]`` is the Cell covering grid position (r, c), or None for a hole."""

    number: int  # 1-based, in document order
    rows: list[list[Cell | None]]
    caption: str = ""  # the paragraphs just before the table (its title, "Đơn vị tính: ...")

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cells(self) -> list[Cell]:
        seen: dict[int, Cell] = {}
        for row in self.rows:
            for cell in row:
                if cell is not None and id(cell) not in seen:
                    seen[id(cell)] = cell
        return list(seen.values())


@dataclass
class WordDocument:
    blocks: list[str | Grid] = field(default_factory=list)
    encodings: Counter = field(default_factory=Counter)  # legacy runs converted, by encoding


# ---------------------------------------------------------------------------------------------
# Runs and fonts
class _Fonts:
    """Resolves the font of a run: its own rFonts, its character style, its paragraph style (and
    the styles those are based on), then the document defaults."""

    def __init__(self, styles_element) -> None:
        self.styles: dict[str, tuple[str | None, str | None]] = {}
        self.default: str | None = None
        if styles_element is None:
            return
        for st in styles_element.iter(W + "style"):
            sid = st.get(W + "styleId")
            based = st.find(W + "basedOn")
            self.styles[sid] = (
                _rfont(st.find(W + "rPr")),
                based.get(W + "val") if based is not None else None,
            )
            if st.get(W + "default") == "1" and st.get(W + "type") == "paragraph":
                self.default_style = sid
        defaults = styles_element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default = _rfont(defaults)
        if getattr(self, "default_style", None):
            self.default = self.style_font(self.default_style) or self.default

    def style_font(self, sid: str | None) -> str | None:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            font, based = self.styles.get(sid, (None, None))
            if font:
                return font
            sid = based
        return None


def _rfont(rpr) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(W + "rFonts")
    if fonts is None:
        return None
    return fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "cs")


def _run_font(run, para_font: str | None, fonts: _Fonts) -> str | None:
    rpr = run.find(W + "rPr")
    own = _rfont(rpr)
    if own:
        return own
    if rpr is not None:
        rstyle = rpr.find(W + "rStyle")
        if rstyle is not None:
            styled = fonts.style_font(rstyle.get(W + "val"))
            if styled:
                return styled
    return para_font


def _paragraph_text(p, fonts: _Fonts, encodings: Counter) -> str:
    ppr = p.find(W + "pPr")
    pstyle = ppr.find(W + "pStyle") if ppr is not None else None
    para_font = fonts.style_font(pstyle.get(W + "val")) if pstyle is not None else None
    para_font = para_font or fonts.default
    if ppr is not None and _rfont(ppr.find(W + "rPr")) and not para_font:
        para_font = None
    out: list[str] = []
    for run in _runs(p):
        pieces = []
        for child in run:
            tag = child.tag
            if tag == W + "t":
                pieces.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                pieces.append(" ")
            elif tag in (W + "br", W + "cr"):
                pieces.append("\n")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "softHyphen":
                pieces.append("\u00ad")  # TCVN3's ư; clean() drops it from Unicode text
        text = "".join(pieces)
        if not text:
            continue
        legacy = font_encoding(_run_font(run, para_font, fonts))
        if legacy is not None and any(ord(c) > 127 for c in text):
            text = convert_run(text, *legacy)
            encodings[legacy[0]] += 1
        elif legacy is not None and legacy[1]:
            text = text.upper()
        out.append(text)
    return "".join(out)


def _runs(p):
    """The runs of a paragraph in reading order, skipping deleted text and the fallback copy of
    alternate content (which repeats the choice)."""
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == W + "r":
            yield el
        elif tag in (W + "del", W + "moveFrom", MC + "Fallback", W + "pPr", W + "rPr"):
            continue
        elif isinstance(tag, str):
            stack.extend(reversed(list(el)))


# ---------------------------------------------------------------------------------------------
# Tables
def _int_attr(el, name: str, default: int) -> int:
    if el is None:
        return default
    try:
        return max(int(el.get(W + name, default)), 0)
    except (TypeError, ValueError):
        return default


def _cell_text(tc, fonts: _Fonts, encodings: Counter) -> str:
    parts = []
    for el in tc.iter(W + "p"):
        t = " ".join(_paragraph_text(el, fonts, encodings).split())
        if t:
            parts.append(t)
    return " ".join(parts)


def _grid(tbl, number: int, fonts: _Fonts, encodings: Counter, max_cells: int) -> Grid:
    rows: list[list[Cell | None]] = []
    count = 0
    for r, tr in enumerate(tbl.findall(W + "tr")):
        prev = rows[-1] if rows else []
        trpr = tr.find(W + "trPr")
        col = _int_attr(trpr.find(W + "gridBefore") if trpr is not None else None, "val", 0)
        row: list[Cell | None] = [None] * col
        for tc in tr.findall(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = max(_int_attr(tcpr.find(W + "gridSpan") if tcpr is not None else None, "val", 1), 1)
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            cont = vmerge is not None and vmerge.get(W + "val", "continue") == "continue"
            cell = prev[col] if cont and col < len(prev) else None
            if cell is not None and cell.col == col and cell.colspan == span:
                cell.rowspan = r - cell.row + 1
            else:
                cell = Cell(_cell_text(tc, fonts, encodings), r, col, 1, span)
                count += 1
                if count > max_cells:
                    raise LimitExceeded(
                        "table_too_large",
                        "table {table} has more than {limit} cells",
                        table=number,
                        limit=max_cells,
                    )
            row.extend([cell] * span)
            col += span
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend([None] * (width - len(row)))
    return Grid(number, rows)


# ---------------------------------------------------------------------------------------------
def read_docx(data: bytes, name: str, deadline: Deadline) -> WordDocument:
    """Paragraphs and tables of a .docx, in order; ExtractionError for anything unreadable."""
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise refuse(name, "docx_encrypted")
        raise refuse(name, "docx_not_zip")
    try:
        z = open_zip(data, DOCX_LIMITS, deadline=deadline)
    except LimitExceeded as e:
        if e.code == "zip_not_zip":
            raise refuse(name, "docx_not_zip") from None
        raise from_limit(name, e) from None
    with z:
        if "word/document.xml" not in z.namelist():
            raise refuse(name, "not_docx")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        styles = document.styles.element
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on broken files
        if "Excessive depth" in str(e):
            raise refuse(name, "xml_too_deep", member="word/document.xml", limit=XML_DEPTH_LIMIT) from None
        raise refuse(name, "docx_unreadable", error=type(e).__name__) from None
    deadline.check("reading the Word document")
    fonts = _Fonts(styles)
    out = WordDocument()
    tables = 0
    stack = list(reversed(list(document.element.body)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == W + "p":
            out.blocks.append(unicodedata.normalize("NFC", _paragraph_text(el, fonts, out.encodings)))
        elif tag == W + "tbl":
            tables += 1
            deadline.check(f"reading table {tables}")
            try:
                out.blocks.append(_grid(el, tables, fonts, out.encodings, max_cells=200_000))
            except LimitExceeded as e:
                raise from_limit(name, e) from None
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml") or tag == W + "ins":
            stack.extend(reversed([c for c in el if c.tag != W + "sdtPr"]))
    return out


# ---------------------------------------------------------------------------------------------
# .doc (Word 97-2003) through LibreOffice
SOFFICE_PACKAGE = "libreoffice-writer-nogui"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_to_docx(data: bytes, name: str, deadline: Deadline, *, timeout: float = 90) -> bytes:
    """The .docx LibreOffice makes of an old Word file, converted in a private profile directory
    with a timeout and a memory cap; ExtractionError when LibreOffice is missing or fails."""
    exe = soffice()
    if exe is None:
        raise refuse(name, "doc_converter_missing", packages=SOFFICE_PACKAGE)
    with tempfile.TemporaryDirectory(prefix="chitieu-doc-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        try:
            done = run_bounded(
                [
                    exe,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--nolockcheck",
                    "--infilter=MS Word 97",  # not the text filter, which would "convert" any junk
                    "--convert-to",
                    "docx:MS Word 2007 XML",
                    "--outdir",
                    str(outdir),
                    str(src),
                ],
                deadline=deadline,
                timeout=timeout,
                memory_mb=4096,
                stage="LibreOffice conversion",
                env={"HOME": tmp, "SAL_USE_VCLPLUGIN": "svp"},
            )
        except LimitExceeded as e:
            raise from_limit(name, e) from None
        result = outdir / "in.docx"
        if done.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise refuse(name, "doc_convert_failed")
        return result.read_bytes()
