"""Load the demo: the catalogue and the five seed reviews. Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from chitieu.indicators.models import Indicator, MeasureUnit, Resolution, Target
from chitieu.lib.periods import parse_period
from chitieu.lib.vnnum import format_number, format_percent
from chitieu.orgs.models import Term, Unit
from chitieu.reporting.models import ReportingSetup, Result
from chitieu.reporting.progress import Polarity, derive_target
from chitieu.reporting.services import StatedInput, result_save, target_save

from .catalogue import INDICATORS, MEASURE_UNITS
from .seeds import SEEDS, UNITS

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"  # printed in the README; a demo, not a deployment

BASIS_FOR_TARGET = {"plan", "resolution", "estimate_upper", "estimate_local", "other"}


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, created: bool, changed: bool = False) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1
        elif changed:
            self.changed[kind] = self.changed.get(kind, 0) + 1

    def summary(self) -> str:
        made = ", ".join(f"{n} {k}" for k, n in sorted(self.created.items())) or "nothing new"
        upd = ", ".join(f"{n} {k}" for k, n in sorted(self.changed.items())) or "nothing"
        return f"created {made}; updated {upd}"


def _upsert(model, lookup: dict, values: dict, report: LoadReport, kind: str):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        report.add(kind, True)
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.full_clean()
        obj.save(update_fields=changed)
        report.add(kind, False, True)
    return obj


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
    # Two passes: references to other indicators need them to exist.
    for code, name, name_en, mu, fld, measure, agg, extra in INDICATORS:
        plain = {k: v for k, v in extra.items() if k not in {"parent", "child_indicator", "weight_indicator"}}
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
    by_code = {i.code: i for i in Indicator.objects.all()}
    for code, *_rest, extra in INDICATORS:
        refs = {
            k: by_code[v] for k, v in extra.items() if k in {"parent", "child_indicator", "weight_indicator"}
        }
        if refs:
            _upsert(Indicator, {"code": code}, refs, report, "indicators")


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


def _pct(p: Decimal) -> str:
    exp = p.normalize().as_tuple().exponent
    return format_percent(p, max(0, -exp) if isinstance(exp, int) else 1)


def load_seed(seed: dict, report: LoadReport, actor, today: dt.date) -> None:
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
    period = parse_period(seed["period"])
    target_period = period.year_period() or period
    indicators = {i.code: i for i in Indicator.objects.select_related("measure_unit")}
    for f in seed["figures"]:
        ind = indicators[f["indicator"]]
        fig_unit = Unit.objects.get(code=f["unit"]) if f["unit"] else unit
        stated = [
            StatedInput(basis=b, kind=k, percent=p, basis_label=lbl, qualifier=q)
            for b, k, p, lbl, q in f["stated"]
        ]
        status = seed.get("status", f["status"])
        note = " ".join(x for x in (seed.get("note", ""), f["note"]) if x)
        source_ref = f"seeds/{seed['file']}"
        existing = Result.objects.filter(indicator=ind, unit=fig_unit, period=period.code).first()
        wanted = (f["value"], f["denominator"], status, f["qualifier"], note, f["quote"])
        if (
            existing is None
            or (
                existing.value,
                existing.denominator,
                existing.status,
                existing.qualifier,
                existing.note,
                existing.source_text,
            )
            != wanted
            or _stated_differs(existing, stated)
        ):
            result_save(
                actor=actor,
                indicator=ind,
                unit=fig_unit,
                period=period.code,
                value=f["value"],
                denominator=f["denominator"],
                numerator=None,
                status=status,
                qualifier=f["qualifier"],
                note=note,
                source="entered",
                source_ref=source_ref,
                source_text=f["quote"],
                stated=stated,
                today=today,
            )
            report.add("results", existing is None, existing is not None)
        for basis in f["derive"]:
            st = next(s for s in stated if s.basis == basis and s.kind == "of")
            value = derive_target(f["value"], st.percent, polarity=Polarity(ind.polarity))
            note_t = (
                f"Suy ra từ bài viết: {format_number(f['value'])} {ind.measure_unit.symbol} đạt {_pct(st.percent)} "
                f"{st.basis_label} ⇒ chỉ tiêu ≈ {format_number(value)} {ind.measure_unit.symbol} (giá trị gần đúng)."
            )
            tp = target_period if resolution.kind != "congress" else parse_period(resolution.period_code)
            t = Target.objects.filter(indicator=ind, unit=fig_unit, period=tp.code, basis=basis).first()
            if t is None or t.value != value or t.note != note_t or t.basis_label != st.basis_label:
                target_save(
                    actor=actor,
                    indicator=ind,
                    unit=fig_unit,
                    period=tp.code,
                    basis=basis,
                    value=value,
                    resolution=resolution,
                    basis_label=st.basis_label,
                    derived=True,
                    note=note_t,
                )
                report.add("targets", t is None, t is not None)


def _stated_differs(result: Result, stated: list[StatedInput]) -> bool:
    have = {(s.basis, s.kind, s.percent.normalize(), s.basis_label, s.qualifier) for s in result.stated.all()}
    want = {(s.basis, s.kind, Decimal(s.percent).normalize(), s.basis_label, s.qualifier) for s in stated}
    return have != want


def ensure_demo_user(report: LoadReport):
    User = get_user_model()
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(DEMO_USERNAME, "", DEMO_PASSWORD)
        report.add("users", True)
    return user


@transaction.atomic
def load_demo(*, today: dt.date | None = None) -> LoadReport:
    report = LoadReport()
    today = today or dt.date.today()
    actor = ensure_demo_user(report)
    load_catalogue(report)
    load_units(report)
    for seed in SEEDS:
        load_seed(seed, report, actor, today)
    return report
