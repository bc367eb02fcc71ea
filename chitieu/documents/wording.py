"""The documents' Vietnamese wording, as pure functions of plain values (no database): names of units
and bodies, labels of fields, bases and statuses, the next period, votes, and how many of a
resolution's targets are met. Documents are official: they are written in Vietnamese whatever the
reader's interface language.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from chitieu.indicators.choices import Basis
from chitieu.lib.periods import Period, PeriodKind, parse_period
from chitieu.lib.vnnum import format_number
from chitieu.meetings.choices import Body, TaskStatus
from chitieu.reporting.choices import Status

KIND_VI = {
    "province": "tỉnh",
    "city": "thành phố",
    "provincial_city": "thành phố",
    "district": "huyện",
    "urban_district": "quận",
    "town": "thị xã",
    "commune": "xã",
    "ward": "phường",
    "township": "thị trấn",
    "special_zone": "đặc khu",
}
FIELD_VI = {
    "economy": "Kinh tế",
    "culture_society": "Văn hóa - xã hội",
    "defence_security": "Quốc phòng - an ninh",
    "party_building": "Xây dựng Đảng, hệ thống chính trị",
}
BASIS_VI = {
    Basis.PLAN: "kế hoạch",
    Basis.RESOLUTION: "Nghị quyết",
    Basis.ESTIMATE_UPPER: "dự toán cấp trên giao",
    Basis.ESTIMATE_LOCAL: "dự toán HĐND giao",
    Basis.OTHER: "chỉ tiêu khác",
}
# The appendix's "Đánh giá" column: for the target's own period vượt / đạt / chưa đạt; part-way
# through a longer one, the pace. A share below 100% is never "vượt".
STATUS_VI = {
    Status.EXCEEDED: "Vượt kế hoạch",
    Status.ACHIEVED: "Đạt kế hoạch",
    Status.NOT_ACHIEVED: "Chưa đạt",
    Status.AHEAD: "Vượt tiến độ",
    Status.ON_PACE: "Đúng tiến độ",
    Status.BEHIND: "Chậm tiến độ",
    Status.NO_TARGET: "",
}
PACE_VI = {Status.AHEAD: "vượt tiến độ", Status.ON_PACE: "đúng tiến độ", Status.BEHIND: "chậm tiến độ"}
TASK_STATUS_VI = {
    TaskStatus.NOT_STARTED: "Chưa thực hiện",
    TaskStatus.IN_PROGRESS: "Đang thực hiện",
    TaskStatus.DONE: "Đã hoàn thành",
    TaskStatus.OVERDUE: "Quá hạn",
}
BODY_VI = {
    Body.EXECUTIVE: "Ban Chấp hành",
    Body.STANDING: "Ban Thường vụ",
    Body.STANDING_OFFICE: "Thường trực",
    Body.BRIEFING: "Hội nghị giao ban",
    Body.CONGRESS: "Đại hội",
}
OUTCOME_VI = {"passed": "thông qua", "rejected": "không thông qua", "deferred": "chưa thông qua"}
DERIVED_NOTE = "(*) Chỉ tiêu tính ngược từ tỷ lệ % báo cáo nêu, không phải số được giao."
STATED_NOTE = "(†) Đánh giá theo tỷ lệ % báo cáo nêu (không có số tuyệt đối)."
ILLUSTRATIVE_NOTE = "(‡) Giá trị chỉ tiêu minh họa: nguồn không nêu."


def full_name(name: str, kind: str) -> str:
    """ "Thị xã Kinh Môn" stays; "Hải Dương" (a province) becomes "tỉnh Hải Dương"."""
    prefix = KIND_VI.get(kind, "")
    if name.lower().startswith(prefix):
        return name
    return f"{prefix} {name}".strip()


def short_name(name: str, kind: str) -> str:
    prefix = KIND_VI.get(kind, "")
    name = name.split("(")[0].strip()
    return name[len(prefix) :].strip() if name.lower().startswith(prefix) else name


def next_period_label(p: Period) -> str:
    if p.kind == PeriodKind.HALF and p.index == 1:
        return f"6 tháng cuối năm {p.year}"
    if p.kind == PeriodKind.QUARTER and p.index < 4:
        return parse_period(f"{p.year}-Q{p.index + 1}").label("vi")
    if p.kind == PeriodKind.NINE_MONTHS:
        return f"quý IV/{p.year}"
    if p.kind == PeriodKind.MONTH:
        y, m = (p.year, p.index + 1) if p.index < 12 else (p.year + 1, 1)
        return parse_period(f"{y}-{m:02d}").label("vi")
    if p.kind == PeriodKind.TERM:
        return "những năm còn lại của nhiệm kỳ"
    return f"năm {p.year + 1}"


def pace_phrase(status: str) -> str:
    """ "đúng tiến độ" / "vượt tiến độ" / "chậm tiến độ" for a part-way assessment, else ""."""
    try:
        return PACE_VI.get(Status(status), "")
    except ValueError:
        return ""


def vote_sentence(
    matter: str, outcome: str, blocs: Sequence[tuple[str, int]], tally: tuple | None = None
) -> str:
    """ "Hội nghị biểu quyết thông qua <matter>, với cơ cấu: Khối Đảng 11 đồng chí, …; …" """
    text = f"Hội nghị biểu quyết {OUTCOME_VI.get(outcome, outcome)} {matter[:1].lower() + matter[1:]}"
    if tally and any(x is not None for x in tally):
        present, yes, no, abstain = tally
        parts = []
        if present is not None:
            parts.append(f"có mặt {present}")
        if yes is not None:
            parts.append(f"tán thành {yes}")
        if no is not None:
            parts.append(f"không tán thành {no}")
        if abstain is not None:
            parts.append(f"không biểu quyết {abstain}")
        text += " (" + ", ".join(parts) + ")"
    if blocs:
        text += ", với cơ cấu: " + "; ".join(f"{name} {n} đồng chí" for name, n in blocs)
    return text.rstrip(".") + "."


def scorecard_sentence(met: int, total: int, *, resolution_phrase: str, stated: str = "") -> str:
    """ "Đến nay đã đạt 8/10 chỉ tiêu Nghị quyết Đại hội (80%)." — with the share the source stated."""
    if not total:
        return ""
    share = format_number(Decimal(met) * 100 / Decimal(total), 0)
    text = f"Đến nay đã đạt {met}/{total} chỉ tiêu {resolution_phrase} ({share}%)"
    if stated:
        text += f"; báo cáo nêu {stated}"
    return text + "."
