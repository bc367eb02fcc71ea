"""Load the demo: the catalogue, the units, and the five seed articles read through the same pipeline a
clerk uses (extractor → inbox → accept), with the scripted decisions of script.py. Then each article's
conference and a draft report for each. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from chitieu.audit.services import record, snapshot
from chitieu.extraction import normalise
from chitieu.inbox.models import Candidate, Decision, SourceDocument
from chitieu.inbox.services import candidate_accept, candidate_drop, document_ingest, text_sha256
from chitieu.indicators.models import Indicator, MeasureUnit, Resolution
from chitieu.lib.periods import parse_period
from chitieu.meetings import services as meetings
from chitieu.meetings.models import Conference, Role
from chitieu.orgs.models import Term, Unit
from chitieu.reporting.models import ReportingSetup, Result
from chitieu.reporting.services import result_save

from .catalogue import INDICATORS, MEASURE_UNITS
from .script import SCRIPT
from .seeds import UNITS

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"  # printed in the README; a demo, not a deployment
SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"


class DemoError(RuntimeError):
    pass


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    reports: list[Path] = field(default_factory=list)

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


def _seed_text(name: str) -> str:
    path = SEEDS_DIR / name
    if not path.is_file():
        raise DemoError(
            f"the seed article {path} is missing (the demo reads ../shared/seeds/ beside the project)"
        )
    return path.read_text(encoding="utf-8")


def _rule_for(candidate: Candidate, rules) -> tuple[str, dict] | None:
    for pattern, code, options in rules:
        if re.search(pattern, candidate.indicator_text, flags=re.IGNORECASE):
            return code, options
    return None


def read_seed(
    seed: dict, report: LoadReport, actor, today: dt.date
) -> tuple[Unit, SourceDocument, Resolution]:
    unit = Unit.objects.get(code=seed["unit"])
    start, end, ordinal = seed["term"]
    term = _upsert(
        Term,
        {"unit": unit, "start_year": start},
        {"end_year": end, "congress_ordinal": ordinal},
        report,
        "terms",
    )
    r = seed["resolution"]
    resolution = _upsert(
        Resolution,
        {"unit": unit, "title": r["title"]},
        {
            "body": r["body"],
            "kind": r["kind"],
            "year": r.get("year"),
            "term": term if r["kind"] == "congress" else None,
            "note": r.get("note", ""),
        },
        report,
        "resolutions",
    )
    text = _seed_text(seed["file"])
    doc = SourceDocument.objects.filter(sha256=text_sha256(normalise(text))).first()
    if doc is None:
        doc = document_ingest(actor=actor, unit=unit, period=seed["period"], title=seed["title"], text=text)
        doc.origin = SourceDocument.Origin.DEMO
        doc.filename = seed["file"]
        doc.save(update_fields=["origin", "filename"])
        report.add("documents", True)
    indicators = {i.code: i for i in Indicator.objects.all()}
    accepted: set[tuple[str, str]] = set()
    for cand in doc.candidates.order_by("index"):
        if cand.decision != Decision.PENDING:
            if cand.decision == Decision.ACCEPTED and cand.indicator_id:
                accepted.add((cand.indicator.code, cand.result.unit.code if cand.result else unit.code))
            continue
        rule = _rule_for(cand, seed["map"])
        if rule is None:
            candidate_drop(actor=actor, candidate=cand)
            continue
        code, options = rule
        fig_unit = Unit.objects.get(code=options["unit"]) if options.get("unit") else unit
        if (code, fig_unit.code) in accepted:
            candidate_drop(actor=actor, candidate=cand)  # the same figure repeated (a photo caption)
            continue
        candidate_accept(
            actor=actor,
            candidate=cand,
            indicator=indicators[code],
            unit=fig_unit,
            status=seed.get("status"),
            resolution=resolution if fig_unit == unit else None,
            note=seed.get("note", ""),
            today=today,
        )
        accepted.add((code, fig_unit.code))
        report.add("results", True)
        if options.get("communes_flag"):
            _commune_flags(
                cand, doc, unit, indicators[code], indicators[options["communes_flag"]], actor, report, today
            )
    return unit, doc, resolution


def _commune_flags(
    cand: Candidate, doc: SourceDocument, unit: Unit, count: Indicator, flag: Indicator, actor, report, today
) -> None:
    """Each commune's standing behind an "X/Y xã đạt chuẩn" figure: the communes the text names as still
    waiting ("còn lại xã …") have not met the standard, the others have — kept only when that agrees
    with the extracted X/Y."""
    kinds = {k.strip() for k in count.child_kinds.split(",") if k.strip()} or {"commune"}
    communes = [c for c in unit.children.all() if c.kind in kinds]
    waiting = set()
    for m in re.finditer(r"còn lại\s+", doc.text, flags=re.IGNORECASE):
        after = doc.text[m.end() : m.end() + 80].lower()
        named = [c for c in communes if after.startswith(c.name.lower())]
        if named:  # "xã Tuyên Bình Tây", not its prefix "xã Tuyên Bình"
            waiting.add(max(named, key=lambda c: len(c.name)).pk)
    met = len(communes) - len(waiting)
    if (
        cand.value is None
        or cand.denominator is None
        or (int(cand.value), int(cand.denominator)) != (met, len(communes))
    ):
        return
    for c in communes:
        value = 0 if c.pk in waiting else 1
        existing = Result.objects.filter(indicator=flag, unit=c, period=doc.period).first()
        if existing is not None and existing.value == value:
            continue
        result_save(
            actor=actor,
            indicator=flag,
            unit=c,
            period=doc.period,
            value=value,
            source="extracted",
            source_document=doc,
            source_span=(cand.start, cand.end),
            source_ref=doc.title[:300],
            source_text=cand.sentence,
            note=f"Suy ra từ “{doc.text[cand.start : cand.end]}” và tên xã còn lại nêu trong bài.",
            today=today,
        )
        report.add("results", existing is None, existing is not None)


def _is_from_above(titles: list[str], unit: Unit) -> bool:
    """An official whose titles all name the level above the unit (invited from above)."""
    own = {
        "district": ("huyện",),
        "town": ("thị xã", "thị ủy", "thị uỷ"),
        "township": ("thị trấn",),
        "commune": ("xã",),
        "ward": ("phường",),
        "provincial_city": ("thành phố", "thành ủy", "thành uỷ"),
    }
    upper = {
        "district": ("tỉnh",),
        "town": ("tỉnh",),
        "provincial_city": ("tỉnh",),
        "township": ("huyện",),
        "commune": ("huyện", "tỉnh"),
        "ward": ("quận", "thành phố", "tỉnh"),
    }
    low = [t.lower() for t in titles]
    if any(w in t for t in low for w in own.get(unit.kind, ())):
        return False
    return any(w in t for t in low for w in upper.get(unit.kind, ()))


def record_conference(
    seed: dict, unit: Unit, doc: SourceDocument, resolution: Resolution, report: LoadReport, actor=None
) -> Conference:
    spec = seed["conference"]
    m = doc.meeting or {}
    date = dt.date.fromisoformat(m["date"]) if m.get("date") else spec.get("date_fallback")
    if date is None:
        raise DemoError(f"{seed['file']}: the extractor found no meeting date and the script gives none")
    existing = Conference.objects.filter(unit=unit, source_document=doc).first()
    if existing is not None:
        return existing
    term = unit.terms.filter(start_year__lte=date.year, end_year__gte=date.year).first()
    conf = meetings.conference_create(
        actor=actor,
        unit=unit,
        body=spec.get("body", "executive"),
        date=date,
        term=term,
        ordinal=m.get("ordinal") if "ordinal" not in spec else spec["ordinal"],
        propose_ordinal=False,
        kind=spec.get("kind", "regular"),
        title=seed["title"],
        period=doc.period,
        resolution=resolution,
        minutes=spec.get("date_note", ""),
        source_document=doc,
    )
    report.add("conferences", True)
    chairs = set(m.get("chairs") or [])
    for order, official in enumerate(m.get("officials") or []):
        name, titles = official["name"], official.get("titles") or []
        if name in chairs:
            role = Role.CHAIR
        elif _is_from_above(titles, unit):
            role = Role.INVITED
        else:
            role = Role.MEMBER
        presented = [t for t, who in spec.get("presented", []) if who == name]
        if presented:
            role = Role.PRESENTER
        meetings.attendance_add(
            actor=actor,
            conference=conf,
            person=meetings.person_get_or_create(name),
            role=role,
            title=" - ".join(titles),
            order=order,
        )
    meetings.agenda_set(actor=actor, conference=conf, items=spec.get("agenda", []))
    for title, who in spec.get("presented", []):
        meetings.document_present(
            actor=actor, conference=conf, title=title, presenter=meetings.person_get_or_create(who)
        )
    codes = {i.code: i for i in Indicator.objects.all()}
    for text, cause, inds in spec.get("limitations", []):
        meetings.limitation_add(
            actor=actor, conference=conf, text=text, cause=cause, indicators=[codes[c] for c in inds]
        )
    for text, owner, deadline in spec.get("tasks", []):
        meetings.task_create(
            actor=actor, text=text, unit=unit, conference=conf, owner_text=owner, deadline=deadline
        )
    if spec.get("vote"):
        v = spec["vote"]
        blocs = [
            {"bloc": _bloc_name(c.indicator_text), "members": int(c.value)}
            for c in doc.candidates.order_by("index")
            if c.value is not None
            and re.search(v["blocs_from"], c.indicator_text, flags=re.IGNORECASE)
            and c.unit_text == "đồng chí"
        ]
        meetings.vote_record(
            actor=actor,
            conference=conf,
            matter=v["matter"],
            outcome=v["outcome"],
            personnel=v["personnel"],
            details=blocs,
        )
    return conf


def _bloc_name(indicator_text: str) -> str:
    i = indicator_text.lower().find("khối")
    name = indicator_text[i:] if i >= 0 else indicator_text
    return name[:1].upper() + name[1:]


def ensure_demo_user(report: LoadReport):
    User = get_user_model()
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(DEMO_USERNAME, "", DEMO_PASSWORD)
        report.add("users", True)
    return user


@transaction.atomic
def load_demo(*, today: dt.date | None = None, reports_dir: Path | None = None) -> LoadReport:
    report = LoadReport()
    today = today or dt.date.today()
    actor = ensure_demo_user(report)
    load_catalogue(report)
    load_units(report)
    conferences = []
    for seed in SCRIPT:
        unit, doc, resolution = read_seed(seed, report, actor, today)
        conferences.append((record_conference(seed, unit, doc, resolution, report, actor), resolution))
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
    from chitieu.meetings.reports import build_report

    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for conf, resolution in conferences:
        ctx = build_report(unit=conf.unit, resolution=resolution, period=conf.period, conference=conf)
        path = out / f"bao-cao-{conf.unit.code}-{parse_period(conf.period).code}.docx"
        render_report_docx(ctx, path)
        paths.append(path)
    return paths
