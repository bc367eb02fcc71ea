"""Reading a document: .txt, .docx, .doc, .pdf (text layer or scan), images, .html/.htm.

:func:`read` returns a :class:`Reading`: the text (normalised: every offset refers to it), how it
was read (``source``: text, html, docx, doc, pdf, scan, image), the encoding detected, the tables
laid out in the text, the OCR pages, and notes on parts not read.  :func:`read_document` is its text.

Everything unreadable raises :class:`ExtractionError` with a code (``refusals.py``) and a one-line
message naming the file: empty files, files over 20 MB, binary junk, damaged or password-protected
.docx and .pdf files, zip bombs, scans without text, text in no known encoding (UTF-8, UTF-16 with a
BOM, TCVN3, VNI and Windows-1258 are tried), and any reading that passes its time budget.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.lib.bounded import Deadline, LimitExceeded

from . import encodings
from .model import ExtractionError
from .normalise import normalise
from .ocr import OcrPage, ocr_image, ocr_pdf, single_image
from .refusals import Note, from_limit, refuse
from .tables import Layout
from .wordfile import Grid, doc_to_docx, read_docx

MAX_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 500
TIME_BUDGET = 180.0  # seconds for one document, OCR and conversion included
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp", ".gif")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\r"), None)


@dataclass
class Reading:
    name: str
    text: str
    source: str  # text, html, docx, doc, pdf, scan, image
    encoding: str | None = None  # see encodings.LABELS
    tables: list[tuple[Grid, Layout | None]] = field(default_factory=list)
    masked: list[tuple[int, int]] = field(default_factory=list)  # spans not read as prose
    pages: list[OcrPage] = field(default_factory=list)
    page_spans: list[tuple[int, int]] = field(default_factory=list)  # each OCR page's span in text
    notes: list[Note] = field(default_factory=list)

    @property
    def confidence(self) -> float | None:
        """Mean OCR word confidence (0-100) over the pages, weighted by text length."""
        scored = [(p.confidence, len(p.text)) for p in self.pages if p.confidence is not None]
        if not scored:
            return None
        return sum(c * n for c, n in scored) / max(sum(n for _c, n in scored), 1)

    def to_json(self) -> dict:
        return {
            "source": self.source,
            "encoding": self.encoding,
            "ocr_confidence": None if self.confidence is None else round(self.confidence, 1),
            "tables": [
                {"table": g.number, "rows": len(g.rows), "understood": layout is not None}
                for g, layout in self.tables
            ],
            "notes": [n.to_json() for n in self.notes],
        }


@contextlib.contextmanager
def _quiet(*loggers: str) -> Iterator[None]:
    """Silence library log chatter (``EOF marker not found``): problems are reported as errors."""
    saved = [(logging.getLogger(n), logging.getLogger(n).level) for n in loggers]
    for logger, _ in saved:
        logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)


def clean(text: str) -> str:
    """What normalise() does that changes lengths (NFC, zero-width characters, CR), done up front so
    that offsets computed on the result stay valid after normalise()."""
    return unicodedata.normalize("NFC", text.translate(_DROP))


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return True
    bad = len(_CONTROL.findall(text))
    return bad <= max(2, len(text) // 1000)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a text file: UTF-16 with a BOM, UTF-8 (legacy text stored in it
    included), then the best reading of Windows-1258, TCVN3 and VNI."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise refuse(name, "unknown_encoding") from None
        enc, text = encodings.detect_text(text)
        return text, "utf-16" if enc == "unicode" else enc
    if b"\x00" in data:
        raise refuse(name, "binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        enc, text = encodings.detect_text(text)
        return text, {"unicode": "utf-8", "unicode-nfd": "utf-8-nfd"}.get(enc, enc)
    legacy = encodings.decode_legacy_bytes(data)
    if legacy is not None and _looks_like_text(legacy[1]):
        return legacy[1], legacy[0]
    if text is None and not _looks_like_text(data.decode("latin-1")):
        raise refuse(name, "binary")
    raise refuse(name, "unknown_encoding")


def decode_text(data: bytes, path: Path) -> str:
    """Bytes of a text file as str (see :func:`decode_bytes`)."""
    return decode_bytes(data, path.name)[0]


def _pdf(data: bytes, name: str, deadline: Deadline) -> Reading:
    try:
        from pypdf import PdfReader

        with _quiet("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except Exception:  # noqa: BLE001
                    ok = 0
                if not ok:
                    raise refuse(name, "pdf_encrypted")
            count = len(reader.pages)
            if count > MAX_PDF_PAGES:
                raise refuse(name, "pdf_too_many_pages", count=count, limit=MAX_PDF_PAGES)
            pages: list[str] = []
            for i, page in enumerate(reader.pages, start=1):
                deadline.check(f"reading page {i}")
                pages.append(page.extract_text() or "")
            if not "".join(pages).strip():
                info = []
                for page in reader.pages:
                    box = page.mediabox
                    info.append((float(box.width), float(box.height), single_image(page)))
    except (ExtractionError, LimitExceeded) as e:
        if isinstance(e, LimitExceeded):
            raise from_limit(name, e) from None
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise refuse(name, "pdf_unreadable", error=type(e).__name__) from None
    text = clean("\n".join(pages))
    if text.strip():
        enc, text = encodings.detect_text(text)
        return Reading(name, text, "pdf", encoding=enc)
    return _from_pages(name, "scan", ocr_pdf(data, name, deadline, info))


def _from_pages(name: str, source: str, pages: list[OcrPage]) -> Reading:
    from .ocr import LOW_CONFIDENCE

    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    notes: list[Note] = []
    pos = 0
    for page in pages:
        if parts:
            parts.append("\n")
            pos += 1
        text = clean(page.text)
        spans.append((pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
        if not text.strip():
            notes.append(Note("ocr_page_empty", {"page": page.number}))
        elif page.confidence is not None and page.confidence < LOW_CONFIDENCE:
            notes.append(
                Note("ocr_low_confidence", {"page": page.number, "confidence": round(page.confidence)})
            )
    text = "".join(parts)
    if not text.strip():
        raise refuse(name, "ocr_no_text")
    return Reading(name, text, source, encoding=None, pages=pages, page_spans=spans, notes=notes)


def _html(data: bytes, name: str) -> Reading:
    import trafilatura

    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        html = decode_bytes(data, name)[0]
    try:
        with _quiet("trafilatura", "htmldate", "courlan", "justext"):
            text = trafilatura.extract(
                html, include_comments=False, include_tables=True, favor_precision=True, with_metadata=False
            )
    except Exception as e:  # noqa: BLE001 - the HTML parser can fail on junk
        raise refuse(name, "html_unreadable", error=type(e).__name__) from None
    if not text or not text.strip():
        raise refuse(name, "html_no_text")
    title = ""
    try:
        with _quiet("trafilatura", "htmldate", "courlan"):
            meta = trafilatura.extract_metadata(html)
        title = (meta.title or "") if meta else ""
    except Exception:  # noqa: BLE001
        title = ""
    if title and title.strip() and title.strip() not in text:
        text = title.strip() + "\n" + text
    enc, text = encodings.detect_text(clean(text))
    return Reading(name, text, "html", encoding=enc)


def _sniff(data: bytes) -> str | None:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")):
        return "image"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image"
    return None


def read_bytes(data: bytes, name: str, *, deadline: Deadline | None = None) -> Reading:
    """Read a document given as bytes; ``name`` (its file name) picks the reader."""
    from .document import lay_out_docx

    deadline = deadline or Deadline(TIME_BUDGET)
    if len(data) > MAX_BYTES:
        raise refuse(name, "too_large", size_mb=f"{len(data) / 1024 / 1024:.1f}", limit_mb=20)
    if not data:
        raise refuse(name, "empty_file")
    suffix = Path(name).suffix.lower()
    kind = _sniff(data)
    try:
        if suffix == ".docx" or (suffix == ".doc" and kind == "zip"):
            reading = lay_out_docx(name, read_docx(data, name, deadline), "docx")
        elif suffix == ".doc" or (
            suffix == ".docx" and kind == "ole" and b"E\x00n\x00c\x00r\x00y" not in data
        ):
            if kind != "ole":
                raise refuse(name, "doc_convert_failed")
            reading = lay_out_docx(name, read_docx(doc_to_docx(data, name, deadline), name, deadline), "doc")
        elif suffix == ".pdf":
            reading = _pdf(data, name, deadline)
        elif suffix in IMAGE_SUFFIXES:
            reading = _from_pages(name, "image", ocr_image(data, name, deadline))
        elif suffix in (".html", ".htm", ".xhtml"):
            reading = _html(data, name)
        elif kind == "pdf":
            raise refuse(name, "wrong_extension", kind="PDF", extension=".pdf")
        elif kind == "zip":
            raise refuse(name, "wrong_extension", kind="Word (.docx) or other zip", extension=".docx")
        elif kind == "ole":
            raise refuse(name, "wrong_extension", kind="Word 97-2003", extension=".doc")
        elif kind == "image":
            raise refuse(name, "wrong_extension", kind="image", extension=".jpg/.png")
        else:
            text, enc = decode_bytes(data, name)
            reading = Reading(name, clean(text), "text", encoding=enc)
    except LimitExceeded as e:
        raise from_limit(name, e) from None
    if not reading.text.strip():
        raise refuse(name, "no_text")
    normalised = normalise(reading.text)
    if len(normalised) == len(reading.text):
        reading.text = normalised
    return reading


def read(path: str | Path, *, deadline: Deadline | None = None) -> Reading:
    """Read the document at ``path`` (see the module doc)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise refuse(p.name, "no_such_file") from None
    except OSError as e:
        raise refuse(p.name, "cannot_read", error=e.strerror or type(e).__name__) from None
    if p.is_dir():
        raise refuse(p.name, "is_directory")
    if size > MAX_BYTES:
        raise refuse(p.name, "too_large", size_mb=f"{size / 1024 / 1024:.1f}", limit_mb=20)
    if size == 0:
        raise refuse(p.name, "empty_file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise refuse(p.name, "cannot_read", error=e.strerror or type(e).__name__) from None
    return read_bytes(data, p.name, deadline=deadline)


def read_document(path: str | Path) -> str:
    """The text of a .txt, .docx, .doc, .pdf, image or .html/.htm file (see :func:`read`)."""
    return read(path).text
