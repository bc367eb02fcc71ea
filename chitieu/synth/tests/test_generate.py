"""`chitieu generate`: small data sets in the test database (SQLite or PostgreSQL, whichever the run uses)."""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result, Rollup
from chitieu.reporting.rollups import rebuild_all
from chitieu.synth.load import SYNTH_MARK, load
from chitieu.synth.plan import make_plan

pytestmark = pytest.mark.django_db
SMALL = {"provinces": 2, "communes": 30, "indicators": 12, "months": 3, "resolution_indicators": 6}


def generate(**options) -> str:
    out = io.StringIO()
    call_command("generate", **{**SMALL, **options}, stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    """Every generated row by natural keys (ids differ between runs)."""
    units = sorted(Unit.objects.values_list("code", "name", "kind", "parent__code", "valid_from"))
    indicators = sorted(
        Indicator.objects.values_list("code", "name", "field", "measure", "aggregation", "measure_unit__code")
    )
    results = sorted(
        (i, u, p, Decimal(v).normalize(), n, d, s)
        for i, u, p, v, n, d, s in Result.objects.values_list(
            "indicator__code", "unit__code", "period", "value", "numerator", "denominator", "status"
        )
    )
    targets = sorted(
        (i, u, p, Decimal(v).normalize(), r)
        for i, u, p, v, r in Target.objects.values_list(
            "indicator__code", "unit__code", "period", "value", "resolution__number"
        )
    )
    return [units, indicators, results, targets]


def test_it_creates_the_country_it_was_asked_for():
    text = generate()
    root = Unit.objects.get(parent=None)
    provinces = list(Unit.objects.filter(parent=root, valid_to=None).order_by("code"))
    assert [p.code for p in provinces] == ["p01", "p02"]
    assert {p.kind for p in provinces} <= {"province", "city"}
    communes = Unit.objects.filter(parent__in=provinces, valid_to=None)
    assert communes.count() == 30 and Unit.objects.filter(valid_to=None).count() == 33
    assert {c.valid_from.isoformat() for c in communes} <= {"2025-07-01", "2008-08-01"}
    assert set(communes.values_list("kind", flat=True)) <= {"commune", "ward", "special_zone"}
    assert all(c.code.startswith(c.parent.code + "-x") for c in communes.select_related("parent"))
    assert Indicator.objects.count() == 12
    assert set(Indicator.objects.values_list("field", flat=True)) == {
        "economy", "culture_society", "defence_security", "party_building",
    }  # fmt: skip
    assert set(Indicator.objects.values_list("measure", flat=True)) == {
        "flow",
        "stock",
        "ratio",
        "count_meeting",
    }

    # Results only on today's communes (after the reform), in the last 3 months ending 2026-06.
    assert not Result.objects.exclude(unit__in=communes).exists()
    assert set(Result.objects.values_list("period", flat=True)) <= {
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-Q2",
    }
    assert set(Result.objects.values_list("status", flat=True)) == {"actual"}
    # Each indicator reports at one frequency: monthly ones only months, quarterly ones only quarters.
    kinds_per_indicator = defaultdict(set)
    for ind, period in Result.objects.values_list("indicator_id", "period"):
        kinds_per_indicator[ind].add("Q" in period)
    assert all(len(k) == 1 for k in kinds_per_indicator.values())

    # One resolution per province, its targets for 6 indicators on the province and each commune.
    assert Resolution.objects.count() == 2
    for res in Resolution.objects.all():
        targets = Target.objects.filter(resolution=res)
        assert targets.values("indicator").distinct().count() == 6
        assert set(targets.values_list("basis", flat=True)) == {"plan"}
        assert targets.filter(unit=res.unit).count() == 6
    assert f"created {Unit.objects.count()} units" in text and "12 indicators, 2 resolutions" in text
    assert "done in" in text


def test_ratios_flags_and_values_are_well_formed():
    generate(months=12)  # flags are annual: include the year 2025
    ratios = Result.objects.filter(indicator__measure="ratio")
    assert ratios.exists()
    for value, num, den in ratios.values_list("value", "numerator", "denominator"):
        assert den > 0 and 0 <= num <= den
        assert abs(Decimal(value) - Decimal(num) * 100 / Decimal(den)) < Decimal("0.01")
    flags = set(Result.objects.filter(indicator__measure="count_meeting").values_list("value", flat=True))
    assert flags and flags <= {0, 1}
    assert not Result.objects.filter(indicator__measure__in=["flow", "stock"], value__lt=0).exists()


def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    generate(seed=7)
    first = snapshot()
    generate(seed=7, replace=True)
    assert snapshot() == first
    generate(seed=8, replace=True)
    assert snapshot()[2] != first[2]


def test_it_refuses_a_database_that_is_not_empty(world):
    with pytest.raises(CommandError, match="not empty.*--replace"):
        generate()
    generate(replace=True)  # nothing generated to remove; the world stays beside the generated data
    assert Unit.objects.filter(code="tinh-p").exists()
    generated = Unit.objects.filter(note=SYNTH_MARK).count()
    assert generated > 33
    with pytest.raises(CommandError, match="not empty"):
        generate()
    out = generate(replace=True)
    assert "removed earlier generated rows" in out
    assert (
        Unit.objects.filter(note=SYNTH_MARK).count() == generated
        and Unit.objects.filter(code="xa-1").exists()
    )


def _close(a, b) -> bool:
    a, b = Decimal(a), Decimal(b)
    return abs(a - b) <= Decimal("1e-6") * max(Decimal(1), abs(b))


def test_the_rollups_agree_with_a_sum_of_the_rows():
    generate()
    province = Unit.objects.get(code="p01")
    expected: dict[tuple[int, str], list] = defaultdict(lambda: [Decimal(0), 0, Decimal(0), Decimal(0), 0])
    thresholds = dict(Indicator.objects.values_list("id", "threshold"))
    for ind, period, value, num, den in Result.objects.filter(unit__parent=province).values_list(
        "indicator_id", "period", "value", "numerator", "denominator"
    ):
        row = expected[(ind, period)]
        row[0] += Decimal(value)
        row[1] += 1
        row[2] += Decimal(num or 0)
        row[3] += Decimal(den or 0)
        row[4] += int(thresholds[ind] is not None and value >= thresholds[ind])
    got = {(r.indicator_id, r.period): r for r in Rollup.objects.filter(unit=province)}
    assert set(got) == set(expected)
    for key, (total, reporting, num, den, meeting) in expected.items():
        r = got[key]
        assert _close(r.total, total) and r.reporting == reporting and r.meeting == meeting
        assert _close(r.numerator, num) and _close(r.denominator, den)
    # The nation is the sum of its provinces, and a second rebuild changes nothing.
    root = Unit.objects.get(parent=None)
    for r in Rollup.objects.filter(unit=root)[:20]:
        parts = Rollup.objects.filter(unit__parent=root, indicator=r.indicator_id, period=r.period)
        assert _close(r.total, sum(Decimal(p.total) for p in parts))
        assert r.reporting == sum(p.reporting for p in parts)
    before = sorted(Rollup.objects.values_list("unit_id", "indicator_id", "period", "reporting", "meeting"))
    rebuild_all()
    assert (
        sorted(Rollup.objects.values_list("unit_id", "indicator_id", "period", "reporting", "meeting"))
        == before
    )


def test_the_bulk_path_restores_indexes_and_constraints():
    """Big loads drop the results table's indexes and foreign keys and rebuild them; force that path."""

    def schema():
        with connection.cursor() as cur:
            c = connection.introspection.get_constraints(cur, "reporting_result")
        return sorted(
            (name, tuple(v["columns"]), v["unique"], bool(v["foreign_key"])) for name, v in c.items()
        )

    before = schema()
    plan = make_plan(seed=3, end=(2026, 6), **SMALL)
    report = load(plan, log=lambda _line: None, drop_indexes=True)
    assert schema() == before
    assert report.counts["results"] == Result.objects.count() > 0


def test_distributions_at_national_size():
    """The plan alone (no database): kinds, sizes and the share of missing figures."""
    plan = make_plan(
        seed=1,
        provinces=34,
        communes=3321,
        indicators=300,
        months=24,
        end=(2026, 6),
        resolution_indicators=40,
    )
    communes = [plan.units[u] for u in plan.communes]
    kinds = Counter(c.kind for c in communes)
    assert len(communes) == 3321
    assert abs(kinds["commune"] / 3321 - 0.79) < 0.02 and abs(kinds["ward"] / 3321 - 0.20) < 0.02
    assert 8 <= kinds["special_zone"] <= 18
    assert Counter(plan.units[p].kind for p in plan.provinces) == {"city": 6, "province": 28}
    sizes = sorted(Counter(c.parent for c in communes).values())
    assert sizes[0] < 0.7 * 3321 / 34 and sizes[-1] > 1.3 * 3321 / 34  # uneven, log-normal
    assert 0.93 < sum(c.valid_from.isoformat() == "2025-07-01" for c in communes) / 3321 < 0.99
    assert Counter(i.template.field for i in plan.indicators) == {
        "economy": 120, "culture_society": 90, "defence_security": 45, "party_building": 45,
    }  # fmt: skip
    assert {i.template.freq for i in plan.indicators} == {"M", "Q", "Y"}
    assert len({i.code for i in plan.indicators}) == 300 and len(plan.resolution_indicators) == 40
    assert [p.code for p in plan.periods if p.freq == "Y"] == ["2024", "2025"]
    # Before the reform: ~52 old provinces, ~700 districts, ~10 000 communes (3 193 → 10 035 in reality).
    old = Counter(plan.units[u].kind for u in plan.old_units)
    assert 45 <= old["province"] + old["city"] <= 60
    assert 600 <= old["district"] + old["urban_district"] + old["town"] + old["provincial_city"] <= 800
    assert 9000 <= old["commune"] + old["ward"] + old["township"] <= 11000
    assert all(len(v) >= 1 for v in plan.predecessors.values())
    assert len(plan.predecessors) == sum(c.valid_from.isoformat() == "2025-07-01" for c in communes)


def test_seasonality_growth_and_missing_share():
    from chitieu.synth.plan import Model

    plan = make_plan(
        seed=2, provinces=4, communes=300, indicators=40, months=24, end=(2026, 6), resolution_indicators=10
    )
    model = Model(plan)
    slots = reported = 0
    by_period: dict[tuple[int, str], float] = defaultdict(float)
    freq = Counter(i.template.freq for i in plan.indicators)
    for _ci, pi, figures in model.rows():
        pp = plan.periods[pi]
        slots += freq[pp.freq]
        reported += len(figures)
        for k, value, _n, _d in figures:
            by_period[(k, pp.code)] += float(value)
    assert 0.025 < 1 - reported / slots < 0.035
    revenue = 0  # ind-001: budget revenue, monthly, peaks in December, grows ~8 % a year
    assert plan.indicators[revenue].template.freq == "M"
    assert by_period[(revenue, "2025-12")] > by_period[(revenue, "2025-07")] * 1.2
    assert by_period[(revenue, "2026-05")] > by_period[(revenue, "2025-05")] * 1.02


def test_figures_before_the_reform_sit_on_the_old_communes_linked_by_lineage(vi_client):
    """15 months ending 2026-06 straddle 1 July 2025: April–June 2025 belong to the old communes."""
    from chitieu.lib.periods import parse_period
    from chitieu.orgs.models import UnitLineage
    from chitieu.reporting.baselines import baselines

    generate(months=15)
    new = Unit.objects.filter(valid_from="2025-07-01", kind__in=["commune", "ward"]).first()
    olds = [e.predecessor for e in UnitLineage.objects.filter(successor=new).select_related("predecessor")]
    assert olds and all(o.valid_to.isoformat() == "2025-07-01" for o in olds)
    assert all(o.parent.valid_to is not None for o in olds)  # under a district that is gone too
    assert not Result.objects.filter(unit=new, period="2025-06").exists()
    assert not Result.objects.filter(unit__in=olds, period="2025-07").exists()
    # Last year's figure of the new commune, rebuilt through lineage, is the sum of its predecessors'.
    flow = Indicator.objects.filter(
        measure="flow", aggregation="sum", description__contains="monthly"
    ).first()
    checked = 0
    for unit in Unit.objects.filter(valid_from="2025-07-01", kind__in=["commune", "ward"])[:10]:
        preds = list(UnitLineage.objects.filter(successor=unit).values_list("predecessor", flat=True))
        parts = Result.objects.filter(unit__in=preds, indicator=flow, period="2025-06")
        if parts.count() == len(preds):  # a predecessor that did not report leaves no baseline
            b = baselines([unit], [flow], "2025-06")[(unit.pk, flow.pk)]
            assert b.rebuilt and _close(b.value, sum(Decimal(r.value) for r in parts))
            checked += 1
    assert checked >= 5
    # The province dashboard compares June 2026 with June 2025 through that lineage.
    province = new.parent
    res = Resolution.objects.get(unit=province)
    response = vi_client.get(
        f"/units/{province.code}/dashboard/", {"period": "2026-06", "resolution": res.pk}
    )
    assert response.status_code == 200
    assert "‡" in response.content.decode()
    assert parse_period("2026-06").same_period_last_year().code == "2025-06"


def test_without_predecessors_new_units_report_only_after_the_reform():
    generate(months=15, predecessors=0)
    assert not Unit.objects.exclude(valid_to=None).exists()
    new = Unit.objects.filter(valid_from="2025-07-01", kind__in=["commune", "ward", "special_zone"])
    assert not Result.objects.filter(unit__in=new, period__in=["2025-04", "2025-06", "2025-Q2"]).exists()
    assert Result.objects.filter(unit__in=new, period="2025-07").exists()
