"""Page, margin, font and size configuration, one default per document family.

Every size the renderers use comes from a :class:`Layout`; nothing is hard-coded in the renderers.
Defaults follow /work/shared/DOMAIN.md §1:

* Party (Hướng dẫn 36-HD/VPTW): A4, margins 20/20/30/15 mm (the sources disagree, §1.1: a handbook gives
  25/25/35/15; override ``margins``), Times New Roman, body 14, type name 16 bold, subject 14 bold, left header
  lines 14 (superior regular, issuer bold), "ĐẢNG CỘNG SẢN VIỆT NAM" 15 bold, date line 14 italic, page numbers
  from page 2 centred 10 mm below the top edge.
* State (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, margins 20/20/30/15 mm (allowed ranges 20-25/20-25/30-35/
  15-20), national title 13 bold, motto 14 bold, header lines 13, type name 14 bold, body 14, page numbers 13
  centred in the top margin, hidden on page 1.

Use :func:`layout_for` to get the default of a family with overrides::

    layout_for("party", margins=Margins(top_mm=25, bottom_mm=25, left_mm=35, right_mm=15))
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

__all__ = ["Family", "Layout", "Margins", "layout_for"]

Family = Literal["party", "state"]


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top_mm: float = 20
    bottom_mm: float = 20
    left_mm: float = 30
    right_mm: float = 15


@dataclass(frozen=True)
class Layout:
    """Every size used by the renderers. Sizes in points (pt), lengths in millimetres (mm)."""

    # Page
    page_width_mm: float = 210  # A4 portrait
    page_height_mm: float = 297
    margins: Margins = field(default_factory=Margins)
    header_distance_mm: float = 10  # page number this far below the top edge
    footer_distance_mm: float = 10
    font_name: str = "Times New Roman"
    language: str = "vi-VN"

    # Body text (style "Normal") and headings ("Heading 1" = "I. ...", "Heading 2" = "1. ...")
    body_pt: float = 14
    line_spacing: float = 1.15  # multiple of single line
    paragraph_after_pt: float = 6
    first_line_indent_mm: float = 10
    heading1_pt: float = 14
    heading2_pt: float = 14
    heading_before_pt: float = 6

    # Header blocks (the borderless two-column table at the top)
    header_left_mm: float = 78  # column widths; their sum may exceed the text width a little
    header_right_mm: float = 92
    header_superior_pt: float = 14  # "ĐẢNG BỘ TỈNH ..." / "UBND TỈNH ..."
    header_issuer_pt: float = 14  # "THỊ ỦY KINH MÔN" (bold)
    header_number_pt: float = 14  # "Số 123-BC/TU"
    national_title_pt: float = 15  # "ĐẢNG CỘNG SẢN VIỆT NAM" / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto_pt: float = 14  # "Độc lập - Tự do - Hạnh phúc" (State only)
    date_pt: float = 14  # "Kinh Môn, ngày 05 tháng 7 năm 2022" (italic)
    draft_mark_pt: float = 13  # "DỰ THẢO" (bold, boxed)
    national_rule_mm: float = 72  # rule under the Party heading / under the motto
    issuer_rule_mm: float = 0  # short solid rule under the State issuer; 0 = none (Party uses "*")
    rule_weight_pt: float = 0.75
    rule_gap_pt: float = 1.5  # space between a text line and the rule under it

    # Title block
    title_pt: float = 16  # "BÁO CÁO" (bold caps)
    subject_pt: float = 14  # subject line (bold)
    title_before_pt: float = 18
    subject_rule_mm: float = 0  # short rule under the subject; 0 = none (Party custom: "-----" none)

    # Signature (right) and recipients (left), a borderless two-column table at the end
    closing_left_mm: float = 80
    closing_right_mm: float = 85
    signature_pt: float = 14  # authority, title and name (bold)
    signature_gap_pt: float = 72  # room for signature and seal above the name
    recipients_label_pt: float = 12  # "Nơi nhận:" (bold italic)
    recipients_pt: float = 11

    # Page numbers (PAGE field centred in the header; none on the first page)
    page_number_pt: float = 14

    # Appendix (own section)
    appendix_landscape: bool = True
    appendix_title_pt: float = 14
    table_pt: float = 12
    table_header_pt: float = 12
    table_number_mm: float = 10  # "TT" column
    table_indicator_mm: float = 66  # indicator column; the other columns share the rest by weight
    table_unit_weight: float = 1.0
    table_value_weight: float = 1.4
    table_basis_weight: float = 1.0  # each of "Chỉ tiêu" and "% thực hiện" per basis
    table_change_weight: float = 1.3
    table_status_weight: float = 1.5

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margins.left_mm - self.margins.right_mm


PARTY_LAYOUT = Layout()

STATE_LAYOUT = Layout(
    header_left_mm=68,
    header_right_mm=102,
    header_superior_pt=13,
    header_issuer_pt=13,
    header_number_pt=13,
    national_title_pt=13,
    motto_pt=14,
    national_rule_mm=62,
    issuer_rule_mm=22,
    title_pt=14,
    subject_pt=14,
    subject_rule_mm=30,
    page_number_pt=13,
)

_DEFAULTS: dict[str, Layout] = {"party": PARTY_LAYOUT, "state": STATE_LAYOUT}


def layout_for(family: Family, **overrides: Any) -> Layout:
    """The default :class:`Layout` of ``family`` ("party" or "state") with ``overrides`` applied."""
    try:
        base = _DEFAULTS[family]
    except KeyError:
        raise ValueError(f"unknown document family {family!r}; expected 'party' or 'state'") from None
    return replace(base, **overrides) if overrides else base
