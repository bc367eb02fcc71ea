"""Why a document, or a part of it, could not be read: stable codes with English messages.

:class:`~chitieu.extraction.model.ExtractionError` carries ``code`` and ``params``; the CLI prints
the English message naming the file, the inbox looks the code up in its translated catalogue
(``chitieu/inbox/messages.py``, which must cover every code here; a test checks it).

:class:`Note` is the same for a problem that leaves the rest of the document readable: a table whose
header is not understood, a page read by OCR with low confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chitieu.lib.bounded import LimitExceeded

from .model import ExtractionError

REFUSALS: dict[str, str] = {
    # the file itself
    "no_such_file": "no such file",
    "cannot_read": "cannot read ({error})",
    "is_directory": "is a directory",
    "too_large": "file too large ({size_mb} MB; the limit is {limit_mb} MB)",
    "empty_file": "empty file",
    "binary": "binary data, not text",
    "unknown_encoding": "not text in a known encoding (tried UTF-8, UTF-16, TCVN3, VNI, Windows-1258)",
    "no_text": "no text in the document",
    "unsupported_type": "a {kind} file cannot be read; give a .txt, .docx, .doc, .pdf, .html or image file",
    "wrong_extension": "the file is a {kind} document; give it the {extension} extension",
    "internal_error": "internal error ({error})",
    "time_limit": "reading took longer than the limit of {limit} s ({stage})",
    # Word
    "not_docx": "not a Word document (.docx): the zip has no word/document.xml",
    "docx_not_zip": "not a Word document (.docx): not a zip file",
    "docx_encrypted": "password-protected Word document: remove the password and upload it again",
    "docx_unreadable": "unreadable Word document ({error})",
    "table_too_large": "table {table} has more than {limit} cells",
    "doc_converter_missing": "an old Word file (.doc) needs LibreOffice to be read: install the Debian "
    "package {packages}, or save it as .docx",
    "doc_convert_failed": "LibreOffice could not convert the old Word file (damaged or password-protected?)",
    # zip checks (chitieu.lib.safezip)
    "zip_not_zip": "not a zip file",
    "zip_corrupt": "damaged archive ({error})",
    "zip_entries": "the archive has {count} entries; the limit is {limit}",
    "zip_member_too_large": "{member} unpacks to more than the limit of {limit_mb} MB",
    "zip_too_large": "the archive unpacks to more than the limit of {limit_mb} MB",
    "zip_ratio": "{member} is compressed {ratio}:1, past the limit of {limit}:1 (a zip bomb?)",
    "zip_size_mismatch": "{member} does not match its declared size or checksum (a damaged or forged archive)",
    "zip_unsupported": "{member} uses a compression method that cannot be read (method {method})",
    "zip_encrypted": "{member} is encrypted",
    "xml_too_many_tags": "{member} holds more than the limit of {limit} XML tags",
    "xml_dtd": "{member} declares a DTD or entities, which Office files never do",
    "xml_too_deep": "{member} nests XML elements deeper than the limit of {limit} levels",
    "xml_malformed": "{member} is not well-formed XML",
    # PDF
    "pdf_encrypted": "password-protected PDF",
    "pdf_unreadable": "unreadable PDF ({error})",
    "pdf_too_many_pages": "the PDF has {count} pages; the limit is {limit}",
    "pdf_page_too_large": "page {page} is too large to render ({width} × {height} cm)",
    "pdf_render_failed": "page {page} of the PDF could not be rendered for OCR",
    # OCR and images
    "ocr_missing": "the document is a scan and OCR is not installed here: install the Debian packages "
    "{packages}",
    "ocr_no_text": "OCR found no text in the scan",
    "ocr_failed": "OCR failed ({error})",
    "image_too_large": "the image has {pixels} megapixels; the limit is {limit}",
    "image_unreadable": "not an image that can be read ({error})",
    # HTML
    "html_unreadable": "unreadable HTML ({error})",
    "html_no_text": "no article text found in the HTML page",
}

NOTES: dict[str, str] = {
    "table_header": "table {table}: header not understood ({header}); its figures were not read",
    "table_no_figures": "table {table}: no figures found in its rows",
    "ocr_low_confidence": "page {page}: OCR confidence {confidence}% is low; check the recognised text",
    "ocr_page_empty": "page {page}: OCR found no text",
}


def refuse(name: str | None, code: str, **params: Any) -> ExtractionError:
    """The ExtractionError for ``code`` (a key of REFUSALS) about the file called ``name``."""
    return ExtractionError(REFUSALS[code].format(**params), name, code=code, params=params)


def from_limit(name: str | None, exc: LimitExceeded) -> ExtractionError:
    if exc.code in REFUSALS:
        return refuse(name, exc.code, **exc.params)
    return ExtractionError(exc.message, name, code="internal_error", params={"error": exc.message})


@dataclass(slots=True)
class Note:
    """A part of a document that was not read, or read with doubts."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return NOTES[self.code].format(**self.params)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params), "message": self.message}
