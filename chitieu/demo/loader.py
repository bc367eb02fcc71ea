"""Load the demo: the catalogue, the units, the five seed reviews' figures, targets and conferences from
chitieu's own facts (facts.py), and a draft report for each. Where the articles are at hand (a folder
given to ``chitieu demo --articles``, by default settings.CHITIEU_DEMO_ARTICLES), each is also filed in
the document inbox and every figure linked to its span. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from chitieu.audit.context import demo_load
from chitieu.audit.services import record, snapshot
from chitieu.extraction import normalise
from chitieu.inbox.choices import Decision
from chitieu.inbox.models import SourceDocument
from chitieu.inbox.services import candidate_drop, candidate_link, document_ingest, text_sha256
from chitieu.indicators.choices import ResolutionKind
from chitieu.indicators.models import Indicator, MeasureUnit, Resolution
from chitieu.lib.periods import parse_period
from chitieu.lib.vnnum import format_number
from chitieu.meetings import services as meetings
from chitieu.meetings.choices import Role
from chitieu.meetings.models import Conference
from chitieu.orgs.models import Term, Unit
from chitieu.reporting.choices import ResultSource
from chitieu.reporting.models import ReportingSetup, Result
from chitieu.reporting.services import (
    DerivableShare,
    StatedInput,
    derivable_shares,
    result_save,
    target_save,
    targets_derive,
)

from .catalogue import INDICATORS, MEASURE_UNITS
from .facts import REVIEWS, Figure, Review
from .seeds import UNITS

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"  # printed in the README; a demo, not a deployment


class DemoError(RuntimeError):
    pass


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    reports: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, kind: str, created: bool, changed: bool = False) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1
        elif changed:
            self.changed[kind] = self.changed.get(kind, 0) + 1

    def summary(self) -> str:
        made = ", ".join(f"{n} {k}" for k, n in sorted(self.created.items())) or "nothing new"
        upd = ", ".join(f"{n} {k}" for k, n in sorted(self.changed.items())) or "nothing"
        return f"created {made}; updated {upd}"


def _upsert(model, lookup: dict, values: dict, report: LoadReport, kind: str, actor=None):
    """Create or update a catalogue row, with its audit entry (the demo loader acts as a service here)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        report.add(kind, True)
        record(actor=actor, action="create", obj=obj, before=None, after=snapshot(obj), unit=_unit_of(obj))
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        before = snapshot(obj)
        for k in changed:
            setattr(obj, k, values[k])
        obj.full_clean()
        obj.save(update_fields=changed)
        report.add(kind, False, True)
        record(actor=actor, action="update", obj=obj, before=before, after=snapshot(obj), unit=_unit_of(obj))
    return obj


def _unit_of(obj):
    if isinstance(obj, Unit):
        return obj
    return getattr(obj, "unit", None)


def load_catalogue(report: LoadReport) -> None:
    for code, symbol, symbol_en, dim, factor in MEASURE_UNITS:
        _upsert(
            MeasureUnit,
            {"code": code},
            {"symbol": symbol, "symbol_en": symbol_en, "dimension": dim, "factor": factor},
            report,
            "units of measure",
        )
    units = {m.code: m for m in MeasureUnit.objects.all()}
    refs = {"parent", "child_indicator", "weight_indicator"}
    pending: dict[str, dict] = {}
    for code, name, name_en, mu, fld, measure, agg, extra in INDICATORS:
        plain = {k: v for k, v in extra.items() if k not in refs}
        _upsert(
            Indicator,
            {"code": code},
            {
                "name": name,
                "name_en": name_en,
                "measure_unit": units[mu],
                "field": fld,
                "measure": measure,
                "aggregation": agg,
                **plain,
            },
            report,
            "indicators",
        )
        if refs & extra.keys():
            pending[code] = {k: extra[k] for k in refs & extra.keys()}
    by_code = {i.code: i for i in Indicator.objects.all()}
    for code, links in pending.items():
        ind = by_code[code]
        wanted = {k: by_code[v] for k, v in links.items()}
        changed = [k for k, v in wanted.items() if getattr(ind, k) != v]
        if changed:
            for k in changed:
                setattr(ind, k, wanted[k])
            ind.save(update_fields=changed)


def load_units(report: LoadReport) -> None:
    for code, name, kind, parent, start, end, committee, abbrev, note in UNITS:
        parent_obj = Unit.objects.get(code=parent) if parent else None
        _upsert(
            Unit,
            {"code": code},
            {
                "name": name,
                "kind": kind,
                "parent": parent_obj,
                "valid_from": start,
                "valid_to": end,
                "party_committee": committee,
                "party_abbrev": abbrev,
                "note": note,
            },
            report,
            "units",
        )
    for root in Unit.objects.filter(parent__isnull=True):
        _upsert(ReportingSetup, {"unit": root}, {"window_rule": "nd09"}, report, "reporting setups")


def article_text(review: Review, articles: Path | None, report: LoadReport) -> str | None:
    """The article a review comes from, when a folder of articles is given and holds it unchanged.
    A missing or different article is a one-line warning: the demo loads from its own facts anyway."""
    if articles is None:
        return None
    path = articles / review.article
    if not path.is_file():
        report.warnings.append(f"{path}: not found; {review.unit} is loaded without its article")
        return None
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != review.article_sha256:
        report.warnings.append(
            f"{path}: not the article the demo expects (its content differs); "
            f"{review.unit} is loaded without it"
        )
        return None
    return data.decode("utf-8")


def _number_at(text: str, written: str, start: int) -> tuple[int, int] | None:
    """Where a number as written first occurs at or after ``start``, not inside a longer number."""
    m = re.compile(r"(?<![\d.,])" + re.escape(written) + r"(?![\d]|[.,]\d)").search(text, start)
    return (m.start(), m.end()) if m else None


def _percent_written(percent: str) -> str:
    return format_number(Decimal(percent))


def file_article(review: Review, unit: Unit, text: str, report: LoadReport, actor) -> SourceDocument:
    """The article in the document inbox, read by the extractor like any other document."""
    doc = SourceDocument.objects.filter(sha256=text_sha256(normalise(text))).first()
    if doc is None:
        doc = document_ingest(actor=actor, unit=unit, period=review.period, title=review.title, text=text)
        doc.origin = SourceDocument.Origin.DEMO
        doc.filename = review.article
        doc.save(update_fields=["origin", "filename"])
        report.add("documents", True)
    return doc


def load_review(
    review: Review, report: LoadReport, actor, today: dt.date, articles: Path | None
) -> tuple[Unit, SourceDocument | None, Resolution]:
    unit = Unit.objects.get(code=review.unit)
    start, end, ordinal = review.term
    term = _upsert(
        Term,
        {"unit": unit, "start_year": start},
        {"end_year": end, "congress_ordinal": ordinal},
        report,
        "terms",
    )
    r = review.resolution
    resolution = _upsert(
        Resolution,
        {"unit": unit, "title": r["title"]},
        {
            "body": r["body"],
            "kind": r["kind"],
            "year": r.get("year"),
            "term": term if r["kind"] == ResolutionKind.CONGRESS else None,
            "note": r.get("note", ""),
        },
        report,
        "resolutions",
    )
    text = article_text(review, articles, report)
    doc = file_article(review, unit, text, report, actor) if text is not None else None
    indicators = {i.code: i for i in Indicator.objects.select_related("measure_unit")}
    units = {u.code: u for u in Unit.objects.filter(code__in={f.unit for f in review.figures if f.unit})}
    results: dict[str, tuple[Result, tuple[int, int] | None]] = {}
    cursor = 0
    for fig in review.figures:
        span = _number_at(doc.text, fig.written, cursor) if doc is not None and fig.written else None
        if span is not None:
            cursor = span[1]
        fig_unit = units[fig.unit] if fig.unit else unit
        result = _figure_save(
            review, fig, fig_unit, indicators[fig.indicator], doc, span, report, actor, today
        )
        shares = [
            DerivableShare(s, _percent_span(doc, s, span))
            for s in derivable_shares(_stated(fig), result.value)
        ]
        for _target in targets_derive(
            actor=actor,
            result=result,
            shares=shares,
            resolution=resolution if fig_unit == unit else None,
            source_document=doc,
        ):
            report.add("targets", True)
        results[fig.indicator] = (result, span)
    for flag, standing, count in review.standings:
        _standings_save(review, indicators[flag], standing, results[count], doc, report, actor, today)
    _numbered_targets_save(review, unit, resolution, indicators, report, actor)
    if doc is not None:
        _decide_candidates(doc, [res for res, span in results.values() if span], actor)
    return unit, doc, resolution


def _stated(fig: Figure) -> list[StatedInput]:
    return [
        StatedInput(
            basis=s.basis, kind=s.kind, percent=Decimal(s.percent), basis_label=s.label, qualifier=s.qualifier
        )
        for s in fig.stated
    ]


def _percent_span(doc: SourceDocument | None, stated: StatedInput, span) -> tuple[int, int] | None:
    if doc is None or span is None:
        return None
    return _number_at(doc.text, _percent_written(str(stated.percent)), span[0])


def _sentence(doc: SourceDocument | None, span) -> str:
    """The sentence the extractor read the figure from (kept with the result as its source text)."""
    if doc is None or span is None:
        return ""
    cand = doc.candidates.filter(start__lte=span[0], end__gte=span[1]).order_by("index").first()
    return cand.sentence if cand is not None else ""


def _figure_save(review, fig: Figure, unit: Unit, indicator, doc, span, report, actor, today) -> Result:
    existing = Result.objects.filter(indicator=indicator, unit=unit, period=review.period).first()
    before = existing.version if existing else None
    result = result_save(
        actor=actor,
        indicator=indicator,
        unit=unit,
        period=review.period,
        value=Decimal(fig.value) if fig.value is not None else None,
        denominator=Decimal(fig.denominator) if fig.denominator is not None else None,
        status=fig.status or review.status or "actual",
        qualifier=fig.qualifier,
        note=review.note,
        source=ResultSource.EXTRACTED if span else ResultSource.DEMO,
        source_ref=review.title[:300],
        source_text=_sentence(doc, span),
        source_document=doc if span else None,
        source_span=span,
        stated=_stated(fig),
        today=today,
    ).object
    report.add("results", before is None, before is not None and result.version != before)
    return result


def _numbered_targets_save(
    review: Review, unit: Unit, resolution: Resolution, indicators, report, actor
) -> None:
    """The resolution's numbered targets (chỉ tiêu 1…n) and their dated adjustments, idempotently."""
    from chitieu.indicators.models import Amendment
    from chitieu.indicators.services import amendment_create

    period = resolution.period_code
    by_number = {}
    for nt in review.targets:
        saved = target_save(
            actor=actor,
            indicator=indicators[nt.indicator],
            unit=unit,
            period=period,
            basis="resolution",
            # a later run must not undo an adjustment: the value in force stays
            value=_in_force(resolution, nt.number) or Decimal(nt.value),
            kind=nt.kind,
            resolution=resolution,
            basis_label="Nghị quyết",
            note=nt.note,
            number=nt.number,
            illustrative=nt.illustrative,
        )
        report.add("targets", saved.created, saved.changed and not saved.created)
        by_number[nt.number] = saved.object
    for adj in review.adjustments:
        if Amendment.objects.filter(resolution=resolution, date=adj.date).exists():
            continue
        amendment_create(
            actor=actor,
            resolution=resolution,
            date=adj.date,
            body=adj.body,
            reason=adj.reason,
            changes=[(by_number[n], Decimal(v)) for n, v in adj.changes],
            illustrative=adj.illustrative,
            note=adj.note,
        )
        report.add("amendments", True)


def _in_force(resolution: Resolution, number: int) -> Decimal | None:
    from chitieu.indicators.models import AmendedTarget

    change = (
        AmendedTarget.objects.filter(target__resolution=resolution, target__number=number)
        .order_by("-amendment__date")
        .first()
    )
    return change.new_value if change is not None else None


# The demo's own rule beside the defaults: Kinh Môn's production value is the sum of its three sectors.
DEMO_RULES = [
    {
        "name": "Tổng giá trị sản xuất bằng tổng ba khu vực",
        "kind": "parts_sum",
        "severity": "soft",
        "indicator": "gtsx",
        "parts": ["gtsx-nlts", "gtsx-cnxd", "gtsx-dv"],
        "tolerance": Decimal("0.5"),
    },
]


def load_rules(report: LoadReport, actor) -> None:
    from chitieu.validation.defaults import ensure_default_rules
    from chitieu.validation.models import Rule
    from chitieu.validation.services import rule_save

    for _n in range(ensure_default_rules()):
        report.add("validation rules", True)
    for spec in DEMO_RULES:
        if Rule.objects.filter(name=spec["name"]).exists():
            continue
        data = {k: v for k, v in spec.items() if k != "parts"}
        rule_save(actor=actor, data=data, parts=spec["parts"])
        report.add("validation rules", True)


STANDING_NOTE = "Suy ra từ “{written}” và tên xã còn lại nêu trong bài."


def _standings_save(review, flag, standing: dict[str, int], count, doc, report, actor, today) -> None:
    """Each commune's standing behind an "X/Y xã đạt chuẩn" figure (the count's source, if any)."""
    count_result, span = count
    communes = {u.code: u for u in Unit.objects.filter(code__in=standing)}
    written = f"{int(count_result.value)}/{int(count_result.denominator)}"
    for code, value in standing.items():
        existing = Result.objects.filter(indicator=flag, unit=communes[code], period=review.period).first()
        before = existing.version if existing else None
        result = result_save(
            actor=actor,
            indicator=flag,
            unit=communes[code],
            period=review.period,
            value=Decimal(value),
            source=ResultSource.EXTRACTED if span else ResultSource.DEMO,
            source_document=doc if span else None,
            source_span=span,
            source_ref=review.title[:300],
            source_text=_sentence(doc, span),
            note=STANDING_NOTE.format(written=written),
            today=today,
        ).object
        report.add("results", before is None, before is not None and result.version != before)


def _decide_candidates(doc: SourceDocument, results: list[Result], actor) -> None:
    """The inbox as a reviewer leaves it: each figure the demo holds accepted (linked to its result),
    everything else the extractor proposed dropped."""
    pending = list(doc.candidates.filter(decision=Decision.PENDING).order_by("index"))
    linked: set[int] = set()
    for res in results:
        cand = next((c for c in pending if c.pk not in linked and c.start <= res.source_start < c.end), None)
        if cand is not None:
            candidate_link(actor=actor, candidate=cand, result=res)
            linked.add(cand.pk)
    for cand in pending:
        if cand.pk not in linked:
            candidate_drop(actor=actor, candidate=cand)


def record_conference(
    review: Review, unit: Unit, doc: SourceDocument | None, resolution: Resolution, report: LoadReport, actor
) -> Conference:
    spec = review.conference
    existing = Conference.objects.filter(unit=unit, date=spec.date, body=spec.body).first()
    if existing is not None:
        if doc is not None and existing.source_document_id is None:
            existing.source_document = doc
            existing.save(update_fields=["source_document"])
            report.add("conferences", False, True)
        return existing
    term = unit.terms.filter(start_year__lte=spec.date.year, end_year__gte=spec.date.year).first()
    conf = meetings.conference_create(
        actor=actor,
        unit=unit,
        body=spec.body,
        date=spec.date,
        term=term,
        ordinal=spec.ordinal,
        propose_ordinal=False,
        kind=spec.kind,
        title=review.title,
        period=review.period,
        resolution=resolution,
        minutes=spec.minutes,
        source_document=doc,
    )
    report.add("conferences", True)
    for order, official in enumerate(spec.officials):
        meetings.attendance_add(
            actor=actor,
            conference=conf,
            person=meetings.person_get_or_create(official.name),
            role=Role(official.role),
            title=" - ".join(official.titles),
            order=order,
        )
    meetings.agenda_set(actor=actor, conference=conf, items=list(spec.agenda))
    for title, who in spec.presented:
        meetings.document_present(
            actor=actor, conference=conf, title=title, presenter=meetings.person_get_or_create(who)
        )
    codes = {i.code: i for i in Indicator.objects.all()}
    for text, inds in spec.limitations:
        meetings.limitation_add(actor=actor, conference=conf, text=text, indicators=[codes[c] for c in inds])
    for text, owner, deadline in spec.tasks:
        meetings.task_create(
            actor=actor, text=text, unit=unit, conference=conf, owner_text=owner, deadline=deadline
        )
    for v in spec.votes:
        meetings.vote_record(
            actor=actor,
            conference=conf,
            matter=v.matter,
            outcome=v.outcome,
            personnel=v.personnel,
            details=[{"bloc": bloc, "members": n} for bloc, n in v.blocs],
        )
    return conf


def ensure_demo_user(report: LoadReport):
    User = get_user_model()
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(DEMO_USERNAME, "", DEMO_PASSWORD)
        report.add("users", True)
    return user


def default_articles() -> Path | None:
    """The folder of seed articles the demo links to when none is given, if it exists."""
    configured = settings.CHITIEU_DEMO_ARTICLES
    return Path(configured) if configured and Path(configured).is_dir() else None


@transaction.atomic
def load_demo(
    *, today: dt.date | None = None, reports_dir: Path | None = None, articles: Path | None = None
) -> LoadReport:
    """Load the demo. ``articles``: a folder holding the seed articles, to file and link them. The
    audit rows it writes are marked as the demo's load (the history of changes shows them apart)."""
    with demo_load():
        return _load_demo(today=today, reports_dir=reports_dir, articles=articles)


def _load_demo(*, today: dt.date | None, reports_dir: Path | None, articles: Path | None) -> LoadReport:
    report = LoadReport()
    today = today or dt.date.today()
    if articles is not None and not articles.is_dir():
        raise DemoError(f"{articles}: not a folder of articles")
    actor = ensure_demo_user(report)
    load_catalogue(report)
    load_rules(report, actor)
    load_units(report)
    conferences = []
    for review in REVIEWS:
        unit, doc, resolution = load_review(review, report, actor, today, articles)
        conferences.append((record_conference(review, unit, doc, resolution, report, actor), resolution))
    load_lineage(report, actor)
    for root in Unit.objects.filter(parent__isnull=True):
        _upsert(ReportingSetup, {"unit": root}, {"window_rule": "nd09"}, report, "reporting setups")
    if reports_dir is not None:
        report.reports = write_reports(conferences, reports_dir)
    return report


LINEAGE_CSV = Path(__file__).resolve().parent / "data" / "vinh-hung-2025-illustrative.csv"
ILLUSTRATIVE_NOTE = (
    "Sắp xếp MINH HỌA cho dữ liệu mẫu: các xã cũ của huyện Vĩnh Hưng được ghép theo phương án giả định, "
    "không phải danh sách chính thức của Ủy ban Thường vụ Quốc hội."
)


def load_lineage(report: LoadReport, actor) -> None:
    """An illustrative 2025 mapping of Vĩnh Hưng's old communes into new ones (clearly labelled as such)."""
    from chitieu.orgs.lineage import load

    if Unit.objects.filter(code="tay-ninh").exists():
        return
    result = load(LINEAGE_CSV.read_text(encoding="utf-8"), actor=actor)
    Unit.objects.filter(code__in=result.created_units).update(note=ILLUSTRATIVE_NOTE)
    report.add("lineage edges", True)
    for _code in result.created_units:
        report.add("units", True)


def write_reports(conferences, out: Path) -> list[Path]:
    """A draft report (.docx) for each seed's conference."""
    from chitieu.documents import render_report_docx
    from chitieu.documents.builder import build_report

    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for conf, resolution in conferences:
        ctx = build_report(unit=conf.unit, resolution=resolution, period=conf.period, conference=conf)
        path = out / f"bao-cao-{conf.unit.code}-{parse_period(conf.period).code}.docx"
        render_report_docx(ctx, path)
        paths.append(path)
    return paths
