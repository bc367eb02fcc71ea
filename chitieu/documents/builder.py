"""Build the documents' plain contexts from the database: the draft report of a unit, a resolution
and a period (Party or State family), its appendix, and a conference's conclusions notice.

Documents are written in Vietnamese whatever the reader's interface language: they are official.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from chitieu.documents import context as dc
from chitieu.indicators.choices import BASIS_ORDER, Basis, Dimension, Measure, ResolutionKind
from chitieu.indicators.models import Resolution
from chitieu.lib.periods import Period, PeriodKind, parse_period
from chitieu.meetings.choices import Body, Role, TaskStatus
from chitieu.meetings.models import Conference
from chitieu.meetings.selectors import previous_conference
from chitieu.orgs.models import Unit
from chitieu.reporting.choices import ResultStatus, Status
from chitieu.reporting.models import Result
from chitieu.reporting.selectors import ProgressRow, progress_table


class ReportError(ValueError):
    """A report that cannot be written, with a message for the user (Vietnamese)."""


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
STATUS_VI = {
    Status.EXCEEDED: "Vượt",
    Status.ACHIEVED: "Đạt",
    Status.NOT_ACHIEVED: "Chưa đạt",
    Status.NO_TARGET: "",
}
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


def full_name(unit: Unit) -> str:
    """ "Thị xã Kinh Môn" stays; "Hải Dương" (a province) becomes "tỉnh Hải Dương"."""
    kind = KIND_VI.get(unit.kind, "")
    if unit.name.lower().startswith(kind):
        return unit.name
    return f"{kind} {unit.name}".strip()


def short_name(unit: Unit) -> str:
    kind = KIND_VI.get(unit.kind, "")
    name = unit.name.split("(")[0].strip()
    return name[len(kind) :].strip() if name.lower().startswith(kind) else name


def _upper(text: str) -> str:
    return text.upper()


def issuer_for(unit: Unit, family: str) -> dc.Issuer:
    parent = unit.parent
    place = short_name(unit)
    if family == "state":
        superior = f"UBND {_upper(full_name(parent))}" if parent else ""
        return dc.Issuer(
            superior=superior,
            name=f"ỦY BAN NHÂN DÂN\n{_upper(full_name(unit))}",
            abbreviation="UBND",
            place=place,
            common_name=f"Ủy ban nhân dân {full_name(unit)}",
        )
    superior = f"ĐẢNG BỘ {_upper(full_name(parent))}" if parent else "ĐẢNG CỘNG SẢN VIỆT NAM"
    committee = unit.party_committee or f"Đảng ủy {full_name(unit)}"
    return dc.Issuer(
        superior=superior,
        name=_upper(committee),
        abbreviation=unit.party_abbrev or "ĐU",
        place=place,
        common_name=committee,
    )


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


def _component_name(parent_name: str, name: str) -> str:
    stem = parent_name.lower().removeprefix("tổng ").strip()
    if name.lower().startswith(stem):
        rest = name[len(stem) :].strip(" :-")
        if rest:
            return rest
    return name[:1].lower() + name[1:]


def _comparisons(row: ProgressRow) -> tuple[dc.Comparison, ...]:
    out = []
    for cell in row.bases:
        pct = (
            cell.assessment.percent
            if cell.assessment and cell.assessment.percent is not None
            else cell.stated_percent
        )
        if pct is None:
            continue
        label = (
            cell.target.basis_label if cell.target and cell.target.basis_label else cell.written
        ) or BASIS_VI.get(cell.basis, cell.basis)
        out.append(
            dc.Comparison(
                basis=label,
                kind="of",
                percent=_round(pct, cell.decimals),
                decimals=cell.decimals,
                qualifier="over"
                if cell.stated_qualifier == "over" and cell.stated_percent is not None
                else None,
            )
        )
    if row.change is not None:
        out.append(
            dc.Comparison(
                basis="cùng kỳ",
                kind="points" if row.change_is_points else "change",
                percent=_round(row.change, 2 if row.change_is_points else 1),
                decimals=2 if row.change_is_points else 1,
            )
        )
    return tuple(out)


def _tidy(value: Decimal) -> Decimal:
    """A target as a table shows it: at most one decimal (derived targets carry more)."""
    return value.quantize(Decimal("0.1")).normalize()


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals))


def _figure(row: ProgressRow, *, name: str | None = None) -> dc.Figure:
    res = row.result
    ind = row.indicator
    is_count = ind.measure == Measure.COUNT_MEETING
    value = res.value if res else None
    denominator = res.denominator if res and is_count else None
    if value is None and row.rollup_count:
        value, denominator = Decimal(row.rollup_count[0]), Decimal(row.rollup_count[1])
    return dc.Figure(
        indicator=name or ind.name,
        value=value,
        unit=ind.measure_unit.symbol if ind.measure_unit.symbol not in {"đạt chuẩn (1 = đạt)"} else "",
        denominator=denominator,
        status="estimate" if res and res.status == ResultStatus.ESTIMATE else "actual",
        qualifier=(res.qualifier or None) if res else None,
        verb="là" if ind.measure_unit.dimension == Dimension.PERCENT and value is not None else "đạt",
        comparisons=_comparisons(row),
    )


def _sections(groups) -> tuple[dc.FieldSection, ...]:
    sections = []
    for g in groups:
        figures: list[dc.Figure] = []
        rows = list(g.rows)
        i = 0
        while i < len(rows):
            row = rows[i]
            comps = []
            j = i + 1
            while j < len(rows) and rows[j].depth > row.depth:
                if rows[j].depth == row.depth + 1:
                    comps.append(
                        _figure(rows[j], name=_component_name(row.indicator.name, rows[j].indicator.name))
                    )
                j += 1
            fig = _figure(row)
            if comps:
                fig = dc.Figure(**{**fig.__dict__, "components": tuple(comps)})
            figures.append(fig)
            i = j
        sections.append(dc.FieldSection(heading=FIELD_VI.get(g.field, g.label), figures=tuple(figures)))
    return tuple(sections)


def _appendix(groups, period: Period) -> dc.Appendix:
    present = [b for b in BASIS_ORDER if any(c.basis == b for g in groups for r in g.rows for c in r.bases)]
    out_groups = []
    for g in groups:
        rows = []
        for r in g.rows:
            by_basis = {c.basis: c for c in r.bases}
            targets = []
            for b in present:
                c = by_basis.get(b)
                if c is None:
                    targets.append(None)
                    continue
                pct = (
                    c.assessment.percent
                    if c.assessment and c.assessment.percent is not None
                    else c.stated_percent
                )
                targets.append(
                    dc.AppendixTarget(
                        target=_tidy(c.target.value) if c.target else None,
                        percent=_round(pct, c.decimals) if pct is not None else None,
                    )
                )
            fig = _figure(r)
            rows.append(
                dc.AppendixRow(
                    indicator=r.indicator.name,
                    unit=r.indicator.measure_unit.symbol,
                    value=fig.value,
                    denominator=fig.denominator,
                    targets=tuple(targets),
                    change=r.change,
                    change_kind="points" if r.change_is_points else "percent",
                    status=STATUS_VI[r.status],
                    value_status=fig.status,
                    level=min(r.depth, 1),
                )
            )
        out_groups.append(dc.AppendixGroup(heading=FIELD_VI.get(g.field, g.label), rows=tuple(rows)))
    return dc.Appendix(
        bases=tuple(BASIS_VI[b][:1].upper() + BASIS_VI[b][1:] for b in present),
        groups=tuple(out_groups),
        period_label=period.label("vi"),
    )


def _signer(conference: Conference | None, family: str) -> str:
    """The head who signs: the secretary (Party) or the People's Committee chair (State), by title."""
    if conference is None:
        return ""
    heads = (
        ("chủ tịch ủy ban nhân dân", "chủ tịch uỷ ban nhân dân", "chủ tịch ubnd")
        if family == "state"
        else ("bí thư",)
    )
    for a in conference.attendances.select_related("person").order_by("order", "id"):
        parts = [x.strip().lower() for x in re.split(r"[-–,;]", a.title)]
        if a.role in (Role.CHAIR, Role.MEMBER) and any(part.startswith(heads) for part in parts):
            return a.person.full_name
    return ""


def build_report(
    *,
    unit: Unit,
    resolution: Resolution | None,
    period: str,
    family: str = "party",
    conference: Conference | None = None,
    today: dt.date | None = None,
) -> dc.ReportContext:
    p = parse_period(period)
    if not Result.objects.filter(unit=unit, period=p.code).exists():
        raise ReportError(
            f"{unit.name} chưa có kết quả nào cho {p.label('vi')}: hãy nhập hoặc nhập khẩu số liệu trước khi lập báo cáo."
        )
    groups = progress_table(unit, p, resolution=resolution)
    if resolution is not None and not any(g.rows for g in groups):
        groups = progress_table(unit, p)
    date = conference.date if conference else (today or dt.date.today())
    subject = f"kết quả thực hiện {_resolution_phrase(resolution)} {p.label('vi')}, phương hướng, nhiệm vụ {next_period_label(p)}"
    meta = dc.DocumentMeta(
        family=family,
        issuer=issuer_for(unit, family),
        number=dc.DocumentNumber(type_code="BC"),
        date=date,
        type_name="BÁO CÁO",
        subject=subject,
        draft=True,
    )
    limitations, tasks, previous = (), (), ()
    if conference is not None:
        limitations = tuple(
            dc.Limitation(text=lim.text, causes=(lim.cause,) if lim.cause else ())
            for lim in conference.limitations.all()
        )
        tasks = tuple(
            dc.Task(
                text=t.text, owner=t.owner_text or (t.owner.full_name if t.owner else ""), deadline=t.deadline
            )
            for t in conference.tasks.select_related("owner")
        )
        prev = previous_conference(conference)
        if prev is not None:
            previous = tuple(
                dc.PreviousTask(
                    text=t.text,
                    status=TASK_STATUS_VI[t.effective_status(conference.date)],
                    note=(t.updates.order_by("-date", "-id").first().text if t.updates.exists() else ""),
                )
                for t in prev.tasks.all()
            )
    intro = ()
    if resolution is not None:
        intro = (
            f"Thực hiện {resolution.title}, {p.label('vi')}, {issuer_for(unit, family).display_name} báo cáo kết quả "
            f"thực hiện như sau:",
        )
    signer = _signer(conference, family)
    if family == "state":
        signature = dc.Signature(authority=("TM. ỦY BAN NHÂN DÂN",), title="CHỦ TỊCH", name=signer)
        recipients = (
            f"UBND {full_name(unit.parent)} (để b/c)" if unit.parent else "Cấp trên (để b/c)",
            f"Thường trực {unit.party_committee}" if unit.party_committee else "Thường trực cấp ủy",
            "Lưu: VT, VP",
        )
    else:
        signature = dc.Signature(authority=("T/M BAN THƯỜNG VỤ",), title="BÍ THƯ", name=signer)
        upper = "Tỉnh ủy" if unit.parent and unit.parent.kind in {"province", "city"} else "cấp ủy cấp trên"
        recipients = (
            f"Ban Thường vụ {upper} (để b/c)",
            f"Các đồng chí Ủy viên Ban Chấp hành Đảng bộ {full_name(unit)}",
            f"Lưu Văn phòng {unit.party_committee or 'cấp ủy'}",
        )
    return dc.ReportContext(
        meta=meta,
        period_label=p.label("vi"),
        fields=_sections(groups),
        signature=signature,
        recipients=recipients,
        intro=intro,
        limitations=limitations,
        tasks=tasks,
        previous_tasks=previous,
        appendix=_appendix(groups, p),
    )


def _resolution_phrase(resolution: Resolution | None) -> str:
    if resolution is None:
        return "nhiệm vụ"
    if resolution.kind == ResolutionKind.CONGRESS:
        return "Nghị quyết Đại hội"
    return "Nghị quyết"


def build_notice(conference: Conference, *, family: str = "party") -> dc.NoticeContext:
    unit = conference.unit
    body = BODY_VI.get(conference.body, "")
    ordinal = f" lần thứ {conference.ordinal}" if conference.ordinal else ""
    term = f", nhiệm kỳ {conference.term.start_year}-{conference.term.end_year}" if conference.term else ""
    meta = dc.DocumentMeta(
        family=family,
        issuer=issuer_for(unit, family),
        number=dc.DocumentNumber(type_code="TB"),
        date=conference.date,
        type_name="THÔNG BÁO",
        subject=f"kết luận của {body} tại Hội nghị{ordinal}{term}",
        draft=True,
    )
    chairs = [
        f"đồng chí {a.person.full_name}" + (f", {a.title}" if a.title else "")
        for a in conference.attendances.select_related("person").filter(role=Role.CHAIR)
    ]
    when = f"Ngày {conference.date.day}/{conference.date.month}/{conference.date.year}"
    review = (
        f" đánh giá kết quả thực hiện nhiệm vụ {parse_period(conference.period).label('vi')}"
        if conference.period
        else ""
    )
    intro = [
        f"{when}, {body} {issuer_for(unit, family).display_name} tổ chức Hội nghị{ordinal}{term}{review}."
    ]
    if chairs:
        intro.append("Chủ trì hội nghị: " + "; ".join(chairs) + ".")
    conclusions = [
        dc.Conclusion(text=lim.text, details=(f"Nguyên nhân: {lim.cause}",) if lim.cause else ())
        for lim in conference.limitations.all()
    ]
    tasks = tuple(
        dc.Task(
            text=t.text, owner=t.owner_text or (t.owner.full_name if t.owner else ""), deadline=t.deadline
        )
        for t in conference.tasks.select_related("owner")
    )
    signer = _signer(conference, "party")
    return dc.NoticeContext(
        meta=meta,
        signature=dc.Signature(authority=("T/M BAN THƯỜNG VỤ",), title="BÍ THƯ", name=signer),
        recipients=(
            "Các đồng chí Ủy viên Ban Chấp hành",
            "Các chi, đảng bộ trực thuộc",
            f"Lưu Văn phòng {unit.party_committee or 'cấp ủy'}",
        ),
        intro=tuple(intro),
        conclusions_lead=f"{body} kết luận, chỉ ra những tồn tại, hạn chế cần khắc phục:"
        if conclusions
        else "",
        conclusions=tuple(conclusions),
        tasks=tasks,
    )
