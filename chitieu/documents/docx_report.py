"""The report (báo cáo) as an editable .docx, Party (36-HD/VPTW) or State (NĐ 30/2020) family.

Order: header blocks, title block, intro, "I. <results>" with "1. <field>" and one sentence per figure,
"II. <previous conference's tasks>" (only when there are some), "<limitations>", "<tasks>", closing
paragraphs, recipients + signature, then the appendix table in its own section ("PHỤ LỤC"). Roman numerals
follow the parts actually present.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from chitieu.documents.context import Appendix, AppendixRow, ReportContext
from chitieu.documents.docx_common import (
    S,
    add_closing_table,
    add_header_table,
    add_paragraph,
    add_title_block,
    bordered_table,
    new_document,
    setup_section,
)
from chitieu.documents.formats import NO_DATA, plain_number, reference_line
from chitieu.documents.layout import Layout
from chitieu.documents.sentences import (
    QUALIFIER_WORDS,
    figure_sentence,
    limitation_parts,
    previous_task_sentence,
    task_sentence,
)
from chitieu.lib.vnnum import format_number, format_signed_percent

__all__ = ["appendix_cells", "appendix_header", "render_report_docx", "roman"]

_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Roman numeral for the part number (1 -> "I")."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _figure_paragraph(doc: DocxDocument, sentence: str) -> None:
    add_paragraph(doc, f"- {sentence}", S.BODY)


def _limitations(doc: DocxDocument, ctx: ReportContext) -> None:
    for lim in ctx.limitations:
        text, causes = limitation_parts(lim)
        paragraph = add_paragraph(doc, f"- {text}", S.BODY)
        if causes:
            paragraph.add_run(f" {causes}").style = S.CAUSE


def _body(doc: DocxDocument, ctx: ReportContext) -> None:
    for text in ctx.intro:
        add_paragraph(doc, text, S.BODY)
    part = 0

    def heading(title: str) -> None:
        nonlocal part
        part += 1
        add_paragraph(doc, f"{roman(part)}. {title}", S.H1)

    heading(ctx.headings.results)
    for i, section in enumerate(ctx.fields, start=1):
        add_paragraph(doc, f"{i}. {section.heading}", S.H2)
        for text in section.paragraphs:
            add_paragraph(doc, text, S.BODY)
        for fig in section.figures:
            _figure_paragraph(doc, figure_sentence(fig))
    if ctx.previous_tasks:
        heading(ctx.headings.previous_tasks)
        for task in ctx.previous_tasks:
            add_paragraph(doc, f"- {previous_task_sentence(task)}", S.BODY)
    if ctx.decisions:
        heading(ctx.headings.decisions)
        for text in ctx.decisions:
            add_paragraph(doc, f"- {text}", S.BODY)
    if ctx.limitations:
        heading(ctx.headings.limitations)
        _limitations(doc, ctx)
    if ctx.tasks:
        heading(ctx.headings.tasks)
        for i, task in enumerate(ctx.tasks, start=1):
            add_paragraph(doc, f"{i}. {task_sentence(task)}", S.BODY)
    for text in ctx.closing:
        add_paragraph(doc, text, S.BODY)


# -- appendix -----------------------------------------------------------------------------------------


def appendix_header(appendix: Appendix) -> tuple[list[str], list[str]]:
    """The two header rows of the appendix table (a basis label spans its two sub-columns)."""
    top = ["TT", "Chỉ tiêu", "Đơn vị tính", appendix.value_label]
    sub = ["", "", "", ""]
    for basis in appendix.bases:
        top += [basis, basis]
        sub += ["Chỉ tiêu", "% thực hiện"]
    top += [appendix.change_label, appendix.status_label]
    sub += ["", ""]
    return top, sub


def _change_text(row: AppendixRow, decimals: int) -> str:
    if row.change is None:
        return ""
    if row.change_kind == "points":
        text = format_signed_percent(row.change, decimals).removesuffix("%")
        return f"{text} điểm %"
    return format_signed_percent(row.change, decimals)


def appendix_cells(appendix: Appendix, row: AppendixRow) -> list[str]:
    """The printed texts of one row after the TT column: indicator, unit, value, (target, %) per basis,
    change, status. A missing value prints "chưa có số liệu"."""
    pd = appendix.percent_decimals if row.percent_decimals is None else row.percent_decimals
    indicator = f"- {row.indicator}" if row.level else row.indicator
    value = NO_DATA if row.value is None else plain_number(row.value, row.decimals)
    if row.value is not None and row.denominator is not None:
        value = f"{value}/{plain_number(row.denominator, row.decimals)}"
    if row.value is not None and row.qualifier:
        value = f"{QUALIFIER_WORDS[row.qualifier]} {value}"
    if row.value is not None and row.value_status == "estimate":
        value = f"{value} (ước)"
    cells = [indicator, row.unit, value]
    targets = list(row.targets) + [None] * (len(appendix.bases) - len(row.targets))
    for target in targets[: len(appendix.bases)]:
        if target is None:
            cells += ["", ""]
        else:
            places = pd if target.decimals is None else target.decimals
            percent = "" if target.percent is None else f"{format_number(target.percent, places)}%"
            if percent and target.qualifier:
                percent = f"{QUALIFIER_WORDS[target.qualifier]} {percent}"
            if percent and target.stated:
                percent += "†"
            shown = plain_number(target.target) if target.target is not None else ""  # its own decimals
            if shown and target.derived:
                shown += "*"
            if shown and target.illustrative:
                shown += "‡"
            cells += [shown, percent]
    cells += [_change_text(row, pd), row.status]
    return cells


def _repeat_header(table: Table, rows: int) -> None:
    for row in table.rows[:rows]:
        tr_pr = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
        cant_split = OxmlElement("w:cantSplit")
        tr_pr.append(cant_split)


def _column_widths(appendix: Appendix, layout: Layout, width_mm: float) -> list[float]:
    """TT and indicator columns from the layout; the others share the rest by their layout weights."""
    weights = (
        [layout.table_unit_weight, layout.table_value_weight]
        + [layout.table_basis_weight] * (2 * len(appendix.bases))
        + [layout.table_change_weight, layout.table_status_weight]
    )
    rest = max(width_mm - layout.table_number_mm - layout.table_indicator_mm, 12 * len(weights))
    unit = rest / sum(weights)
    return [layout.table_number_mm, layout.table_indicator_mm] + [w * unit for w in weights]


def _appendix(doc: DocxDocument, ctx: ReportContext, layout: Layout) -> None:
    appendix = ctx.appendix
    assert appendix is not None
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    setup_section(section, layout, landscape=layout.appendix_landscape)
    section.different_first_page_header_footer = False  # numbered from its first page
    add_paragraph(doc, appendix.title, S.APPENDIX_TITLE)
    add_paragraph(doc, f"{appendix.subtitle} {appendix.period_label.upper()}".strip(), S.APPENDIX_TITLE)
    add_paragraph(doc, reference_line(ctx.meta), S.APPENDIX_REFERENCE)

    page_width = layout.page_height_mm if layout.appendix_landscape else layout.page_width_mm
    width = page_width - layout.margins.left_mm - layout.margins.right_mm
    widths = _column_widths(appendix, layout, width)
    top, sub = appendix_header(appendix)
    table = bordered_table(doc, 2, widths)
    for r, labels in enumerate((top, sub)):
        for cell, label in zip(table.rows[r].cells, labels, strict=True):
            add_paragraph(cell, label, S.TABLE_HEADER)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    # Merge: single-level columns vertically, each basis label horizontally.
    n = len(widths)
    for c in [0, 1, 2, 3, n - 2, n - 1]:
        _merge_keep_first(table.cell(0, c), table.cell(1, c))
    for b in range(len(appendix.bases)):
        _merge_keep_first(table.cell(0, 4 + 2 * b), table.cell(0, 5 + 2 * b))
    _repeat_header(table, 2)

    number = 0
    for g, group in enumerate(appendix.groups, start=1):
        cells = table.add_row().cells
        add_paragraph(cells[0], roman(g), S.TABLE_HEADER)
        merged = cells[1].merge(cells[n - 1])
        add_paragraph(merged, group.heading, S.TABLE_GROUP)
        for row in group.rows:
            cells = table.add_row().cells
            if not row.level:
                number += 1
            add_paragraph(cells[0], str(number) if not row.level else "", S.TABLE_HEADER)
            for c, text in enumerate(appendix_cells(appendix, row), start=1):
                numeric = c >= 3 and c < n - 1 and text != NO_DATA
                add_paragraph(cells[c], text, S.TABLE_NUMBER if numeric else S.TABLE_TEXT)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Mm(width)
    if appendix.note:
        add_paragraph(doc, appendix.note, S.TABLE_TEXT).paragraph_format.space_before = Pt(6)


def _merge_keep_first(a, b) -> None:
    """Merge two header cells, keeping only the first cell's paragraph."""
    merged = a.merge(b)
    for paragraph in merged.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)


def render_report_docx(ctx: ReportContext, path: str | Path) -> Path:
    """Write the report to ``path`` (.docx) and return the path."""
    layout = ctx.effective_layout
    doc = new_document(layout)
    add_header_table(doc, ctx.meta, layout)
    add_title_block(doc, ctx.meta, layout)
    _body(doc, ctx)
    add_closing_table(doc, ctx.signature, ctx.recipients, layout)
    if ctx.appendix is not None and ctx.appendix.groups:
        _appendix(doc, ctx, layout)
    path = Path(path)
    doc.save(str(path))
    return path
