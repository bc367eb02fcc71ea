"""The extractor's refusals and reading notes in the user's language.

``chitieu.extraction.refusals`` gives each refusal a stable code and English text for the CLI; here
each code has a translatable message with the same parameters (a test checks that every code has
one), so the Vietnamese inbox never shows "binary data, not text".
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chitieu.extraction import ExtractionError


def _refusals() -> dict[str, str]:
    return {
        "no_such_file": _("the file is missing"),
        "cannot_read": _("the file cannot be read ({error})"),
        "is_directory": _("this is a folder, not a file"),
        "too_large": _("the file is too large ({size_mb} MB; the limit is {limit_mb} MB)"),
        "empty_file": _("the file is empty"),
        "binary": _("the file holds binary data, not text"),
        "unknown_encoding": _(
            "the text is in no known encoding (tried UTF-8, UTF-16, TCVN3, VNI and Windows-1258)"
        ),
        "no_text": _("the document holds no text"),
        "unsupported_type": _(
            "a {kind} file cannot be read; give a .txt, .docx, .doc, .pdf, .html or image file"
        ),
        "wrong_extension": _("the file is a {kind} document: give it the {extension} extension"),
        "internal_error": _("an internal error stopped the reading ({error})"),
        "time_limit": _("reading took longer than the limit of {limit} s ({stage})"),
        "not_docx": _("not a Word document (.docx): the zip has no word/document.xml"),
        "docx_not_zip": _("not a Word document (.docx): not a zip file"),
        "docx_encrypted": _(
            "the Word document is password-protected: remove the password and upload it again"
        ),
        "docx_unreadable": _("the Word document is damaged ({error})"),
        "table_too_large": _("table {table} has more than {limit} cells"),
        "doc_converter_missing": _(
            "an old Word file (.doc) needs LibreOffice to be read: install the Debian package {packages}, "
            "or save the file as .docx"
        ),
        "doc_convert_failed": _(
            "LibreOffice could not convert the old Word file (is it damaged or password-protected?)"
        ),
        "zip_not_zip": _("not a zip file"),
        "zip_corrupt": _("the archive is damaged ({error})"),
        "zip_entries": _("the archive has {count} entries; the limit is {limit}"),
        "zip_member_too_large": _("{member} unpacks to more than the limit of {limit_mb} MB"),
        "zip_too_large": _("the archive unpacks to more than the limit of {limit_mb} MB"),
        "zip_ratio": _("{member} is compressed {ratio}:1, past the limit of {limit}:1 (a zip bomb?)"),
        "zip_size_mismatch": _(
            "{member} does not match its declared size or checksum (a damaged or forged archive)"
        ),
        "zip_unsupported": _("{member} uses a compression method that cannot be read (method {method})"),
        "zip_encrypted": _("{member} is encrypted"),
        "xml_too_many_tags": _("{member} holds more than the limit of {limit} XML tags"),
        "xml_dtd": _("{member} declares a DTD or entities, which Office files never do"),
        "xml_too_deep": _("{member} nests XML elements deeper than the limit of {limit} levels"),
        "xml_malformed": _("{member} is not well-formed XML"),
        "pdf_encrypted": _("the PDF is password-protected"),
        "pdf_unreadable": _("the PDF is damaged ({error})"),
        "pdf_too_many_pages": _("the PDF has {count} pages; the limit is {limit}"),
        "pdf_page_too_large": _("page {page} is too large to render ({width} × {height} cm)"),
        "pdf_render_failed": _("page {page} of the PDF could not be rendered for OCR"),
        "ocr_missing": _(
            "the document is a scan and OCR is not installed on the server: install the Debian packages "
            "{packages}"
        ),
        "ocr_no_text": _("OCR found no text in the scan"),
        "ocr_failed": _("OCR failed ({error})"),
        "image_too_large": _("the image has {pixels} megapixels; the limit is {limit}"),
        "image_unreadable": _("not an image that can be read ({error})"),
        "html_unreadable": _("the HTML page cannot be read ({error})"),
        "html_no_text": _("no article text found in the HTML page"),
    }


def _notes() -> dict[str, str]:
    return {
        "table_header": _(
            "Table {table}: its header was not understood ({header}); its figures were not read."
        ),
        "table_no_figures": _("Table {table}: no figures found in its rows."),
        "ocr_low_confidence": _(
            "Page {page}: OCR confidence is low ({confidence}%); check the recognised text against the scan."
        ),
        "ocr_page_empty": _("Page {page}: OCR found no text."),
    }


SOURCES = {
    "text": gettext_lazy("text file"),
    "paste": gettext_lazy("pasted text"),
    "html": gettext_lazy("web page"),
    "docx": gettext_lazy("Word document"),
    "doc": gettext_lazy("old Word document (.doc), converted by LibreOffice"),
    "pdf": gettext_lazy("PDF with a text layer"),
    "scan": gettext_lazy("scanned PDF, read by OCR"),
    "image": gettext_lazy("image, read by OCR"),
}

ENCODINGS = {
    "utf-8": gettext_lazy("UTF-8"),
    "utf-8-nfd": gettext_lazy("UTF-8, decomposed (composed on reading)"),
    "utf-16": gettext_lazy("UTF-16"),
    "unicode": gettext_lazy("Unicode"),
    "unicode-nfd": gettext_lazy("Unicode, decomposed (composed on reading)"),
    "tcvn3": gettext_lazy("TCVN3 (ABC), converted to Unicode"),
    "vni": gettext_lazy("VNI Windows, converted to Unicode"),
    "cp1258": gettext_lazy("Windows-1258, converted to Unicode"),
    "mixed": gettext_lazy("Unicode with parts in TCVN3/VNI fonts, converted"),
}


def refusal_codes() -> set[str]:
    return set(_refusals())


def note_codes() -> set[str]:
    return set(_notes())


def _format(template: str, params: dict) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def refusal(exc: ExtractionError, name: str) -> str:
    """“{name}: reason” in the current language."""
    template = _refusals().get(exc.code)
    reason = _format(template, exc.params) if template else exc.reason
    return _("{name}: {reason}").format(name=name, reason=reason)


def note(code: str, params: dict, fallback: str = "") -> str:
    template = _notes().get(code)
    return _format(template, params) if template else fallback


def encoding_label(code: str) -> str:
    return str(ENCODINGS.get(code, code))


def source_label(code: str) -> str:
    return str(SOURCES.get(code, code))
