"""The report .docx read back with python-docx: header blocks, frame, styles, margins, sentences, appendix."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from chitieu.documents import render_report_docx, samples
from chitieu.documents.context import Figure
from chitieu.documents.docx_common import S
from chitieu.documents.formats import BLANK_SEQUENCE
from chitieu.documents.layout import Margins, layout_for
from chitieu.documents.sentences import figure_sentence
from chitieu.documents.tests.conftest import vn_numbers
from chitieu.lib.vnnum import parse_number

FRAME_STYLES = {getattr(S, name) for name in dir(S) if name.isupper()}


def texts(cell) -> list[str]:
    """Paragraph texts of a cell, rules left out."""
    return [p.text for p in cell.paragraphs if p.style.name != S.RULE]


def rules(cell) -> list:
    return [p for p in cell.paragraphs if p.style.name == S.RULE]


def has_bottom_border(paragraph) -> bool:
    return paragraph._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None


def assert_borderless(table) -> None:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    edges = {el.tag.split("}")[1]: el.get(qn("w:val")) for el in borders}
    assert edges == dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "nil")
    assert table._tbl.find(f".//{qn('w:tcBorders')}") is None
    assert table._tbl.tblPr.find(qn("w:tblStyle")) is None


def body_texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_the_party_header_is_a_borderless_table_with_both_blocks(party_doc):
    header = party_doc.tables[0]
    assert_borderless(header)
    left, right = header.rows[0].cells
    assert texts(left) == ["ĐẢNG BỘ TỈNH HẢI DƯƠNG", "THỊ ỦY KINH MÔN", "*", "Số 123-BC/TU"]
    assert [p.style.name for p in left.paragraphs][:2] == [S.HEADER, S.HEADER_ISSUER]
    assert texts(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Kinh Môn, ngày 05 tháng 7 năm 2022"]
    assert right.paragraphs[0].style.name == S.NATIONAL_TITLE and right.paragraphs[0].style.font.bold
    (rule,) = rules(right)
    assert has_bottom_border(rule)
    date = right.paragraphs[-1]
    assert date.style.name == S.DATE and date.style.font.italic
    assert not rules(left)  # a Party issuer takes "*" instead of a rule


def test_the_state_header_has_national_title_motto_rules_and_a_colon_number(state_doc):
    header = state_doc.tables[0]
    assert_borderless(header)
    left, right = header.rows[0].cells
    assert texts(left) == ["UBND TỈNH HẢI DƯƠNG", "ỦY BAN NHÂN DÂN\nTHỊ XÃ KINH MÔN", "Số: 123/BC-UBND"]
    assert len(rules(left)) == 1 and has_bottom_border(rules(left)[0])
    assert texts(right) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kinh Môn, ngày 05 tháng 7 năm 2022",
    ]
    assert right.paragraphs[1].style.name == S.MOTTO and has_bottom_border(right.paragraphs[2])


def test_a_draft_prints_du_thao_and_a_blank_number(rendered):
    state = docx.Document(str(rendered["state-draft"]))
    left, right = state.tables[0].rows[0].cells
    assert texts(left)[-1] == f"Số: {BLANK_SEQUENCE}/BC-UBND"
    assert "DỰ THẢO" in texts(right)
    party = docx.Document(str(rendered["party-draft"]))
    left, right = party.tables[0].rows[0].cells
    assert texts(left)[-1] == f"Số {BLANK_SEQUENCE}-BC/TU"
    assert "DỰ THẢO" in texts(right)


def test_the_title_block_follows_the_header_centred_in_title_styles(party_doc):
    title, subject = party_doc.paragraphs[0], party_doc.paragraphs[1]
    assert (title.text, title.style.name) == ("BÁO CÁO", S.TITLE)
    assert subject.style.name == S.SUBJECT
    assert subject.text.startswith("kết quả thực hiện Nghị quyết 6 tháng đầu năm 2022")
    for p in (title, subject):
        assert p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER and p.style.font.bold
    assert title.style.font.size.pt == layout_for("party").title_pt


def test_every_paragraph_uses_a_named_style_and_runs_carry_no_direct_formatting(party_doc):
    paragraphs = list(party_doc.paragraphs)
    for table in party_doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    assert {p.style.name for p in paragraphs} <= FRAME_STYLES
    for p in paragraphs:
        for run in p.runs:
            assert run.font.bold is None and run.font.italic is None
            assert run.font.size is None and run.font.name is None
    assert {S.BODY, S.H1, S.H2} <= {p.style.name for p in paragraphs}


def test_body_and_headings_are_times_new_roman_without_theme_fonts(party_doc):
    layout = layout_for("party")
    for name in (S.BODY, S.H1, S.H2):
        style = party_doc.styles[name]
        fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == layout.font_name
        assert fonts.get(qn("w:asciiTheme")) is None
        assert style.font.size.pt == layout.body_pt
    assert party_doc.styles[S.H1].font.bold and party_doc.styles[S.H2].font.bold
    assert party_doc.styles[S.BODY].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_parts_are_headings_with_roman_numerals_and_fields_with_arabic(party_doc):
    h1 = [p.text for p in party_doc.paragraphs if p.style.name == S.H1]
    h2 = [p.text for p in party_doc.paragraphs if p.style.name == S.H2]
    assert h1 == [
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO KẾT LUẬN HỘI NGHỊ KỲ TRƯỚC",
        "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022",
    ]
    assert h2 == [
        "1. Kinh tế",
        "2. Văn hóa - xã hội",
        "3. Quốc phòng - an ninh",
        "4. Xây dựng Đảng và hệ thống chính trị",
    ]


def test_without_previous_tasks_the_parts_are_renumbered(state_doc):
    h1 = [p.text for p in state_doc.paragraphs if p.style.name == S.H1]
    assert [h.split(".")[0] for h in h1] == ["I", "II", "III"]


def test_margins_page_size_and_header_distance_match_the_layout(party_doc):
    layout = layout_for("party")
    section = party_doc.sections[0]
    close = lambda length, mm: abs(length - Mm(mm)) < Mm(0.1)  # noqa: E731
    assert close(section.page_width, 210) and close(section.page_height, 297)
    assert close(section.top_margin, layout.margins.top_mm)
    assert close(section.bottom_margin, layout.margins.bottom_mm)
    assert close(section.left_margin, layout.margins.left_mm)
    assert close(section.right_margin, layout.margins.right_mm)
    assert close(section.header_distance, layout.header_distance_mm)


def test_overridden_margins_are_used(tmp_path):
    layout = layout_for("party", margins=Margins(25, 25, 35, 15))
    path = render_report_docx(replace(samples.party_report(), layout=layout), tmp_path / "m.docx")
    section = docx.Document(str(path)).sections[0]
    assert abs(section.left_margin - Mm(35)) < Mm(0.1) and abs(section.top_margin - Mm(25)) < Mm(0.1)


def test_page_numbers_are_a_page_field_in_the_header_and_absent_from_page_one(party_doc):
    section = party_doc.sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element
    instructions = [el.text.strip() for el in header.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    assert section.header.paragraphs[0].style.name == S.PAGE_NUMBER
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def expected_numbers(fig: Figure) -> list[Decimal]:
    """The numbers a figure's sentence must write, computed from the data alone."""

    def shown(value: Decimal, decimals: int | None) -> Decimal:
        return value if decimals is None else value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)

    out = []
    if fig.value is not None:
        out.append(shown(fig.value, fig.decimals))
        if fig.denominator is not None:
            out.append(shown(fig.denominator, fig.decimals))
    for c in fig.comparisons:
        percent = shown(c.percent, c.decimals)
        if c.kind == "of" or percent:
            out.append(abs(percent))
    for comp in fig.components:
        out += expected_numbers(comp)
    return out


def labels(fig: Figure) -> list[str]:
    """Texts of a figure that are not data (names and basis labels may contain digits)."""
    out = [fig.indicator, fig.indicator[:1].upper() + fig.indicator[1:], *(c.basis for c in fig.comparisons)]
    for comp in fig.components:
        out += labels(comp)
    return sorted(out, key=len, reverse=True)


def test_every_figure_sentence_is_in_the_report_with_numbers_matching_the_data(party_doc, party_ctx):
    paragraphs = body_texts(party_doc)
    assert party_ctx.figures
    for fig in party_ctx.figures:
        sentence = figure_sentence(fig)
        (paragraph,) = [p for p in paragraphs if p == f"- {sentence}"]
        text = paragraph
        for label in labels(fig):
            text = text.replace(label, " ")
        written = vn_numbers(text)
        assert [n.normalize() for n in written] == [n.normalize() for n in expected_numbers(fig)], paragraph


def test_the_seed_production_sentence_reads_as_in_the_article(party_doc):
    assert (
        "- Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ. Trong đó: "
        "nông - lâm - thuỷ sản 1.712 tỷ đồng, đạt 70,5% kế hoạch, tăng 0,3%;"
    ) in "\n".join(body_texts(party_doc))


def test_a_missing_figure_reads_chua_co_so_lieu(party_doc):
    assert "- Tổng vốn đầu tư phát triển trên địa bàn: chưa có số liệu." in body_texts(party_doc)


def test_limitations_carry_their_causes_in_the_cause_style(party_doc):
    (paragraph,) = [p for p in party_doc.paragraphs if p.text.startswith("- Sản xuất, kinh doanh")]
    assert paragraph.runs[-1].text.startswith(" Nguyên nhân: ảnh hưởng của dịch bệnh Covid-19")
    assert paragraph.runs[-1].style.name == S.CAUSE


def test_tasks_are_numbered_with_owner_and_deadline(party_doc):
    tasks = [
        p.text for p in party_doc.paragraphs if p.text[:2] in ("1.", "2.", "3.") and p.style.name == S.BODY
    ]
    assert tasks[1].endswith(
        "Giao Ủy ban Kiểm tra Thị ủy chủ trì thực hiện, hoàn thành trước ngày 30/9/2022."
    )


def test_signature_and_recipients_close_the_report_in_a_borderless_table(party_doc):
    closing = party_doc.tables[1]
    assert_borderless(closing)
    left, right = closing.rows[0].cells
    assert texts(right) == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Sái Thị Yến"]
    assert right.paragraphs[-1].style.name == S.SIGNER
    assert texts(left)[0] == "Nơi nhận:" and texts(left)[-1] == "- Lưu Văn phòng Thị ủy."
    assert all(line.endswith(",") for line in texts(left)[1:-1])


def test_the_state_signature_uses_dotted_prefixes(state_doc):
    right = state_doc.tables[1].rows[0].cells[1]
    assert texts(right) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trương Đức San"]
    assert texts(state_doc.tables[1].rows[0].cells[0])[-1] == "- Lưu: VT, VP."


# -- appendix -----------------------------------------------------------------------------------------


def unique_cells(row) -> list:
    out = []
    for cell in row.cells:
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def test_the_appendix_is_a_landscape_section_titled_phu_luc(party_doc):
    assert len(party_doc.sections) == 2
    section = party_doc.sections[1]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    titles = [p.text for p in party_doc.paragraphs if p.style.name == S.APPENDIX_TITLE]
    assert titles[0] == "PHỤ LỤC" and titles[1].endswith("6 THÁNG ĐẦU NĂM 2022")
    refs = [p.text for p in party_doc.paragraphs if p.style.name == S.APPENDIX_REFERENCE]
    assert refs == ["(Kèm theo Báo cáo số 123-BC/TU ngày 05/7/2022 của Thị ủy Kinh Môn)"]


def test_the_appendix_table_is_bordered_and_repeats_its_two_header_rows(party_doc):
    table = party_doc.tables[2]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"single"}
    flags = [row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for row in table.rows]
    assert flags[:2] == [True, True] and not any(flags[2:])
    top = [c.text for c in unique_cells(table.rows[0])]
    assert top[:4] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện"]
    assert top[4:6] == ["Kế hoạch năm 2022", "Dự toán năm 2022"]


def test_the_appendix_rows_match_the_data(party_doc, party_ctx):
    table = party_doc.tables[2]
    data_rows = [r for r in table.rows[2:] if len(unique_cells(r)) > 2]
    rows = party_ctx.appendix.rows
    assert len(data_rows) == len(rows)
    for row, data in zip(data_rows, rows, strict=True):
        cells = row.cells
        assert cells[1].text.removeprefix("- ") == data.indicator
        assert cells[2].text == data.unit
        value = cells[3].text.removesuffix(" (ước)")
        if data.value is None:
            assert value == "chưa có số liệu"
        else:
            written, _, denominator = value.partition("/")
            assert parse_number(written) == data.value
            if data.denominator is not None:
                assert parse_number(denominator) == data.denominator
            assert cells[3].paragraphs[0].style.name == S.TABLE_NUMBER
            assert party_doc.styles[S.TABLE_NUMBER].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        for b, target in enumerate(data.targets):
            percent_text = cells[5 + 2 * b].text
            if target is None or target.percent is None:
                assert percent_text == ""
            else:
                assert parse_number(percent_text.removesuffix("%")) == target.percent
        change_text = cells[4 + 2 * len(data.targets)].text
        if data.change is not None:
            assert parse_number(change_text.split("%")[0].split(" ")[0]) == data.change
        assert cells[-1].text == data.status


@pytest.mark.parametrize("name", ["party", "state", "notice"])
def test_the_documents_are_written_to_the_given_path(rendered, name):
    assert Path(rendered[name]).stat().st_size > 10_000
