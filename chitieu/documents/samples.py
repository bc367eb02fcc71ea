"""Realistic sample contexts: Kinh Môn (Hải Dương), first half of 2022.

The figures of "Tổng giá trị sản xuất" (31.167 tỷ đồng ước, 51,7% kế hoạch, +15,9% cùng kỳ; sectors 1.712 /
27.150 / 2.305 tỷ đồng) and of budget revenue (905,653 tỷ đồng, 106% of the annual estimate), the conference
(13/7/2022, Hội nghị lần thứ 9, BCH khóa 25), the chairs and the tasks are those of Kinh Môn's published
review (the demo's own record of it: chitieu/demo/facts.py). Figures marked ``# illustrative`` are NOT in the seed: they exercise the
other sentence shapes (count of units, percentage points, hedge, missing data) and must not be quoted as
facts about Kinh Môn.

* :func:`party_report` - the Thị ủy's report (Party family, "Số 123-BC/TU", T/M BAN THƯỜNG VỤ / BÍ THƯ /
  Sái Thị Yến);
* :func:`state_report` - the same content as a People's Committee report ("Số: 123/BC-UBND");
* :func:`party_notice` - the conclusions notice after the conference ("Số 45-TB/TU").
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from decimal import Decimal as D

from chitieu.documents.context import (
    Appendix,
    AppendixGroup,
    AppendixRow,
    AppendixTarget,
    Comparison,
    Conclusion,
    DocumentMeta,
    DocumentNumber,
    FieldSection,
    Figure,
    Issuer,
    Limitation,
    NoticeContext,
    PreviousTask,
    ReportContext,
    ReportHeadings,
    Signature,
    Task,
)

__all__ = ["party_notice", "party_report", "state_report"]

PARTY_ISSUER = Issuer(
    superior="ĐẢNG BỘ TỈNH HẢI DƯƠNG",
    name="THỊ ỦY KINH MÔN",
    abbreviation="TU",
    place="Kinh Môn",
    common_name="Thị ủy Kinh Môn",
)
STATE_ISSUER = Issuer(
    superior="UBND TỈNH HẢI DƯƠNG",
    name="ỦY BAN NHÂN DÂN\nTHỊ XÃ KINH MÔN",
    abbreviation="UBND",
    place="Kinh Môn",
    common_name="Ủy ban nhân dân thị xã Kinh Môn",
)
PERIOD = "6 tháng đầu năm 2022"
PLAN = "kế hoạch"
SAME_PERIOD = "cùng kỳ"


def _plan(percent: str) -> Comparison:
    return Comparison(PLAN, "of", D(percent))


def _yoy(percent: str) -> Comparison:
    return Comparison(SAME_PERIOD, "change", D(percent))


def _sector(name: str, value: str, plan: str, yoy: str) -> Figure:
    """A sector of the total production value (an estimate, like the total)."""
    return Figure(name, D(value), "tỷ đồng", status="estimate", comparisons=(_plan(plan), _yoy(yoy)))


PRODUCTION = Figure(
    "Tổng giá trị sản xuất",
    D("31167"),
    "tỷ đồng",
    status="estimate",
    comparisons=(_plan("51.7"), _yoy("15.9")),
    components=(
        _sector("nông - lâm - thuỷ sản", "1712", "70.5", "0.3"),
        _sector("công nghiệp - xây dựng", "27150", "50.9", "17.2"),
        _sector("dịch vụ", "2305", "50.5", "13.8"),
    ),
)
BUDGET = Figure(
    "Tổng thu ngân sách 6 tháng đầu năm",
    D("905.653"),
    "tỷ đồng",
    comparisons=(Comparison("dự toán năm", "of", D("106"), decimals=0),),
)
INVESTMENT = Figure("Tổng vốn đầu tư phát triển trên địa bàn", None, "tỷ đồng")  # missing figure
NEW_RURAL = Figure(  # illustrative
    "Số xã đạt chuẩn nông thôn mới nâng cao", D("8"), "xã", denominator=D("9")
)
INSURANCE = Figure(  # illustrative
    "Tỷ lệ dân số tham gia bảo hiểm y tế",
    D("92.6"),
    "%",
    verb="là",
    comparisons=(Comparison(SAME_PERIOD, "points", D("1.2")),),
)
TOURISM = Figure(  # illustrative
    "Doanh thu dịch vụ du lịch", D("6.4"), "tỷ đồng", qualifier="over", comparisons=(_plan("48.2"),)
)
NEW_MEMBERS = Figure(  # illustrative
    "Số đảng viên mới được kết nạp",
    D("85"),
    "đảng viên",
    comparisons=(Comparison("Nghị quyết", "of", D("42.5")),),
)

FIELDS = (
    FieldSection(
        "Kinh tế",
        figures=(PRODUCTION, BUDGET, INVESTMENT, TOURISM),
        paragraphs=(
            "Công tác phát triển và quản lý đô thị được tăng cường. Thị xã đã được UBND tỉnh ban hành Quyết "
            "định điều chỉnh Quy hoạch chung thị xã Kinh Môn, tỉnh Hải Dương đến năm 2040.",
        ),
    ),
    FieldSection(
        "Văn hóa - xã hội",
        figures=(NEW_RURAL, INSURANCE),
        paragraphs=(
            "Công tác phòng, chống dịch Covid-19 được triển khai đồng bộ, cấp bách các giải pháp. Các lĩnh "
            "vực văn hóa - xã hội có nhiều chuyển biến tích cực.",
        ),
    ),
    FieldSection(
        "Quốc phòng - an ninh",
        paragraphs=("An ninh chính trị, trật tự an toàn xã hội được quan tâm, giữ vững ổn định.",),
    ),
    FieldSection(
        "Xây dựng Đảng và hệ thống chính trị",
        figures=(NEW_MEMBERS,),
        paragraphs=(
            "Ban Thường vụ Thị ủy tập trung chỉ đạo, triển khai thực hiện quán triệt, học tập các Chỉ thị, "
            "Nghị quyết, Kết luận của Trung ương, Tỉnh ủy. Lãnh đạo, chỉ đạo thực hiện tốt công tác rà soát, "
            "bổ sung quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2020-2025, 2021-2026; xây dựng quy hoạch "
            "nhiệm kỳ 2025-2030, 2026-2031 đảm bảo đúng quy định.",
        ),
    ),
)

LIMITATIONS = (
    Limitation(
        "Sản xuất, kinh doanh của một số doanh nghiệp và hộ sản xuất còn gặp nhiều khó khăn",
        causes=("ảnh hưởng của dịch bệnh Covid-19 và thời tiết", "giá nguyên, nhiên liệu đầu vào tăng cao"),
    ),
    Limitation(
        "Một số đơn thư trùng lặp nội dung, ý kiến nhiều lần, nhiều cấp chưa được giải quyết dứt điểm",
        causes=("việc phối hợp giữa các cơ quan, đơn vị có lúc chưa chặt chẽ",),
    ),
)

TASKS = (
    Task(
        "Tập trung chỉ đạo thực hiện các giải pháp phát triển kinh tế, phấn đấu hoàn thành các chỉ tiêu kế "
        "hoạch năm 2022",
        owner="Ủy ban nhân dân thị xã",
        deadline=datetime.date(2022, 12, 31),
    ),
    Task(
        "Giải quyết dứt điểm các đơn thư trùng lặp nội dung, ý kiến nhiều lần, nhiều cấp",
        owner="Ủy ban Kiểm tra Thị ủy",
        deadline=datetime.date(2022, 9, 30),
    ),
    Task(
        "Phát huy thực chất công việc đột phá thực hiện Chỉ thị 05 của Bộ Chính trị trong các tổ chức cơ sở "
        "đảng",
        owner="Ban Tuyên giáo Thị ủy",
    ),
)

PREVIOUS_TASKS = (
    PreviousTask(
        "Xây dựng quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2025-2030, 2026-2031",
        "đã hoàn thành",
    ),
    PreviousTask(
        "Điều chỉnh Quy hoạch chung thị xã Kinh Môn đến năm 2040",
        "đã hoàn thành",
        note="UBND tỉnh đã ban hành quyết định điều chỉnh",
    ),
)

PLAN_2022 = "Kế hoạch năm 2022"
BUDGET_2022 = "Dự toán năm 2022"


def _row(fig: Figure, status: str, *, level: int = 0) -> AppendixRow:
    """The appendix row of a figure: shares go to the basis column they belong to, changes to the last."""
    plan = budget = None
    change, change_kind = None, "percent"
    decimals = {c.decimals for c in fig.comparisons}
    for c in fig.comparisons:
        if c.kind == "of" and c.basis == "dự toán năm":
            budget = AppendixTarget(percent=c.percent)
        elif c.kind == "of":
            plan = AppendixTarget(percent=c.percent)
        elif c.kind in ("change", "points"):
            change, change_kind = c.percent, ("points" if c.kind == "points" else "percent")
    return AppendixRow(
        fig.indicator[:1].upper() + fig.indicator[1:],
        fig.unit,
        fig.value,
        targets=(plan, budget),
        change=change,
        change_kind=change_kind,
        status=status,
        value_status=fig.status,
        denominator=fig.denominator,
        percent_decimals=decimals.pop() if len(decimals) == 1 else None,
        level=level,
    )


APPENDIX = Appendix(
    bases=(PLAN_2022, BUDGET_2022),
    period_label=PERIOD,
    groups=(
        AppendixGroup(
            "Kinh tế",
            (
                _row(PRODUCTION, "Đạt tiến độ"),
                *(_row(c, "Đạt tiến độ", level=1) for c in PRODUCTION.components),
                _row(BUDGET, "Vượt"),
                _row(INVESTMENT, ""),
                _row(TOURISM, "Chưa đạt tiến độ"),
            ),
        ),
        AppendixGroup("Văn hóa - xã hội", (_row(NEW_RURAL, "Đạt"), _row(INSURANCE, "Đạt"))),
        AppendixGroup("Xây dựng Đảng", (_row(NEW_MEMBERS, "Chưa đạt tiến độ"),)),
    ),
    note="Ghi chú: số liệu ước thực hiện đến ngày 30/6/2022.",
)

PARTY_RECIPIENTS = (
    "Ban Thường vụ Tỉnh ủy (để báo cáo)",
    "Văn phòng Tỉnh ủy (để báo cáo)",
    "Các đồng chí Thị ủy viên",
    "Các chi, đảng bộ trực thuộc",
    "Lưu Văn phòng Thị ủy",
)


def party_report(*, draft: bool = False, sequence: int | None = 123) -> ReportContext:
    """The Thị ủy's report on the first half of 2022 (Party family)."""
    return ReportContext(
        meta=DocumentMeta(
            family="party",
            issuer=PARTY_ISSUER,
            number=DocumentNumber("BC", sequence),
            date=datetime.date(2022, 7, 5),
            type_name="BÁO CÁO",
            subject="kết quả thực hiện Nghị quyết 6 tháng đầu năm 2022,\nphương hướng, nhiệm vụ 6 tháng cuối năm 2022",
            draft=draft,
        ),
        period_label=PERIOD,
        intro=(
            "Những tháng đầu năm, Đảng bộ thị xã Kinh Môn triển khai, thực hiện nhiệm vụ trong điều kiện gặp "
            "nhiều khó khăn do ảnh hưởng của dịch bệnh Covid-19 và thời tiết. Với sự lãnh đạo, chỉ đạo kịp "
            "thời của cấp ủy, chính quyền và sự vào cuộc của cả hệ thống chính trị, sự chung sức, đồng lòng "
            "của cán bộ, đảng viên và nhân dân toàn thị xã, công tác xây dựng Đảng - hệ thống chính trị và "
            "phát triển kinh tế - xã hội 6 tháng đầu năm 2022 đạt được nhiều kết quả tích cực.",
        ),
        fields=FIELDS,
        limitations=LIMITATIONS,
        tasks=TASKS,
        previous_tasks=PREVIOUS_TASKS,
        headings=ReportHeadings(tasks="PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022"),
        closing=(
            "Trên đây là báo cáo kết quả thực hiện Nghị quyết 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng "
            "cuối năm 2022 của Ban Thường vụ Thị ủy Kinh Môn.",
        ),
        signature=Signature(("T/M BAN THƯỜNG VỤ",), "BÍ THƯ", "Sái Thị Yến"),
        recipients=PARTY_RECIPIENTS,
        appendix=APPENDIX,
    )


def state_report(*, draft: bool = False, sequence: int | None = 123) -> ReportContext:
    """The same half-year as a People's Committee report (State family)."""
    base = party_report(draft=draft, sequence=sequence)
    return replace(
        base,
        meta=replace(
            base.meta,
            family="state",
            issuer=STATE_ISSUER,
            subject="tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm,\nnhiệm vụ "
            "trọng tâm 6 tháng cuối năm 2022",
        ),
        intro=(
            "Thực hiện Nghị quyết của Hội đồng nhân dân thị xã về kế hoạch phát triển kinh tế - xã hội năm "
            "2022, trong điều kiện còn nhiều khó khăn do ảnh hưởng của dịch bệnh Covid-19 và thời tiết, Ủy ban "
            "nhân dân thị xã đã tập trung chỉ đạo, điều hành quyết liệt các nhiệm vụ, giải pháp; kinh tế - xã "
            "hội 6 tháng đầu năm 2022 đạt được nhiều kết quả tích cực.",
        ),
        fields=tuple(f for f in FIELDS if f.heading != "Xây dựng Đảng và hệ thống chính trị"),
        appendix=replace(APPENDIX, groups=APPENDIX.groups[:2]),
        headings=ReportHeadings(
            results="TÌNH HÌNH THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI",
            limitations="TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
            tasks="NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2022",
        ),
        previous_tasks=(),
        tasks=(
            TASKS[0],
            Task(
                "Đẩy mạnh thu ngân sách, phấn đấu hoàn thành vượt dự toán năm 2022",
                owner="Phòng Tài chính - Kế hoạch",
                deadline=datetime.date(2022, 12, 15),
            ),
            Task(
                "Đẩy nhanh tiến độ giải ngân vốn đầu tư công",
                owner="Ban Quản lý dự án đầu tư xây dựng thị xã",
                deadline=datetime.date(2022, 9, 30),
            ),
        ),
        closing=(
            "Trên đây là báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2022 "
            "của Ủy ban nhân dân thị xã Kinh Môn.",
        ),
        signature=Signature(("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH", "Trương Đức San"),
        recipients=(
            "UBND tỉnh Hải Dương (để báo cáo)",
            "Thường trực Thị ủy",
            "Thường trực HĐND thị xã",
            "Các phòng, ban, ngành thị xã",
            "UBND các xã, phường",
            "Lưu: VT, VP",
        ),
    )


def party_notice(*, draft: bool = False, sequence: int | None = 45) -> NoticeContext:
    """The conclusions notice after the ninth conference of the committee (13/7/2022)."""
    return NoticeContext(
        meta=DocumentMeta(
            family="party",
            issuer=PARTY_ISSUER,
            number=DocumentNumber("TB", sequence),
            date=datetime.date(2022, 7, 15),
            type_name="THÔNG BÁO",
            subject="kết luận của Ban Thường vụ Thị ủy tại Hội nghị lần thứ 9\nBan Chấp hành Đảng bộ thị xã khóa 25",
            draft=draft,
        ),
        intro=(
            "Ngày 13/7/2022, Ban Chấp hành Đảng bộ thị xã khóa 25 tổ chức Hội nghị lần thứ 9 đánh giá kết quả "
            "lãnh đạo, triển khai thực hiện nhiệm vụ 6 tháng đầu năm, thông qua các chỉ tiêu phát triển trong "
            "6 tháng cuối năm 2022. Các đồng chí: Sái Thị Yến, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Bí thư Thị "
            "ủy, Chủ tịch Hội đồng nhân dân thị xã; Bùi Xuân Lộc, Phó Bí thư Thường trực Thị ủy; Trương Đức "
            "San, Phó Bí thư Thị ủy, Chủ tịch Ủy ban nhân dân thị xã chủ trì Hội nghị.",
        ),
        conclusions_lead="Sau khi nghe các báo cáo và ý kiến thảo luận, Ban Thường vụ Thị ủy kết luận như sau:",
        conclusions=(
            Conclusion(
                "Ghi nhận và đánh giá cao những kết quả thị xã đạt được toàn diện trên các lĩnh vực trong 6 "
                "tháng đầu năm 2022."
            ),
            Conclusion(
                "Nhiệm vụ công tác xây dựng Đảng, hệ thống chính trị và các chỉ tiêu phát triển kinh tế - xã "
                "hội năm 2022 còn rất nhiều, trong bối cảnh dự báo còn nhiều khó khăn, thách thức.",
                details=(
                    "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ thị xã, thủ trưởng các phòng, ban, ngành, "
                    "đoàn thể và chi, đảng bộ trực thuộc đi đầu, nêu gương trong lãnh đạo, chỉ đạo; sát sao "
                    "trong tổ chức; sáng tạo trong thực hiện nhiệm vụ.",
                ),
            ),
            Conclusion("Quyết tâm hoàn thành thắng lợi các mục tiêu của năm 2022 đã đề ra."),
        ),
        tasks=TASKS[:2],
        closing=("Ban Thường vụ Thị ủy thông báo để các cơ quan, đơn vị biết, thực hiện.",),
        signature=Signature(("T/M BAN THƯỜNG VỤ",), "PHÓ BÍ THƯ THƯỜNG TRỰC", "Bùi Xuân Lộc"),
        recipients=(
            "Thường trực Tỉnh ủy (để báo cáo)",
            "Các đồng chí Thị ủy viên",
            "Các chi, đảng bộ trực thuộc",
            "Lưu Văn phòng Thị ủy",
        ),
    )
