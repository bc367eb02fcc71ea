"""Fixed text of the document frame: number line, date lines, recipients, header titles.

* Party number (36-HD/VPTW): ``Số 123-BC/TU`` (hyphen, no colon); unregistered ``Số      -BC/TU``.
* State number (NĐ 30/2020): ``Số: 123/BC-UBND``; unregistered ``Số:      /BC-UBND``.
* Date line: ``Kinh Môn, ngày 05 tháng 12 năm 2024``: a leading zero for days 1-9 and for months 1-2 only
  (``ngày 20 tháng 02``, ``ngày 05 tháng 7``), DOMAIN.md §1.1/§1.2.
* Short date in running text: ``30/9/2022`` (no leading zeros), the register of the seed reports.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from chitieu.documents.context import DocumentMeta, DocumentNumber
from chitieu.documents.layout import Family
from chitieu.lib.vnnum import format_number

__all__ = [
    "BLANK_SEQUENCE",
    "NATIONAL_TITLE",
    "PARTY_TITLE",
    "STATE_MOTTO",
    "date_line",
    "number_line",
    "recipient_lines",
    "reference_line",
    "short_date",
    "plain_number",
    "vn_date",
]

PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_ISSUER_MARK = "*"
DRAFT_MARK = "DỰ THẢO"
RECIPIENTS_LABEL = "Nơi nhận:"
NO_DATA = "chưa có số liệu"
# Left blank for the clerk when the document is not registered yet.
BLANK_SEQUENCE = "\u00a0" * 6


def number_line(family: Family, number: DocumentNumber, abbreviation: str) -> str:
    """``Số 123-BC/TU`` (Party) or ``Số: 123/BC-UBND`` (State); a blank instead of a missing sequence."""
    seq = BLANK_SEQUENCE if number.sequence is None else str(number.sequence)
    if family == "party":
        return f"Số {seq}-{number.type_code}/{abbreviation}"
    if family == "state":
        return f"Số: {seq}/{number.type_code}-{abbreviation}"
    raise ValueError(f"unknown document family {family!r}")


def vn_date(date: datetime.date) -> str:
    """``ngày 05 tháng 12 năm 2024``: zero-padded day below 10 and months 1-2 only."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def date_line(place: str, date: datetime.date) -> str:
    """``Kinh Môn, ngày 05 tháng 12 năm 2024``."""
    return f"{place}, {vn_date(date)}"


def short_date(date: datetime.date) -> str:
    """``30/9/2022``: the short form used in running text."""
    return f"{date.day}/{date.month}/{date.year}"


def reference_line(meta: DocumentMeta) -> str:
    """``(Kèm theo Báo cáo số 123-BC/TU ngày 05/7/2022 của Thị ủy Kinh Môn)`` (same zero-padding
    rule as the date line) for the appendix."""
    number = number_line(meta.family, meta.number, meta.issuer.abbreviation)
    number = number.removeprefix("Số: ").removeprefix("Số ")
    kind = meta.type_name.capitalize()
    month = f"{meta.date.month:02d}" if meta.date.month <= 2 else str(meta.date.month)
    date = f"{meta.date.day:02d}/{month}/{meta.date.year}"
    return f"(Kèm theo {kind} số {number} ngày {date} của {meta.issuer.display_name})"


def recipient_lines(recipients: tuple[str, ...]) -> list[str]:
    """``- line,`` for each recipient, the last one ending with ``.``; existing end punctuation is kept."""
    lines = []
    for i, raw in enumerate(recipients):
        text = raw.strip().removeprefix("-").strip()
        last = i == len(recipients) - 1
        if not text.endswith((",", ".", ";", ":")):
            text += "." if last else ","
        lines.append(f"- {text}")
    return lines


def plain_number(value: Decimal | None, decimals: int | None = None) -> str:
    """A Vietnamese number, or the empty string for None."""
    return "" if value is None else format_number(value, decimals)
