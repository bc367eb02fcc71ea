"""Reading the text of a document: .txt, .docx, .pdf, .html/.htm.

Everything unreadable raises :class:`ExtractionError` with a one-line message naming the file:
empty files, files over 20 MB, binary junk, a .docx that is not a Word document, a PDF without a text
layer, text in no known encoding (UTF-8, UTF-16 with BOM, then Windows-1258 are tried in turn).
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .model import ExtractionError

MAX_BYTES = 20 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")


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


def _fail(path: Path, message: str) -> ExtractionError:
    return ExtractionError(message, path.name)


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return True
    bad = len(_CONTROL.findall(text))
    return bad <= max(2, len(text) // 1000)


def decode_text(data: bytes, path: Path) -> str:
    """Bytes of a text file as str: UTF-8 (with or without BOM), UTF-16 with BOM, then Windows-1258."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(path, "binary data, not text")
    attempts: list[tuple[str, bytes]] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        attempts.append(("utf-16", data))
    attempts.append(("utf-8-sig", data))
    attempts.append(("cp1258", data))
    for encoding, raw in attempts:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1258":
            # Windows-1258 writes tone marks as combining characters; junk decodes too, so insist on
            # text that reads as Vietnamese or plain ASCII prose.
            text = unicodedata.normalize("NFC", text)
            sample = text[:20000]
            letters = sum(c.isalpha() for c in sample)
            if letters < len(sample.strip()) * 0.5 or (
                any(ord(c) > 127 for c in sample) and not _VIETNAMESE.search(sample)
            ):
                continue
        if _looks_like_text(text):
            return text
    raise _fail(path, "not text in a known encoding (tried UTF-8, UTF-16, Windows-1258)")


def _docx_text(data: bytes, path: Path) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise _fail(path, "not a Word document (.docx): the zip has no word/document.xml")
    except zipfile.BadZipFile:
        raise _fail(path, "not a Word document (.docx): not a zip file") from None
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except ExtractionError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on broken files
        raise _fail(path, f"unreadable Word document ({type(e).__name__})") from None
    out: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if not cells or cells[-1] != text:  # merged cells repeat
                        cells.append(text)
                out.append(" | ".join(cells))
    return "\n".join(out)


def _pdf_text(data: bytes, path: Path) -> str:
    try:
        from pypdf import PdfReader

        with _quiet("pypdf"):
            reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001
                raise _fail(path, "encrypted PDF") from None
        with _quiet("pypdf"):
            pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise _fail(path, f"unreadable PDF ({type(e).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise _fail(path, "no text layer (scanned PDF?)")
    return text


def _html_text(data: bytes, path: Path) -> str:
    import trafilatura

    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        html = decode_text(data, path)
    try:
        with _quiet("trafilatura", "htmldate", "courlan", "justext"):
            text = trafilatura.extract(
                html, include_comments=False, include_tables=True, favor_precision=True, with_metadata=False
            )
    except Exception as e:  # noqa: BLE001 - the HTML parser can fail on junk
        raise _fail(path, f"unreadable HTML ({type(e).__name__})") from None
    if not text or not text.strip():
        raise _fail(path, "no article text found in the HTML page")
    title = ""
    try:
        with _quiet("trafilatura", "htmldate", "courlan"):
            meta = trafilatura.extract_metadata(html)
        title = (meta.title or "") if meta else ""
    except Exception:  # noqa: BLE001
        title = ""
    if title and title.strip() and title.strip() not in text:
        text = title.strip() + "\n" + text
    return text


def read_document(path: str | Path) -> str:
    """The text of a .txt, .docx, .pdf or .html/.htm file (other extensions are read as text)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise _fail(p, "no such file") from None
    except OSError as e:
        raise _fail(p, f"cannot read ({e.strerror or type(e).__name__})") from None
    if p.is_dir():
        raise _fail(p, "is a directory")
    if size > MAX_BYTES:
        raise _fail(p, f"file too large ({size / 1024 / 1024:.1f} MB; the limit is 20 MB)")
    if size == 0:
        raise _fail(p, "empty file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise _fail(p, f"cannot read ({e.strerror or type(e).__name__})") from None
    suffix = p.suffix.lower()
    if suffix == ".docx":
        text = _docx_text(data, p)
    elif suffix == ".pdf":
        text = _pdf_text(data, p)
    elif suffix in (".html", ".htm", ".xhtml"):
        text = _html_text(data, p)
    else:
        if data.startswith((b"%PDF", b"PK\x03\x04")):
            raise _fail(p, "binary document; give it a .pdf or .docx extension")
        text = decode_text(data, p)
    if not text.strip():
        raise _fail(p, "no text in the document")
    return text
