"""The one roll-up rule, checked on random trees through the database (both engines): the live
roll-up kept by result_save equals a full rebuild, and the total row of a dashboard equals the rule
applied to the rows above it — and the kept roll-up of its unit."""

import datetime as dt
import itertools
from decimal import Decimal as D

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.indicators.models import Indicator
from chitieu.lib.periods import parse_period
from chitieu.orgs.models import Unit
from chitieu.reporting import rollups
from chitieu.reporting.dashboard import province_dashboard
from chitieu.reporting.models import Result, Rollup
from chitieu.reporting.progress import Sums, figure_of, rolled_value
from chitieu.reporting.rollups import rebuild_all
from chitieu.reporting.services import result_save

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)
START = dt.date(2010, 1, 1)
_seq = itertools.count()

# a tree: the root's children, each with up to three children, each with up to two
trees = st.lists(st.lists(st.integers(0, 2), max_size=3), min_size=1, max_size=3)
writes = st.lists(
    st.tuples(
        st.integers(0, 30),  # which unit (taken modulo the tree's size)
        st.sampled_from(["sum", "ratio", "weighted", "weight"]),
        st.integers(0, 10**6),
        st.integers(1, 1000),
    ),
    min_size=1,
    max_size=14,
)


def _tree(shape) -> list[Unit]:
    n = next(_seq)
    root = Unit.objects.create(code=f"r{n}", name=f"Root {n}", kind="province", valid_from=START)
    units = [root]
    for i, grand in enumerate(shape):
        child = Unit.objects.create(
            code=f"r{n}-{i}", name=f"C {n}.{i}", kind="district", parent=root, valid_from=START
        )
        units.append(child)
        for j, leaves in enumerate(grand):
            g = Unit.objects.create(
                code=f"r{n}-{i}-{j}", name=f"G {n}.{i}.{j}", kind="commune", parent=child, valid_from=START
            )
            units.append(g)
            for k in range(leaves):
                units.append(
                    Unit.objects.create(
                        code=f"r{n}-{i}-{j}-{k}", name="V", kind="village", parent=g, valid_from=START
                    )
                )
    return units


@pytest.fixture
def indicators(world):
    area = Indicator.objects.create(
        code="area",
        name="Diện tích",
        measure_unit=world.tonnes,
        field="economy",
        measure="stock",
        aggregation="sum",
    )
    yield_ = Indicator.objects.create(
        code="yield", name="Năng suất", measure_unit=world.tonnes, field="economy", measure="stock",
        aggregation="weighted_avg", weight_indicator=area,
    )  # fmt: skip
    return {"sum": world.revenue, "ratio": world.coverage, "weighted": yield_, "weight": area}


def _write(indicators, units, plan):
    for which, kind, amount, den in plan:
        unit = units[which % len(units)]
        ind = indicators[kind]
        if kind == "ratio":
            num = D(amount % (den + 1))
            result_save(
                actor=None, indicator=ind, unit=unit, period="2023", value=None, numerator=num,
                denominator=D(den), today=TODAY,
            )  # fmt: skip
        else:
            result_save(
                actor=None, indicator=ind, unit=unit, period="2023", value=D(amount) / 100, today=TODAY
            )


def _snapshot():
    return sorted(
        (r.unit_id, r.indicator_id, r.period)
        + tuple(
            D(getattr(r, c)).normalize() for c in ("total", "numerator", "denominator", "weighted", "weight")
        )
        + (r.reporting, r.paired, r.meeting)
        for r in Rollup.objects.all()
    )


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(shape=trees, plan=writes)
def test_the_live_rollup_equals_a_full_rebuild_on_random_trees(indicators, shape, plan):
    units = _tree(shape)
    _write(indicators, units, plan)
    live = _snapshot()
    rebuild_all()
    assert _snapshot() == live


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(shape=trees, plan=writes)
def test_every_dashboard_total_is_the_rule_applied_to_its_rows_and_agrees_with_the_kept_rollup(
    indicators, shape, plan
):
    units = _tree(shape)
    _write(indicators, units, plan)
    for parent in units:
        if parent.children.exists():
            assert_totals_follow_the_rule(parent, "2023")


def assert_totals_follow_the_rule(parent, code: str) -> None:
    """The dashboard of ``parent`` for ``code``: each total is the indicator's rule over the rows, worked
    out here from the database, and agrees with the kept roll-up of ``parent``."""
    board = province_dashboard(parent, parse_period(code), None)
    for col, ind in enumerate(board.indicators):
        if ind.aggregation in ("none", "count_meeting"):
            continue
        total = Sums()
        for child in board.children:
            own = Result.objects.filter(unit=child, indicator=ind, period=code).first()
            weight = None
            if ind.weight_indicator_id:
                weight = (
                    Result.objects.filter(unit=child, indicator_id=ind.weight_indicator_id, period=code)
                    .values_list("value", flat=True)
                    .first()
                )
            mine = rollups.contribution(
                ind,
                *((own.value, own.numerator, own.denominator) if own else (None, None, None)),
                weight=weight,
            )
            below = rollups.sums_of(Rollup.objects.filter(unit=child, indicator=ind, period=code).first())
            total += figure_of(mine, below)[0]
        expected = rolled_value(total, ind.aggregation, scale=rollups.scale_of(ind))
        shown = board.totals[col].figure
        assert (shown is None) == (expected is None), (parent.code, ind.code)
        if expected is not None:
            assert abs(shown - expected) <= abs(expected) * D("1e-9") + D("1e-9"), (parent.code, ind.code)
            kept = rollups.rollup_value(
                Rollup.objects.filter(unit=parent, indicator=ind, period=code).first(), ind
            )
            assert abs(kept - expected) <= abs(expected) * D("1e-9") + D("1e-9")


def test_on_the_demo_every_total_row_agrees_with_its_rows_and_counts_say_x_of_the_units_below(vi_client):
    from chitieu.demo.loader import load_demo

    load_demo()
    for parent in Unit.objects.filter(children__isnull=False).distinct():
        for code in set(Rollup.objects.filter(unit=parent).values_list("period", flat=True)):
            assert_totals_follow_the_rule(parent, code)
    board = province_dashboard(Unit.objects.get(code="long-an"), parse_period("2024-H1"), None)
    totals = {i.code: t for i, t in zip(board.indicators, board.totals, strict=True)}
    assert totals["ntm-so-xa"].value == "8/9" and totals["bhyt"].value == "95,49"
    page = vi_client.get(
        reverse("reporting:unit_detail", args=["long-an"]), {"period": "2024-H1"}
    ).content.decode()
    assert "8/9 đơn vị trực thuộc đạt" in page and "8/0" not in page
