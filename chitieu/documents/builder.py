"""Build the documents' plain contexts from the database: the draft report of a unit, a resolution
and a period (Party or State family), its appendix, and a conference's conclusions notice.

Documents are written in Vietnamese whatever the reader's interface language: they are official.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.db.models import Prefetch

from chitieu.documents import context as dc
from chitieu.documents import wording as w
from chitieu.indicators.choices import BASIS_ORDER, Aggregation, Dimension, Measure, ResolutionKind
from chitieu.indicators.models import Indicator, Resolution
from chitieu.lib.periods import Period, PeriodKind, parse_period
from chitieu.lib.vnnum import format_number
from chitieu.meetings.choices import Role
from chitieu.meetings.models import Conference, TaskUpdate
from chitieu.meetings.selectors import previous_conference
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_ids
from chitieu.reporting.choices import ResultStatus
from chitieu.reporting.models import Result
from chitieu.reporting.selectors import ProgressRow, progress_table, resolution_scorecard


class ReportError(ValueError):
    """A report that cannot be written, with a message for the user (Vietnamese)."""


def full_name(unit: Unit) -> str:
    return w.full_name(unit.name, unit.kind)


def short_name(unit: Unit) -> str:
    return w.short_name(unit.name, unit.kind)


next_period_label = w.next_period_label
BASIS_VI, FIELD_VI, STATUS_VI, TASK_STATUS_VI, BODY_VI = (
    w.BASIS_VI,
    w.FIELD_VI,
    w.STATUS_VI,
    w.TASK_STATUS_VI,
    w.BODY_VI,
)


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


def _component_name(parent_name: str, name: str) -> str:
    stem = parent_name.lower().removeprefix("tổng ").strip()
    if name.lower().startswith(stem):
        rest = name[len(stem) :].strip(" :-")
        if rest:
            return rest
    return name[:1].lower() + name[1:]


def _percent_of(cell) -> Decimal | None:
    if cell.assessment is not None and cell.assessment.percent is not None:
        return cell.assessment.percent
    return cell.stated_percent


def _pace_note(cell) -> str:
    a = cell.assessment
    if a is None:
        return ""
    note = w.pace_phrase(a.status) if a.on_pace else ""
    return note


def _comparisons(row: ProgressRow) -> tuple[dc.Comparison, ...]:
    out = []
    for cell in row.bases:
        pct = _percent_of(cell)
        if pct is None:
            continue
        label = (
            cell.target.basis_label if cell.target and cell.target.basis_label else cell.written
        ) or BASIS_VI.get(cell.basis, cell.basis)
        if cell.assessment is not None and cell.assessment.on_pace and cell.target_period is not None:
            if cell.target_period.kind is PeriodKind.YEAR and "năm" not in label:
                label = f"{label} năm"
            elif cell.target_period.kind is PeriodKind.TERM and "nhiệm kỳ" not in label:
                label = f"{label} nhiệm kỳ"
        out.append(
            dc.Comparison(
                basis=label,
                kind="of",
                percent=_round(pct, cell.decimals),
                decimals=cell.decimals,
                qualifier="over"
                if cell.stated_qualifier == "over" and cell.stated_percent is not None
                else None,
                note=_pace_note(cell),
            )
        )
    if row.change is not None:
        decimals = 2 if row.change_is_points else 1
        if row.change_stated:
            decimals = _decimals(row.change)
        out.append(
            dc.Comparison(
                basis="cùng kỳ",
                kind="points" if row.change_is_points else "change",
                percent=_round(row.change, decimals),
                decimals=decimals,
            )
        )
    return tuple(out)


def _decimals(percent: Decimal) -> int:
    exp = percent.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 1


def _tidy(value: Decimal) -> Decimal:
    """A target as a table shows it: at most one decimal (derived targets carry more)."""
    return value.quantize(Decimal("0.1")).normalize()


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals))


def _unit_symbol(ind) -> str:
    return ind.measure_unit.symbol if ind.measure_unit.code != "dat-chuan" else ""


def _figure(row: ProgressRow, *, name: str | None = None) -> dc.Figure:
    res = row.result
    ind = row.indicator
    is_count = ind.measure == Measure.COUNT_MEETING
    value = res.value if res else None
    denominator = res.denominator if res and is_count else None
    note = ""
    if value is None and row.rollup_count:
        value, denominator = Decimal(row.rollup_count[0]), Decimal(row.rollup_count[1])
    elif value is not None and row.rollup is not None and row.rollup.value is not None and not is_count:
        below = row.rollup.value
        if abs(below - value) > Decimal("0.0001") * max(abs(value), 1):
            note = f"Tổng hợp từ các đơn vị trực thuộc: {format_number(_tidy(below))} {_unit_symbol(ind)}".strip()
    if ind.measure_unit.code == "dat-chuan" and value is not None:
        return dc.Figure(
            indicator=name or ind.name,
            value=None,
            comparisons=(),
            note="Đạt chuẩn." if value >= (ind.threshold or 1) else "Chưa đạt chuẩn.",
        )
    return dc.Figure(
        indicator=name or ind.name,
        value=value,
        unit=_unit_symbol(ind),
        denominator=denominator,
        decimals=_decimals(value) if value is not None else None,
        status="estimate" if res and res.status == ResultStatus.ESTIMATE else "actual",
        qualifier=(res.qualifier or None) if res else None,
        verb="là" if ind.measure_unit.dimension == Dimension.PERCENT and value is not None else "đạt",
        comparisons=_comparisons(row),
        note=note,
    )


def _sections(
    groups, below: dict[str, list[dc.Figure]], paragraphs: dict[str, list[str]]
) -> tuple[dc.FieldSection, ...]:
    sections = []
    known = {g.field for g in groups}
    fields = [g.field for g in groups] + [f for f in {**below, **paragraphs} if f not in known]
    by_field = {g.field: g for g in groups}
    for fld in fields:
        g = by_field.get(fld)
        figures: list[dc.Figure] = []
        rows = list(g.rows) if g else []
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
        figures += below.get(fld, [])
        heading = FIELD_VI.get(fld, g.label if g else fld)
        sections.append(
            dc.FieldSection(
                heading=heading, figures=tuple(figures), paragraphs=tuple(paragraphs.get(fld, ()))
            )
        )
    return tuple(sections)


def _appendix(groups, period: Period, below_rows: dict[str, list[dc.AppendixRow]]) -> dc.Appendix:
    present = [b for b in BASIS_ORDER if any(c.basis == b for g in groups for r in g.rows for c in r.bases)]
    out_groups = []
    marks = set()
    by_field = {g.field: g for g in groups}
    for fld in [g.field for g in groups] + [f for f in below_rows if f not in by_field]:
        g = by_field.get(fld)
        rows = []
        for r in g.rows if g else []:
            by_basis = {c.basis: c for c in r.bases}
            targets = []
            for b in present:
                c = by_basis.get(b)
                if c is None:
                    targets.append(None)
                    continue
                pct = _percent_of(c)
                t = dc.AppendixTarget(
                    target=_tidy(c.target_value) if c.target is not None else None,
                    percent=_round(pct, c.decimals) if pct is not None else None,
                    decimals=c.decimals,
                    qualifier="over" if c.stated_qualifier == "over" else None,
                    derived=c.derived,
                    stated=c.stated_percent is not None,
                    illustrative=bool(c.target is not None and c.target.illustrative),
                )
                marks |= {m for m, on in (("*", t.derived), ("†", t.stated), ("‡", t.illustrative)) if on}
                targets.append(t)
            fig = _figure(r)
            rows.append(
                dc.AppendixRow(
                    indicator=r.indicator.name,
                    unit=_unit_symbol(r.indicator),
                    value=fig.value if fig.value is not None else (r.result.value if r.result else None),
                    denominator=fig.denominator,
                    targets=tuple(targets),
                    change=r.change,
                    change_kind="points" if r.change_is_points else "percent",
                    status=STATUS_VI[r.status],
                    value_status=fig.status,
                    level=min(r.depth, 1),
                    qualifier=fig.qualifier,
                    decimals=fig.decimals,
                    percent_decimals=_decimals(r.change)
                    if r.change_stated and r.change is not None
                    else None,
                )
            )
        rows += below_rows.get(fld, [])
        out_groups.append(
            dc.AppendixGroup(heading=FIELD_VI.get(fld, g.label if g else fld), rows=tuple(rows))
        )
    notes = [
        text
        for mark, text in (("*", w.DERIVED_NOTE), ("†", w.STATED_NOTE), ("‡", w.ILLUSTRATIVE_NOTE))
        if mark in marks
    ]
    return dc.Appendix(
        bases=tuple(BASIS_VI[b][:1].upper() + BASIS_VI[b][1:] for b in present),
        groups=tuple(out_groups),
        period_label=period.label("vi"),
        note="\n".join(notes),
    )


def _figures_below(unit: Unit, p: Period) -> tuple[dict, dict, dict]:
    """Figures of the units below that do not roll up into this unit's (a commune's criteria count,
    "Xã Vĩnh Bình: 15/19 tiêu chí"), and the communes whose flag says they do not meet the standard —
    a review cites them, and the report leaves none out. Flags met are in the unit's X/Y count."""
    ids = [i for i in unit_subtree_ids(unit.pk, on=min(p.end, unit.valid_to or p.end)) if i != unit.pk]
    if not ids:
        return {}, {}, {}
    figures: dict[str, list[dc.Figure]] = {}
    rows: dict[str, list[dc.AppendixRow]] = {}
    results = (
        Result.objects.filter(unit_id__in=ids, period=p.code, indicator__aggregation=Aggregation.NONE)
        .select_related("indicator__measure_unit", "unit")
        .order_by("indicator__field", "indicator__sort_order", "unit__name")
    )
    missing_flags: dict[int, list[str]] = {}
    for r in results:
        ind = r.indicator
        if ind.threshold is not None and ind.measure_unit.code == "dat-chuan":
            if r.value is not None and r.value < ind.threshold:
                missing_flags.setdefault(ind.pk, []).append(r.unit.name)
            continue
        name = f"{r.unit.name}: {ind.name[:1].lower() + ind.name[1:]}"
        fig = dc.Figure(
            indicator=name,
            value=r.value,
            unit=_unit_symbol(ind),
            denominator=r.denominator if ind.measure == Measure.COUNT_MEETING else None,
            decimals=_decimals(r.value) if r.value is not None else None,
            status="estimate" if r.status == ResultStatus.ESTIMATE else "actual",
            qualifier=r.qualifier or None,
        )
        figures.setdefault(ind.field, []).append(fig)
        rows.setdefault(ind.field, []).append(
            dc.AppendixRow(
                indicator=name,
                unit=fig.unit,
                value=r.value,
                denominator=fig.denominator,
                value_status=fig.status,
                qualifier=fig.qualifier,
                decimals=fig.decimals,
            )
        )
    paragraphs: dict[str, list[str]] = {}
    if missing_flags:
        flags = {i.pk: i for i in Indicator.objects.filter(pk__in=list(missing_flags))}
        for pk, names in missing_flags.items():
            ind = flags[pk]
            paragraphs.setdefault(ind.field, []).append(
                f"Đơn vị chưa đạt chuẩn ({ind.name[:1].lower() + ind.name[1:]}): {', '.join(names)}."
            )
    return figures, rows, paragraphs


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
    show_personnel: bool = False,
) -> dc.ReportContext:
    """The draft report of a unit for a period: every figure the unit holds for it (and those of the
    units below that do not roll up), grouped by field, each with its comparisons, hedges and the
    precision reported; the conference's votes (personnel votes only when ``show_personnel``: the
    reader's role may see them), limitations, tasks and the previous conference's tasks."""
    p = parse_period(period)
    if not Result.objects.filter(unit=unit, period=p.code).exists():
        raise ReportError(
            f"{unit.name} chưa có kết quả nào cho {p.label('vi')}: hãy nhập hoặc nhập khẩu số liệu trước khi lập báo cáo."
        )
    as_of = conference.date if conference is not None and conference.date < p.end else None
    groups = progress_table(unit, p, as_of=as_of)  # every figure: a resolution filters nothing out
    below, below_rows, paragraphs = _figures_below(unit, p)
    date = conference.date if conference else (today or dt.date.today())
    subject = f"kết quả thực hiện {_resolution_phrase(resolution)} {p.label('vi')}, phương hướng, nhiệm vụ {w.next_period_label(p)}"
    meta = dc.DocumentMeta(
        family=family,
        issuer=issuer_for(unit, family),
        number=dc.DocumentNumber(type_code="BC"),
        date=date,
        type_name="BÁO CÁO",
        subject=subject,
        draft=True,
    )
    limitations, tasks, previous, decisions = (), (), (), ()
    if conference is not None:
        limitations = tuple(
            dc.Limitation(text=lim.text, causes=(lim.cause,) if lim.cause else ())
            for lim in conference.limitations.all()
        )
        tasks = _tasks(conference)
        previous = _previous_tasks(conference)
        decisions = _decisions(conference, show_personnel)
    intro = []
    if resolution is not None:
        intro.append(
            f"Thực hiện {resolution.title}, {p.label('vi')}, {issuer_for(unit, family).display_name} báo cáo kết quả "
            f"thực hiện như sau:"
        )
        card = resolution_scorecard(resolution, p, as_of=as_of)
        if card.total:
            stated = next(
                (
                    f"{'trên ' if r.result.qualifier == 'over' else ''}{format_number(r.result.value)}% các chỉ tiêu"
                    for g in groups
                    for r in g.rows
                    if r.indicator.code == STATED_SCORE_INDICATOR and r.result and r.result.value is not None
                ),
                "",
            )
            intro.append(
                w.scorecard_sentence(
                    card.met, card.total, resolution_phrase=_resolution_phrase(resolution), stated=stated
                )
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
        fields=_sections(groups, below, paragraphs),
        signature=signature,
        recipients=recipients,
        intro=tuple(intro),
        limitations=limitations,
        tasks=tasks,
        previous_tasks=previous,
        decisions=decisions,
        appendix=_appendix(groups, p, below_rows),
    )


# The figure a review types for "đạt trên 70% các chỉ tiêu", shown beside the share computed.
STATED_SCORE_INDICATOR = "chi-tieu-nq-dat"


def _tasks(conference: Conference) -> tuple[dc.Task, ...]:
    return tuple(
        dc.Task(
            text=t.text, owner=t.owner_text or (t.owner.full_name if t.owner else ""), deadline=t.deadline
        )
        for t in conference.tasks.select_related("owner")
    )


def _previous_tasks(conference: Conference) -> tuple[dc.PreviousTask, ...]:
    """What became of the previous conference's tasks: their updates read in one query."""
    prev = previous_conference(conference)
    if prev is None:
        return ()
    out = []
    for t in prev.tasks.prefetch_related(
        Prefetch("updates", queryset=TaskUpdate.objects.order_by("-date", "-id"))
    ):
        updates = list(t.updates.all())
        out.append(
            dc.PreviousTask(
                text=t.text,
                status=TASK_STATUS_VI[t.effective_status(conference.date)],
                note=updates[0].text if updates else "",
            )
        )
    return tuple(out)


def _decisions(conference: Conference, show_personnel: bool) -> tuple[str, ...]:
    """The conference's votes, one sentence each; personnel votes only for readers who may see them."""
    out = []
    for v in conference.votes.all():
        if v.personnel and not show_personnel:
            continue
        blocs = [(d.get("bloc", ""), d.get("members")) for d in v.details or [] if isinstance(d, dict)]
        out.append(
            w.vote_sentence(
                v.matter,
                v.outcome,
                [(b, n) for b, n in blocs if b and n is not None],
                (v.present, v.votes_for, v.votes_against, v.abstain),
            )
        )
    return tuple(out)


def _resolution_phrase(resolution: Resolution | None) -> str:
    if resolution is None:
        return "nhiệm vụ"
    if resolution.kind == ResolutionKind.CONGRESS:
        return "Nghị quyết Đại hội"
    return "Nghị quyết"


def build_notice(
    conference: Conference, *, family: str = "party", show_personnel: bool = False
) -> dc.NoticeContext:
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
    tasks = _tasks(conference)
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
        decisions=_decisions(conference, show_personnel),
        conclusions_lead=f"{body} kết luận, chỉ ra những tồn tại, hạn chế cần khắc phục:"
        if conclusions
        else "",
        conclusions=tuple(conclusions),
        tasks=tasks,
    )
