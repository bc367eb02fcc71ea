"""The plain data the renderers take: frozen dataclasses, no Django, no database.

A builder elsewhere fills these from the database; the renderers only read them. Texts are written as they
should appear (Vietnamese, NFC), numbers are :class:`decimal.Decimal` (floats are refused by the number
formatter), dates are :class:`datetime.date`.

Two documents share the same frame (:class:`DocumentMeta` + :class:`Signature` + recipients):

* :class:`ReportContext` - the report (báo cáo): intro, results by field (:class:`FieldSection` of
  :class:`Figure`), limitations, the previous conference's tasks, tasks for the next period, appendix;
* :class:`NoticeContext` - the conclusions notice (thông báo kết luận): intro, numbered conclusions, tasks.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from chitieu.documents.layout import Family, Layout, layout_for

__all__ = [
    "Appendix",
    "AppendixGroup",
    "AppendixRow",
    "AppendixTarget",
    "Comparison",
    "Conclusion",
    "DocumentMeta",
    "DocumentNumber",
    "Family",
    "FieldSection",
    "Figure",
    "Issuer",
    "Limitation",
    "NoticeContext",
    "PreviousTask",
    "ReportContext",
    "ReportHeadings",
    "Signature",
    "Task",
]

Status = Literal["actual", "estimate"]
Qualifier = Literal["over", "nearly", "about"]
ComparisonKind = Literal["of", "change", "points"]


@dataclass(frozen=True)
class Issuer:
    """Who issues the document.

    ``superior``: the directly superior body, capitals ("ĐẢNG BỘ TỈNH HẢI DƯƠNG"; State "UBND TỈNH HẢI
    DƯƠNG"). ``name``: the issuing body, capitals, printed bold ("THỊ ỦY KINH MÔN"; State "ỦY BAN NHÂN DÂN\\n
    THỊ XÃ KINH MÔN" - a "\\n" forces a line break). ``abbreviation``: issuer code in the number ("TU", "HU",
    "ĐU"; State "UBND"). ``place``: place name of the date line ("Kinh Môn"). ``common_name``: the name as
    written in running text and spreadsheet titles ("Thị ủy Kinh Môn"); defaults to ``name``.
    """

    superior: str
    name: str
    abbreviation: str
    place: str
    common_name: str = ""

    @property
    def display_name(self) -> str:
        return self.common_name or " ".join(self.name.split())


@dataclass(frozen=True)
class DocumentNumber:
    """Number and symbol: ``sequence`` (None = not yet registered; the line keeps a blank for the clerk)
    and the document-type code ("BC", "TB", "KL", ...)."""

    type_code: str
    sequence: int | None = None


@dataclass(frozen=True)
class DocumentMeta:
    """The frame of every document.

    ``family``: "party" (36-HD/VPTW: "Số 123-BC/TU") or "state" (NĐ 30/2020: "Số: 123/BC-UBND").
    ``type_name``: document-type name in capitals ("BÁO CÁO", "THÔNG BÁO"). ``subject``: the subject line
    (trích yếu), lowercase start ("kết quả thực hiện Nghị quyết 6 tháng đầu năm 2022, ..."). ``draft``: print
    "DỰ THẢO" in the header area.
    """

    family: Family
    issuer: Issuer
    number: DocumentNumber
    date: datetime.date
    type_name: str
    subject: str
    draft: bool = False


@dataclass(frozen=True)
class Comparison:
    """One comparison of a figure against a basis.

    ``basis``: the basis label as written ("kế hoạch", "Nghị quyết", "dự toán tỉnh giao", "cùng kỳ").
    ``kind``: "of" = the figure as a share of the basis ("đạt 51,7% kế hoạch"); "change" = percent change
    against it ("tăng 15,9% so với cùng kỳ"; negative = "giảm"); "points" = change in percentage points
    ("tăng 1,2 điểm phần trăm so với cùng kỳ"). ``percent``: the number (59.9 means 59,9%). ``decimals``:
    decimals shown (None = as the Decimal has them, trailing zeros dropped). ``qualifier``: hedge before the
    number ("over" = "trên", "nearly" = "gần", "about" = "khoảng"). ``equal_wording``: write a share as
    "bằng X% <basis>" (budget usage) instead of "đạt". ``say_compared_with``: write "so với" before the basis
    of a share ("đạt 59,9% so với kế hoạch"); changes always say it. See :mod:`~chitieu.documents.sentences`.
    """

    basis: str
    kind: ComparisonKind
    percent: Decimal
    decimals: int | None = 1
    qualifier: Qualifier | None = None
    equal_wording: bool = False
    say_compared_with: bool = False
    note: str = ""  # said after it in brackets: the pace ("chậm tiến độ"), a worked-back target


@dataclass(frozen=True)
class Figure:
    """One indicator result, written as one sentence.

    ``indicator``: name as it starts the sentence ("Tổng giá trị sản xuất"; for a component, lowercase
    "nông - lâm - thuỷ sản"). ``value``: the figure (None = no data). ``unit``: unit symbol ("tỷ đồng", "tấn",
    "%", "xã"). ``decimals``: decimals shown for value and denominator (None = natural). ``denominator``: for
    counts of units "8/9 xã" (value 8, denominator 9). ``status``: "actual" or "estimate" ("ước đạt").
    ``qualifier``: hedge before the value ("over" = "trên 6,4 tỷ đồng", "nearly" = "gần", "about" =
    "khoảng"). ``verb``: the verb before the value (default "đạt"; e.g. "là" for a rate). ``comparisons``: in
    the order written. ``components``: sub-items written "Trong đó: ...". ``note``: free text appended after
    the sentence (not parsed for numbers).
    """

    indicator: str
    value: Decimal | None
    unit: str = ""
    decimals: int | None = None
    denominator: Decimal | None = None
    status: Status = "actual"
    qualifier: Qualifier | None = None
    verb: str = "đạt"
    comparisons: tuple[Comparison, ...] = ()
    components: tuple[Figure, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class FieldSection:
    """Results of one field ("Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng Đảng"):
    ``heading`` (numbered by the renderer), narrative ``paragraphs`` written before the figures, then one
    sentence per figure."""

    heading: str
    figures: tuple[Figure, ...] = ()
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Limitation:
    """A shortcoming (tồn tại, hạn chế) with its causes (nguyên nhân), if stated."""

    text: str
    causes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """A task: ``text``, ``owner`` (the body in charge, e.g. "Ủy ban nhân dân thị xã"), ``deadline``."""

    text: str
    owner: str = ""
    deadline: datetime.date | None = None


@dataclass(frozen=True)
class PreviousTask:
    """A task the previous conference set and what became of it: ``status`` label as written ("Đã hoàn
    thành", "Đang thực hiện", "Chưa thực hiện"), optional ``note``."""

    text: str
    status: str
    note: str = ""


@dataclass(frozen=True)
class AppendixTarget:
    """A figure against one basis column of the appendix: the ``target`` (None = not shown) and the
    ``percent`` reached (None = not computed), shown with ``decimals`` (the precision the source wrote
    it with; None = the appendix's) and its hedge ``qualifier`` ("over": "trên 100%"). ``derived``: the
    target was worked back from the stated percentage (marked *); ``stated``: the percent is the one
    the source states, with no figure behind it (marked †); ``illustrative``: a value the source does
    not give (marked ‡)."""

    target: Decimal | None = None
    percent: Decimal | None = None
    decimals: int | None = None
    qualifier: Qualifier | None = None
    derived: bool = False
    stated: bool = False
    illustrative: bool = False


@dataclass(frozen=True)
class AppendixRow:
    """One indicator of the appendix table.

    ``targets``: one entry per :attr:`Appendix.bases` column, in order (None = no target on that basis).
    ``change``: change against the same period; ``change_kind`` "percent" (a relative change, "+15,9%") or
    "points" (percentage points, "+1,2 điểm %"). ``status``: the assessment label as written ("Đạt", "Vượt",
    "Chưa đạt"). ``decimals``: for value and targets (None = natural). ``percent_decimals``: for the
    percentages of this row (None = :attr:`Appendix.percent_decimals`). ``denominator``: for counts of units
    ("8/9"). ``level``: 0 = indicator, 1 = component (indented, "- " prefix).
    """

    indicator: str
    unit: str
    value: Decimal | None
    targets: tuple[AppendixTarget | None, ...] = ()
    denominator: Decimal | None = None
    change: Decimal | None = None
    change_kind: Literal["percent", "points"] = "percent"
    status: str = ""
    value_status: Status = "actual"
    decimals: int | None = None
    percent_decimals: int | None = None
    level: int = 0
    qualifier: Qualifier | None = None  # the value's hedge: "trên 1.000"


@dataclass(frozen=True)
class AppendixGroup:
    """Rows under one field heading ("Kinh tế")."""

    heading: str
    rows: tuple[AppendixRow, ...]


@dataclass(frozen=True)
class Appendix:
    """The appendix table.

    ``bases``: labels of the basis columns ("Kế hoạch năm 2022", "Dự toán năm 2022"); each gets a "Chỉ tiêu"
    (target) and a "% thực hiện" sub-column. ``period_label``: the period of the values ("6 tháng đầu năm
    2022"), also in the spreadsheet's title row. ``subtitle``: the table title under "PHỤ LỤC".
    """

    bases: tuple[str, ...]
    groups: tuple[AppendixGroup, ...]
    period_label: str
    subtitle: str = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"
    title: str = "PHỤ LỤC"
    value_label: str = "Thực hiện"
    change_label: str = "So với cùng kỳ"
    status_label: str = "Đánh giá"
    percent_decimals: int = 1
    note: str = ""

    @property
    def rows(self) -> tuple[AppendixRow, ...]:
        return tuple(row for group in self.groups for row in group.rows)


@dataclass(frozen=True)
class Signature:
    """The signature block: ``authority`` lines (Party "T/M BAN THƯỜNG VỤ"; State "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH"), ``title`` ("BÍ THƯ", "PHÓ CHỦ TỊCH"), ``name`` ("Sái Thị Yến")."""

    authority: tuple[str, ...]
    title: str
    name: str


@dataclass(frozen=True)
class ReportHeadings:
    """Titles of the report's parts (capitals, Roman numerals are added by the renderer)."""

    results: str = "KẾT QUẢ ĐẠT ĐƯỢC"
    previous_tasks: str = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO KẾT LUẬN HỘI NGHỊ KỲ TRƯỚC"
    decisions: str = "CÁC NỘI DUNG HỘI NGHỊ ĐÃ BIỂU QUYẾT"
    limitations: str = "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"
    tasks: str = "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI"


@dataclass(frozen=True)
class ReportContext:
    """The report (báo cáo).

    ``period_label``: the period reported ("6 tháng đầu năm 2022"). ``intro``: paragraphs before part I.
    ``fields``: part I, results by field. ``previous_tasks``: optional part on the previous conference's
    tasks (omitted when empty). ``limitations``, ``tasks``: the next parts. ``closing``: paragraphs after the
    last part ("Trên đây là báo cáo ..."). ``recipients``: one line each, the last the archive ("Lưu Văn phòng
    Thị ủy"; State "Lưu: VT, VP"); the renderer adds "- " and the trailing "," / ".". ``layout``: None = the
    family default (:func:`~chitieu.documents.layout.layout_for`).
    """

    meta: DocumentMeta
    period_label: str
    fields: tuple[FieldSection, ...]
    signature: Signature
    recipients: tuple[str, ...]
    intro: tuple[str, ...] = ()
    limitations: tuple[Limitation, ...] = ()
    tasks: tuple[Task, ...] = ()
    previous_tasks: tuple[PreviousTask, ...] = ()
    decisions: tuple[str, ...] = ()  # what the conference voted, one sentence each
    closing: tuple[str, ...] = ()
    headings: ReportHeadings = field(default_factory=ReportHeadings)
    appendix: Appendix | None = None
    layout: Layout | None = None

    @property
    def effective_layout(self) -> Layout:
        return self.layout or layout_for(self.meta.family)

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every top-level figure of part I, in order."""
        return tuple(fig for section in self.fields for fig in section.figures)


@dataclass(frozen=True)
class Conclusion:
    """One numbered conclusion point: ``text`` and optional ``details`` paragraphs under it."""

    text: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoticeContext:
    """The conclusions notice (thông báo kết luận), ``meta.type_name`` "THÔNG BÁO", subject "kết luận của Ban
    Thường vụ Thị ủy tại Hội nghị ...".

    ``intro``: who chaired, when, what was reviewed. ``conclusions_lead``: the sentence before the points.
    ``conclusions``: numbered points. ``tasks_lead`` + ``tasks``: assignments with owner and deadline.
    ``closing``: last paragraphs. Signature: Party "T/L BAN THƯỜNG VỤ" / "CHÁNH VĂN PHÒNG" or "T/M BAN THƯỜNG
    VỤ" / "BÍ THƯ".
    """

    meta: DocumentMeta
    signature: Signature
    recipients: tuple[str, ...]
    intro: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()  # what the conference voted, one sentence each
    conclusions_lead: str = "Ban Thường vụ kết luận như sau:"
    conclusions: tuple[Conclusion, ...] = ()
    tasks_lead: str = "Giao các cơ quan, đơn vị thực hiện các nhiệm vụ sau:"
    tasks: tuple[Task, ...] = ()
    closing: tuple[str, ...] = ()
    layout: Layout | None = None

    @property
    def effective_layout(self) -> Layout:
        return self.layout or layout_for(self.meta.family)
