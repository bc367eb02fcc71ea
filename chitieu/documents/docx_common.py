"""Shared python-docx machinery: named styles, page setup, the header blocks, title, signature, page numbers.

Everything visible is carried by named styles (so the document stays editable in Word): "Normal" is body
text, "Heading 1" / "Heading 2" are "I. ..." / "1. ...", and the ``Doc ...`` styles below carry the frame.
All sizes come from :class:`~chitieu.documents.layout.Layout`.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from chitieu.documents.context import DocumentMeta, Signature
from chitieu.documents.formats import (
    DRAFT_MARK,
    NATIONAL_TITLE,
    PARTY_ISSUER_MARK,
    PARTY_TITLE,
    RECIPIENTS_LABEL,
    STATE_MOTTO,
    date_line,
    number_line,
    recipient_lines,
)
from chitieu.documents.layout import Layout

__all__ = [
    "S",
    "add_closing_table",
    "add_header_table",
    "add_paragraph",
    "add_title_block",
    "install_styles",
    "set_table_borders",
    "setup_section",
]


class S:
    """Names of the styles the renderers use."""

    BODY = "Normal"
    H1 = "Heading 1"
    H2 = "Heading 2"
    HEADER = "Doc Header"
    HEADER_ISSUER = "Doc Header Issuer"
    HEADER_NUMBER = "Doc Header Number"
    NATIONAL_TITLE = "Doc National Title"
    MOTTO = "Doc Motto"
    DATE = "Doc Date"
    DRAFT = "Doc Draft Mark"
    RULE = "Doc Rule"
    TITLE = "Doc Title"
    SUBJECT = "Doc Subject"
    SIGNATURE = "Doc Signature"
    SIGNER = "Doc Signer Name"
    RECIPIENTS_LABEL = "Doc Recipients Label"
    RECIPIENTS = "Doc Recipients"
    PAGE_NUMBER = "Doc Page Number"
    APPENDIX_TITLE = "Doc Appendix Title"
    APPENDIX_REFERENCE = "Doc Appendix Reference"
    TABLE_HEADER = "Doc Table Header"
    TABLE_TEXT = "Doc Table Text"
    TABLE_NUMBER = "Doc Table Number"
    TABLE_GROUP = "Doc Table Group"
    CAUSE = "Doc Cause"  # character style


_CENTER = WD_ALIGN_PARAGRAPH.CENTER
_LEFT = WD_ALIGN_PARAGRAPH.LEFT


# -- styles -------------------------------------------------------------------------------------------


_P_PR_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_TBL_PR_AFTER_BORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)
_TBL_PR_AFTER_CELL_MAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _set_fonts(r_pr, font: str, lang: str) -> None:
    """rFonts on all four slots (no theme fonts) and the proofing language, in schema order."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0 if r_pr.find(qn("w:rStyle")) is None else 1, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    if lang:
        lang_el = r_pr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = OxmlElement("w:lang")
            r_pr.insert_element_before(lang_el, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        lang_el.set(qn("w:val"), lang)


def _paragraph_border(paragraph: Paragraph, edges: Iterable[str], size_eighths: int) -> None:
    """A single black border on ``edges`` of ``paragraph``, inserted where the schema wants it."""
    border = OxmlElement("w:pBdr")
    for edge in edges:
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size_eighths))
        el.set(qn("w:space"), "1")
        el.set(qn("w:color"), "000000")
        border.append(el)
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_P_PR_AFTER_BORDER)


def _style(
    doc: DocxDocument,
    name: str,
    layout: Layout,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = _CENTER,
    before: float = 0,
    after: float = 0,
    indent_mm: float = 0,
    line_spacing: float | None = 1.0,
    kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH,
    base: str | None = "Normal",
) -> BaseStyle:
    """Create (or reset) a named style with explicit font, size, emphasis and paragraph spacing."""
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, kind)
    element = style.element
    for old in element.findall(qn("w:rPr")):  # drop template formatting (theme fonts, colours)
        element.remove(old)
    if kind == WD_STYLE_TYPE.PARAGRAPH and base and name != "Normal":
        style.base_style = styles[base]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(element.get_or_add_rPr(), layout.font_name, layout.language)
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        fmt = style.paragraph_format
        if align is not None:
            fmt.alignment = align
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.first_line_indent = Mm(indent_mm)
        fmt.left_indent = Mm(0)
        fmt.right_indent = Mm(0)
        if line_spacing is not None:
            fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
            fmt.line_spacing = line_spacing
    style.hidden = False
    style.quick_style = True
    return style


def install_styles(doc: DocxDocument, layout: Layout) -> None:
    """Define every named style from ``layout`` (body, headings, frame, table)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if r_pr is not None:
            _set_fonts(r_pr, layout.font_name, layout.language)
    body = dict(
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        after=layout.paragraph_after_pt,
        indent_mm=layout.first_line_indent_mm,
        line_spacing=layout.line_spacing,
    )
    _style(doc, S.BODY, layout, size=layout.body_pt, **body)
    for name, size in ((S.H1, layout.heading1_pt), (S.H2, layout.heading2_pt)):
        style = _style(doc, name, layout, size=size, bold=True, before=layout.heading_before_pt, **body)
        style.paragraph_format.keep_with_next = True
    _style(doc, S.HEADER, layout, size=layout.header_superior_pt)
    _style(doc, S.HEADER_ISSUER, layout, size=layout.header_issuer_pt, bold=True)
    _style(doc, S.HEADER_NUMBER, layout, size=layout.header_number_pt, before=2)
    _style(doc, S.NATIONAL_TITLE, layout, size=layout.national_title_pt, bold=True)
    _style(doc, S.MOTTO, layout, size=layout.motto_pt, bold=True)
    _style(doc, S.DATE, layout, size=layout.date_pt, italic=True, before=6)
    _style(doc, S.DRAFT, layout, size=layout.draft_mark_pt, bold=True, before=6)
    _style(doc, S.RULE, layout, size=2, line_spacing=None, before=layout.rule_gap_pt)
    _style(doc, S.TITLE, layout, size=layout.title_pt, bold=True, before=layout.title_before_pt)
    _style(doc, S.SUBJECT, layout, size=layout.subject_pt, bold=True, after=layout.paragraph_after_pt)
    _style(doc, S.SIGNATURE, layout, size=layout.signature_pt, bold=True)
    _style(doc, S.SIGNER, layout, size=layout.signature_pt, bold=True, before=layout.signature_gap_pt)
    _style(
        doc, S.RECIPIENTS_LABEL, layout, size=layout.recipients_label_pt, bold=True, italic=True, align=_LEFT
    )
    _style(doc, S.RECIPIENTS, layout, size=layout.recipients_pt, align=_LEFT)
    _style(doc, S.PAGE_NUMBER, layout, size=layout.page_number_pt)
    _style(doc, S.APPENDIX_TITLE, layout, size=layout.appendix_title_pt, bold=True)
    _style(doc, S.APPENDIX_REFERENCE, layout, size=layout.appendix_title_pt, italic=True, after=6)
    _style(doc, S.TABLE_HEADER, layout, size=layout.table_header_pt, bold=True)
    _style(doc, S.TABLE_TEXT, layout, size=layout.table_pt, align=_LEFT)
    _style(doc, S.TABLE_NUMBER, layout, size=layout.table_pt, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _style(doc, S.TABLE_GROUP, layout, size=layout.table_pt, bold=True, align=_LEFT)
    _style(doc, S.CAUSE, layout, size=layout.body_pt, italic=True, kind=WD_STYLE_TYPE.CHARACTER)


# -- page setup ---------------------------------------------------------------------------------------


def setup_section(section: Section, layout: Layout, *, landscape: bool = False) -> None:
    """A4 (or A4 landscape), margins and header distance from ``layout``."""
    width, height = Mm(layout.page_width_mm), Mm(layout.page_height_mm)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    m = layout.margins
    section.top_margin, section.bottom_margin = Mm(m.top_mm), Mm(m.bottom_mm)
    section.left_margin, section.right_margin = Mm(m.left_mm), Mm(m.right_mm)
    section.header_distance = Mm(layout.header_distance_mm)
    section.footer_distance = Mm(layout.footer_distance_mm)


def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (``PAGE``) with a cached result."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", placeholder)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def add_page_numbers(section: Section) -> None:
    """A centred PAGE field in the header; an empty first-page header (no number on page 1)."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = S.PAGE_NUMBER
    _add_field(paragraph, "PAGE", "2")
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = S.PAGE_NUMBER


# -- tables -------------------------------------------------------------------------------------------


def set_table_borders(table: Table, val: str = "nil", size: int = 4) -> None:
    """Set all six table borders to ``val`` ("nil" = none, "single" = a thin line of ``size`` eighths pt)."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), val)
        if val != "nil":
            el.set(qn("w:sz"), str(size))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.insert_element_before(borders, *_TBL_PR_AFTER_BORDERS)


def _fixed_table(doc: DocxDocument, rows: int, widths_mm: Iterable[float], *, borderless: bool) -> Table:
    widths = list(widths_mm)
    table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout fixed
    if borderless:
        set_table_borders(table, "nil")
        margins = OxmlElement("w:tblCellMar")
        for edge in ("left", "right"):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:w"), "0")
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        table._tbl.tblPr.insert_element_before(margins, *_TBL_PR_AFTER_CELL_MAR)
    for col, width in zip(table.columns, widths, strict=True):
        col.width = Mm(width)
        for cell in col.cells:
            cell.width = Mm(width)
    return table


def borderless_table(doc: DocxDocument, rows: int, widths_mm: Iterable[float]) -> Table:
    return _fixed_table(doc, rows, widths_mm, borderless=True)


def bordered_table(doc: DocxDocument, rows: int, widths_mm: Iterable[float]) -> Table:
    table = _fixed_table(doc, rows, widths_mm, borderless=False)
    set_table_borders(table, "single", 4)
    return table


# -- paragraphs ---------------------------------------------------------------------------------------


def add_paragraph(container, text: str, style: str) -> Paragraph:
    """A paragraph in ``style``; "\\n" in ``text`` becomes a line break. The fresh empty paragraph a new
    table cell comes with is reused."""
    paragraphs = container.paragraphs if isinstance(container, _Cell) else []
    if len(paragraphs) == 1 and paragraphs[0]._p.pPr is None and not paragraphs[0].runs:
        paragraph = paragraphs[0]
        paragraph.style = style
    else:
        paragraph = container.add_paragraph(style=style)
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        if i:
            run._r.insert(0, OxmlElement("w:br"))
    return paragraph


def add_rule(container, length_mm: float, column_mm: float, layout: Layout) -> Paragraph:
    """A short centred horizontal rule (the bottom border of an empty paragraph indented on both sides)."""
    paragraph = add_paragraph(container, "", S.RULE)
    side = max(0.0, (column_mm - length_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    _paragraph_border(paragraph, ("bottom",), round(layout.rule_weight_pt * 8))
    return paragraph


def _box(paragraph: Paragraph, width_mm: float, column_mm: float) -> None:
    """Draw a box around a short centred paragraph (the "DỰ THẢO" mark)."""
    side = max(0.0, (column_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    _paragraph_border(paragraph, ("top", "left", "bottom", "right"), 6)


# -- document frame -----------------------------------------------------------------------------------


def add_header_table(doc: DocxDocument, meta: DocumentMeta, layout: Layout) -> Table:
    """The two header blocks side by side in a borderless table.

    Party: left superior / issuer (bold) / "*" / "Số 123-BC/TU"; right "ĐẢNG CỘNG SẢN VIỆT NAM" (bold) with a
    rule under it, then the italic date line. State: left superior / issuer (bold) / short rule / "Số:
    123/BC-UBND"; right national title, motto with a rule under it, date line. "DỰ THẢO" (boxed) under the
    date line of a draft.
    """
    widths = (layout.header_left_mm, layout.header_right_mm)
    table = borderless_table(doc, 1, widths)
    left, right = table.rows[0].cells
    issuer = meta.issuer
    add_paragraph(left, issuer.superior, S.HEADER)
    add_paragraph(left, issuer.name, S.HEADER_ISSUER)
    if meta.family == "party":
        add_paragraph(left, PARTY_ISSUER_MARK, S.HEADER)
    elif layout.issuer_rule_mm:
        add_rule(left, layout.issuer_rule_mm, widths[0], layout)
    add_paragraph(left, number_line(meta.family, meta.number, issuer.abbreviation), S.HEADER_NUMBER)

    if meta.family == "party":
        add_paragraph(right, PARTY_TITLE, S.NATIONAL_TITLE)
    else:
        add_paragraph(right, NATIONAL_TITLE, S.NATIONAL_TITLE)
        add_paragraph(right, STATE_MOTTO, S.MOTTO)
    add_rule(right, layout.national_rule_mm, widths[1], layout)
    add_paragraph(right, date_line(issuer.place, meta.date), S.DATE)
    if meta.draft:
        _box(add_paragraph(right, DRAFT_MARK, S.DRAFT), 32, widths[1])
    return table


def add_title_block(doc: DocxDocument, meta: DocumentMeta, layout: Layout) -> None:
    """Type name ("BÁO CÁO") and subject line, centred; a short rule under the subject when configured."""
    add_paragraph(doc, meta.type_name, S.TITLE)
    subject = add_paragraph(doc, meta.subject, S.SUBJECT)
    if layout.subject_rule_mm:
        subject.paragraph_format.space_after = Pt(0)
        rule = add_rule(doc, layout.subject_rule_mm, layout.text_width_mm, layout)
        rule.paragraph_format.space_after = Pt(layout.paragraph_after_pt * 2)


def add_closing_table(doc: DocxDocument, signature: Signature, recipients: tuple[str, ...], layout: Layout):
    """Recipients (left) and the signature block (right) in a borderless two-column table."""
    if doc.paragraphs:  # keep the last paragraph of the text with the signature
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    spacer = add_paragraph(doc, "", S.BODY)
    spacer.paragraph_format.space_after = Pt(0)
    spacer.paragraph_format.keep_with_next = True
    table = borderless_table(doc, 1, (layout.closing_left_mm, layout.closing_right_mm))
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = table.rows[0].cells
    add_paragraph(left, RECIPIENTS_LABEL, S.RECIPIENTS_LABEL)
    for line in recipient_lines(recipients):
        add_paragraph(left, line, S.RECIPIENTS)
    for line in signature.authority:
        add_paragraph(right, line, S.SIGNATURE)
    add_paragraph(right, signature.title, S.SIGNATURE)
    add_paragraph(right, signature.name, S.SIGNER)
    return table


def new_document(layout: Layout):
    """A python-docx Document with styles and the first section set up from ``layout``."""
    doc = Document()
    install_styles(doc, layout)
    section = doc.sections[0]
    setup_section(section, layout)
    add_page_numbers(section)
    # The template's first paragraph: remove it so the header table comes first.
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    return doc
